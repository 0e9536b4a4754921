import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PlumeClient } from '@org/plume-sdk';
import { fixtures, startSimulator, type Simulator } from '@org/plume-simulator';
import { REPORT_VIEWS } from '../callback-data/actions';
import { VIEWS } from './views';

describe('the report views', () => {
  let simulator: Simulator;
  let client: PlumeClient;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    const { authorization, partnerId } = simulator.credentials;
    client = new PlumeClient({ authorization, partnerId, ssoUrl: simulator.ssoUrl, apiBase: simulator.apiBase, rateLimit: false });
  });
  afterAll(() => simulator.close());

  it('render every view of every health case, within Telegram’s limit and without a Wi-Fi password', async () => {
    const cases = new Map(Object.values(fixtures.locations).filter((l) => l.customerId !== fixtures.customers.foreign.id).map((l) => [l.healthCase, l]));
    for (const location of cases.values()) {
      for (const view of REPORT_VIEWS) {
        const parts = await VIEWS[view](client, { customerId: location.customerId, locationId: location.id, name: location.name });
        expect(parts.length).toBeGreaterThan(0);
        for (const part of parts) {
          expect(part.text.length).toBeLessThanOrEqual(4096);
          expect(part.text).not.toMatch(/password|encryptionKey/i);
        }
      }
    }
    expect(cases.size).toBeGreaterThanOrEqual(5);
  });

  it('fetch the location and its nodes for /status in one round trip', async () => {
    const { customerId, id } = fixtures.locations.adaHome;
    await client.verifyCredentials();
    simulator.log.clear();
    simulator.faults.setLatency(500);
    try {
      await VIEWS.status(client, { customerId, locationId: id, name: 'Home' });
    } finally {
      simulator.faults.setLatency(0);
    }
    const [location, nodes] = [simulator.log.requests('locations.get'), simulator.log.requests('nodes.list')];
    expect(location).toHaveLength(1);
    expect(nodes).toHaveLength(1);
    // Both requests arrived before either answered: they were in flight together.
    expect(Math.max(location[0]!.receivedAt, nodes[0]!.receivedAt)).toBeLessThan(Math.min(location[0]!.respondedAt, nodes[0]!.respondedAt));
  });

  it('cancel the other /status call once one fails, so that it spends nothing and takes no later fault', async () => {
    const { customerId, id } = fixtures.locations.adaHome;
    const { authorization, partnerId } = simulator.credentials;
    // One request a second: nodes.list waits in the limiter while locations.get fails.
    const slow = new PlumeClient({ authorization, partnerId, ssoUrl: simulator.ssoUrl, apiBase: simulator.apiBase, rateLimit: { requestsPerSecond: 1, burst: 1 } });
    await slow.verifyCredentials();
    simulator.log.clear();
    simulator.faults.failNext('locations.get', 404);
    await expect(VIEWS.status(slow, { customerId, locationId: id, name: 'Home' })).rejects.toMatchObject({ code: 'not_found' });
    // Past the moment the limiter would have let nodes.list go (1 s): it never reaches Plume.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(simulator.log.requests('locations.get')).toHaveLength(1);
    expect(simulator.log.requests('nodes.list')).toHaveLength(0);
  });
});
