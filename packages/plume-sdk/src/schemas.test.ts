import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { customerSchema, customerSearchSchema } from './models/customer';
import { locationListSchema, locationSchema } from './models/location';
import { nodeListSchema } from './models/node';
import { onlineStatsSchema, wanStatsSchema } from './models/reports';
import { wifiNetworkListSchema } from './models/wifi-network';
import { fixtures, startSimulator, type Simulator } from './test-support';

// The transport parses bodies with `z.compile`d clones of the schemas where zod may generate code,
// and with the schemas themselves where it may not (jitless, strict CSP): both must agree.

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator();
  const response = await fetch(sim.ssoUrl, {
    method: 'POST',
    headers: { authorization: sim.credentials.authorization },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: `partnerId:${sim.credentials.partnerId} role:partnerIdAdmin`,
    }),
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await sim.close();
});

async function body(url: string): Promise<unknown> {
  return (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
}

function expectSameParse(schema: z.ZodType, value: unknown): void {
  expect(z.compile(schema).safeParse(value)).toEqual(schema.safeParse(value));
}

const ours = Object.values(fixtures.customers).filter((customer) => customer.partnerId === fixtures.partnerId);

describe('compiled schemas', () => {
  it('give the same results as the runtime parser for every body of the data set', async () => {
    for (const customer of ours) {
      const api = `${sim.apiBase}Customers/${customer.id}`;
      expectSameParse(customerSchema, await body(api));
      expectSameParse(locationListSchema, await body(`${api}/locations`));
      expectSameParse(
        customerSearchSchema,
        await body(`${sim.apiBase}Partners/customers/search/${encodeURIComponent(customer.email)}?field=email`),
      );
      for (const key of customer.locations) {
        const location = `${api}/locations/${fixtures.locations[key].id}`;
        const reports = `${sim.reportsBase}Customers/${customer.id}/locations/${fixtures.locations[key].id}`;
        expectSameParse(locationSchema, await body(location));
        expectSameParse(nodeListSchema, await body(`${location}/nodes`));
        expectSameParse(wifiNetworkListSchema, await body(`${location}/wifiNetworks`));
        expectSameParse(wanStatsSchema, await body(`${reports}/wanStats?period=daily`));
        expectSameParse(onlineStatsSchema, await body(`${reports}/onlineStats?granularity=days&limit=7`));
      }
    }
  });

  it('report the same issues for a body that breaks the schema', async () => {
    const { ada } = fixtures.customers;
    const { adaHome } = fixtures.locations;
    sim.faults.malformNext('nodes.list', 'wrong-shape');
    const broken = await body(`${sim.apiBase}Customers/${ada.id}/locations/${adaHome.id}/nodes`);
    expect(nodeListSchema.safeParse(broken).success).toBe(false);
    expectSameParse(nodeListSchema, broken);
  });
});
