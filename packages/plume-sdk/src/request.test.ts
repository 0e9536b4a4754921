import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { isPlumeArgumentError, PlumeNotFoundError, PlumeResponseError, type PlumeEvent } from './index';
import { clientFor, fixtures, rejectionOf, startSimulator, type Simulator } from './test-support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterEach(() => {
  sim.faults.reset();
  sim.log.clear();
});
afterAll(async () => {
  await sim.close();
});

const { ada } = fixtures.customers;
const home = fixtures.locations.adaHome;
const CUSTOMER = 'Customers/{customerId}';

describe('client.request()', () => {
  it('returns the parsed JSON as unknown without a schema', async () => {
    const { client } = clientFor(sim);
    const body = await client.request({ base: 'api', path: CUSTOMER, params: { customerId: ada.id } });
    expect(body).toMatchObject({ id: ada.id });
  });

  it('parses with the given schema and types the result', async () => {
    const { client } = clientFor(sim);
    const schema = z.object({ fifteenMins: z.array(z.object({ timestamp: z.union([z.string(), z.number()]) })) });
    const stats = await client.request({
      base: 'reports',
      path: 'Customers/{customerId}/locations/{locationId}/wanStats',
      params: { customerId: ada.id, locationId: home.id },
      query: { period: 'daily', unused: undefined },
      schema,
    });
    expect(stats.fifteenMins.length).toBeGreaterThan(0);
    const [logged] = sim.log.requests('reports.wanStats');
    expect(logged?.query).toEqual({ period: 'daily' });
  });

  it('encodes each param as exactly one path segment', async () => {
    const { client } = clientFor(sim);
    const error = await rejectionOf(
      client.request({ base: 'api', path: CUSTOMER, params: { customerId: 'a/b?c#d %' } }),
    );
    expect(error).toBeInstanceOf(PlumeNotFoundError);
    expect(sim.log.requests().at(-1)?.rawPath).toBe('/api/Customers/a%2Fb%3Fc%23d%20%25');
  });

  it('names the endpoint by its template in errors and events, never with the ids', async () => {
    const events: PlumeEvent[] = [];
    const { client } = clientFor(sim, { onEvent: (event) => events.push(event) });
    const error = await rejectionOf(
      client.request({ base: 'api', path: `${CUSTOMER}/gadgets`, params: { customerId: 'secret-id-42' } }),
    );
    expect(error).toMatchObject({ code: 'not_found', status: 404, endpoint: 'GET api/Customers/{customerId}/gadgets' });
    expect(JSON.stringify(events)).not.toContain('secret-id-42');
    expect(events.map((event) => event.type)).toContain('error');
  });

  it('retries like a wrapped endpoint', async () => {
    const { client } = clientFor(sim);
    sim.faults.failNext('customers.get', 503, 1);
    await expect(
      client.request({ base: 'api', path: CUSTOMER, params: { customerId: ada.id } }),
    ).resolves.toMatchObject({ id: ada.id });
    expect(sim.log.count('customers.get')).toBe(2);
  });

  it('throws PlumeResponseError when the body breaks the schema', async () => {
    const { client } = clientFor(sim);
    const error = await rejectionOf(
      client.request({
        base: 'api',
        path: CUSTOMER,
        params: { customerId: ada.id },
        schema: z.object({ id: z.number() }),
      }),
    );
    expect(error).toBeInstanceOf(PlumeResponseError);
    expect(error).toMatchObject({ path: 'id' });
  });

  it.each([
    ['a missing param', { base: 'api', path: CUSTOMER, params: {} }, /params lacks "customerId"/],
    [
      'an unused param',
      { base: 'api', path: CUSTOMER, params: { customerId: 'c', locationId: 'l' } },
      /params has "locationId"/,
    ],
    ['a dot-dot id', { base: 'api', path: CUSTOMER, params: { customerId: '..' } }, /cannot be "\." or "\.\."/],
    [
      'a query in the path',
      { base: 'api', path: `${CUSTOMER}?limit=1`, params: { customerId: 'c' } },
      /put the query in `query`/,
    ],
    ['a dot-dot segment in the path', { base: 'api', path: '../Customers', params: {} }, /only path characters/],
    ['a leading slash', { base: 'api', path: '/Customers', params: {} }, /without a leading "\/"/],
    ['an unknown base', { base: 'sso', path: 'x', params: {} }, /base must be "api" or "reports"/],
  ] as const)('refuses %s before sending anything', async (_, request, message) => {
    const { client } = clientFor(sim);
    const error = await rejectionOf(client.request(request as never));
    expect(isPlumeArgumentError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(sim.log.requests().filter((logged) => logged.route !== 'token')).toEqual([]);
  });
});
