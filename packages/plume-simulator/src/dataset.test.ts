import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type HealthCase, type Simulator } from './index';
import { getJson, token } from './test-support';

let sim: Simulator;
let accessToken: string;
beforeAll(async () => {
  sim = await startSimulator();
  accessToken = await token(sim);
});
afterAll(async () => {
  await sim.close();
});

type Json = Record<string, unknown>;
const allCases: HealthCase[] = [
  'allWell',
  'onePodDisconnected',
  'allOffline',
  'fairPoorWithAlerts',
  'noServiceLevel',
  'noNodes',
];
const path = (key: keyof typeof fixtures.locations) => {
  const { customerId, id } = fixtures.locations[key];
  return `/Customers/${customerId}/locations/${id}`;
};

async function nodesOf(key: keyof typeof fixtures.locations): Promise<Json[]> {
  const { body } = await getJson<{ nodes: Json[] | { nodes: Json[] } }>(sim, `/api${path(key)}/nodes`, accessToken);
  return Array.isArray(body.nodes) ? body.nodes : body.nodes.nodes;
}

describe('the built-in data set', () => {
  it('covers every health case with a location of the simulator partner', () => {
    const ours = Object.values(fixtures.locations).filter(
      (location) => location.customerId !== fixtures.customers.foreign.id,
    );
    expect(new Set(ours.map((location) => location.healthCase))).toEqual(new Set(allCases));
  });

  it('has a customer with at least 12 locations and one with none', () => {
    expect(fixtures.customers.chain.locations.length).toBeGreaterThanOrEqual(12);
    expect(fixtures.customers.newbie.locations).toEqual([]);
  });

  it('uses names with Markdown and HTML specials and emoji', () => {
    const names = [...Object.values(fixtures.customers), ...Object.values(fixtures.locations)]
      .map((entry) => entry.name)
      .join(' ');
    for (const special of ['_', '*', '[', ']', '<', '>', '&', '🏢']) expect(names).toContain(special);
  });

  it('has unique 24-hex customer and location ids', () => {
    const ids = [...Object.values(fixtures.customers), ...Object.values(fixtures.locations)].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('matches each health case in the nodes it serves', async () => {
    const connected = (nodes: Json[]) => nodes.filter((node) => node.connectionState === 'connected').length;
    expect(connected(await nodesOf('adaHome'))).toBe(3);
    expect(connected(await nodesOf('adaBeach'))).toBe(2);
    expect(connected(await nodesOf('graceCabin'))).toBe(0);
    expect(await nodesOf('graceGarage')).toEqual([]);
    const office = await nodesOf('snakeOffice');
    expect(office.map((node) => (node.health as { status?: string } | null)?.status)).toEqual(
      expect.arrayContaining(['fair', 'poor']),
    );
    expect(office.some((node) => Array.isArray(node.alerts) && node.alerts.length > 0)).toBe(true);
    const lab = await getJson<Json>(sim, `/api${path('snakeLab')}`, accessToken);
    expect((lab.body.serviceLevel as Json | undefined)?.status).toBeUndefined();
  });

  it('wraps some node lists twice and names the Wi-Fi flag enable or enabled', async () => {
    const twice = await getJson<Json>(sim, `/api${path('adaBeach')}/nodes`, accessToken);
    expect(Array.isArray((twice.body.nodes as Json).nodes)).toBe(true);
    const wifi = await getJson<Json[]>(sim, `/api${path('adaBeach')}/wifiNetworks`, accessToken);
    expect(wifi.body[0]).toHaveProperty('enabled');
  });

  it('puts the speed test on the gateway node for some locations and on the location for others', async () => {
    const gateway = (await nodesOf('adaHome')).find((node) => node.networkMode === 'router');
    expect(gateway?.speedTest).toMatchObject({ gateway: true, status: 'succeeded' });
    const cabin = await getJson<Json>(sim, `/api${path('graceCabin')}`, accessToken);
    expect(cabin.body.speedTest).toMatchObject({ status: 'succeeded' });
  });

  it('serves a WAN day newest first, following a daily curve, with some null intervals', async () => {
    const { body } = await getJson<{ fifteenMins: Json[] }>(
      sim,
      `/reports${path('adaHome')}/wanStats?period=daily`,
      accessToken,
    );
    const times = body.fifteenMins.map((interval) => Date.parse(interval.timestamp as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.fifteenMins.some((interval) => interval.rxMbytes === null)).toBe(true);
    const peakAt = (hour: number) =>
      body.fifteenMins
        .filter((interval) => new Date(interval.timestamp as string).getUTCHours() === hour)
        .reduce((sum, interval) => sum + ((interval.rxMaxMbps as number | null) ?? 0), 0);
    expect(peakAt(20)).toBeGreaterThan(peakAt(8));
  });

  it('serves a week of online samples every 15 minutes with outages', async () => {
    const { body } = await getJson<{ locationState: Json[]; statsDateRange: Json }>(
      sim,
      `/reports${path('graceCabin')}/onlineStats?granularity=days&limit=7`,
      accessToken,
    );
    expect(body.locationState).toHaveLength(7 * 96 + 1);
    expect(body.locationState.filter((sample) => sample.value === 'offline').length).toBeGreaterThan(24);
    expect(body.statsDateRange).toEqual({
      start: body.locationState[0]?.timestamp,
      end: body.locationState.at(-1)?.timestamp,
    });
  });

  it('is deterministic: two simulators serve identical bodies', async () => {
    const other = await startSimulator();
    try {
      const otherToken = await token(other);
      for (const suffix of ['', '/nodes', '/wifiNetworks']) {
        const a = await getJson(sim, `/api${path('snakeOffice')}${suffix}`, accessToken);
        const b = await getJson(other, `/api${path('snakeOffice')}${suffix}`, otherToken);
        expect(b.body).toEqual(a.body);
      }
      const report = `/reports${path('snakeOffice')}/wanStats?period=daily`;
      expect((await getJson(other, report, otherToken)).body).toEqual((await getJson(sim, report, accessToken)).body);
    } finally {
      await other.close();
    }
  });

  it('anchors the series at referenceTime', async () => {
    const shifted = await startSimulator({ referenceTime: '2030-01-01T00:00:00Z' });
    try {
      const { body } = await getJson<{ fifteenMins: Json[] }>(
        shifted,
        `/reports${path('adaHome')}/wanStats`,
        await token(shifted),
      );
      expect(body.fifteenMins[0]?.timestamp).toBe('2029-12-31T23:45:00.000Z');
    } finally {
      await shifted.close();
    }
  });
});
