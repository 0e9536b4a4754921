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
    client = new PlumeClient({
      authorization,
      partnerId,
      ssoUrl: simulator.ssoUrl,
      apiBase: simulator.apiBase,
      rateLimit: false,
    });
  });
  afterAll(() => simulator.close());

  /** Every Wi-Fi key the simulator holds for a location, read from its raw answers as Plume sends them. */
  async function wifiKeysOf(customerId: string, locationId: string): Promise<string[]> {
    const { authorization, partnerId } = simulator.credentials;
    const token = await fetch(simulator.ssoUrl, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: `partnerId:${partnerId} role:partnerIdAdmin`,
      }),
    }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
    const raw = async (path: string) => {
      const response = await fetch(new URL(path, simulator.apiBase), { headers: { authorization: `Bearer ${token}` } });
      return JSON.stringify(await response.json());
    };
    const base = `Customers/${encodeURIComponent(customerId)}/locations/${encodeURIComponent(locationId)}`;
    const bodies = (await raw(`${base}/wifiNetworks`)) + (await raw(base));
    return [...bodies.matchAll(/"(?:encryptionKey|wpaKey)":"([^"]+)"/g)].map(([, key]) => key!);
  }

  it('render every view of every health case, within Telegram’s limit and without any Wi-Fi key the simulator holds', async () => {
    const cases = new Map(
      Object.values(fixtures.locations)
        .filter((l) => l.customerId !== fixtures.customers.foreign.id)
        .map((l) => [l.healthCase, l]),
    );
    for (const location of cases.values()) {
      const keys = await wifiKeysOf(location.customerId, location.id);
      // Each location has a home and a guest network with a key, and a backhaul key.
      expect(keys.length).toBeGreaterThanOrEqual(3);
      for (const view of REPORT_VIEWS) {
        const parts = await VIEWS[view](client, {
          customerId: location.customerId,
          locationId: location.id,
          name: location.name,
        });
        expect(parts.length).toBeGreaterThan(0);
        for (const part of parts) {
          expect(part.text.length).toBeLessThanOrEqual(4096);
          const shown = part.text + JSON.stringify(part.entities);
          expect(keys.filter((key) => shown.includes(key))).toEqual([]);
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
    expect(Math.max(location[0]!.receivedAt, nodes[0]!.receivedAt)).toBeLessThan(
      Math.min(location[0]!.respondedAt, nodes[0]!.respondedAt),
    );
  });

  it('cancel the other /status call once one fails, so that it spends nothing and takes no later fault', async () => {
    const { customerId, id } = fixtures.locations.adaHome;
    const { authorization, partnerId } = simulator.credentials;
    // One request a second: nodes.list waits in the limiter while locations.get fails.
    const slow = new PlumeClient({
      authorization,
      partnerId,
      ssoUrl: simulator.ssoUrl,
      apiBase: simulator.apiBase,
      rateLimit: { requestsPerSecond: 1, burst: 1 },
    });
    await slow.verifyCredentials();
    simulator.log.clear();
    simulator.faults.failNext('locations.get', 404);
    await expect(VIEWS.status(slow, { customerId, locationId: id, name: 'Home' })).rejects.toMatchObject({
      code: 'not_found',
    });
    // Past the moment the limiter would have let nodes.list go (1 s): it never reaches Plume.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(simulator.log.requests('locations.get')).toHaveLength(1);
    expect(simulator.log.requests('nodes.list')).toHaveLength(0);
  });
});
