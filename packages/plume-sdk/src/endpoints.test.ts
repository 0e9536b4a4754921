import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PlumeClient } from './index';
import { clientFor, fixtures, startSimulator, type Simulator } from './test-support';

let sim: Simulator;
let client: PlumeClient;
beforeAll(async () => {
  sim = await startSimulator();
  client = clientFor(sim).client;
});
afterAll(async () => {
  await sim.close();
});

const { ada, chain, snake } = fixtures.customers;
const { adaHome, adaBeach, graceCabin, graceGarage, snakeOffice, snakeLab } = fixtures.locations;

describe('customers', () => {
  it('search finds a customer by email with its location ids', async () => {
    const hits = await client.customers.search(ada.email, { field: 'email' });
    expect(hits).toEqual([
      {
        id: ada.id,
        accountId: ada.accountId,
        name: ada.name,
        email: ada.email,
        locations: ada.locations.map((key) => ({ id: fixtures.locations[key].id })),
      },
    ]);
  });

  it('search passes exactMatch and startsWith through', async () => {
    expect(await client.customers.search('Snake_', { field: 'name' })).toEqual([]);
    const hits = await client.customers.search('Snake_', { field: 'name', exactMatch: false });
    expect(hits.map((hit) => hit.id)).toEqual([snake.id]);
    expect(sim.log.requests('customers.search').at(-1)?.query).toEqual({ field: 'name', exactMatch: 'false' });
  });

  it('get returns the typed customer and drops fields the SDK does not know', async () => {
    const customer = await client.customers.get(ada.id);
    expect(customer).toEqual({
      id: ada.id,
      accountId: ada.accountId,
      name: ada.name,
      email: ada.email,
      partnerId: fixtures.partnerId,
      emailVerified: true,
      createdAt: expect.any(String),
    });
  });
});

describe('locations', () => {
  it('list returns every location of a customer with many locations', async () => {
    const locations = await client.locations.list(chain.id);
    expect(locations.map((location) => location.id)).toEqual(chain.locations.map((key) => fixtures.locations[key].id));
    expect(locations.length).toBeGreaterThanOrEqual(12);
  });

  it('get returns names with specials intact and normalises a missing service level', async () => {
    const office = await client.locations.get(snake.id, snakeOffice.id);
    expect(office).toMatchObject({
      id: snakeOffice.id,
      name: snakeOffice.name,
      serviceLevel: { status: 'fullService' },
      profile: 'smallbusiness',
    });
    const lab = await client.locations.get(snake.id, snakeLab.id);
    expect(lab.serviceLevel).toBeUndefined();
    expect(lab.networkStatus).toEqual({
      status: 'online',
      statusChangedAt: expect.any(String),
      durationOfPreviousStatus: undefined,
    });
  });

  it('never returns the backhaul key or other unknown location fields', async () => {
    const home = await client.locations.get(ada.id, adaHome.id);
    expect(JSON.stringify(home)).not.toContain('backhaul');
    expect(home).not.toHaveProperty('geoIp');
  });
});

describe('nodes', () => {
  it('lists nodes wrapped once, as sent (no derived fields: analytics decides those)', async () => {
    const nodes = await client.nodes.list(ada.id, adaHome.id);
    expect(nodes).toHaveLength(3);
    expect(nodes.every((node) => node.connectionState === 'connected')).toBe(true);
    const bedroom = nodes.find((node) => node.defaultName === 'Bedroom');
    expect(bedroom?.vendor?.partNumber).toBe('PP403Z');
    expect(bedroom).not.toHaveProperty('connected');
    expect(bedroom?.nickname).toBeUndefined();
  });

  it('lists nodes wrapped twice the same way', async () => {
    const nodes = await client.nodes.list(ada.id, adaBeach.id);
    expect(nodes.map((node) => [node.defaultName, node.connectionState])).toEqual([
      ['Gateway', 'connected'],
      ['Kitchen', 'connected'],
      ['Garden Shed', 'disconnected'],
    ]);
  });

  it('normalises null health and alerts, string alerts and alerts without a type', async () => {
    const cabin = await client.nodes.list(fixtures.customers.grace.id, graceCabin.id);
    expect(cabin.map((node) => [node.health, node.alerts, node.backhaulType])).toEqual([
      [undefined, [], 'ethernet'],
      [undefined, [], undefined],
    ]);
    const office = await client.nodes.list(snake.id, snakeOffice.id);
    expect(office.map((node) => [node.health?.status, node.alerts])).toEqual([
      ['good', []],
      ['fair', [{ type: 'highInterference' }, { type: 'channelCongestion' }]],
      ['poor', [{ type: 'weakSignal' }]],
      ['excellent', [{ type: undefined }]],
    ]);
    expect(office[2]?.health).toEqual({ status: 'poor', score: undefined });
  });

  it('returns an empty list for a location without pods', async () => {
    expect(await client.nodes.list(fixtures.customers.grace.id, graceGarage.id)).toEqual([]);
  });
});

describe('wifiNetworks', () => {
  it('normalises enable and enabled to enabled, and never returns the password', async () => {
    const home = await client.wifiNetworks.list(ada.id, adaHome.id);
    const beach = await client.wifiNetworks.list(ada.id, adaBeach.id);
    expect(home.map((network) => network.enabled)).toEqual([true, false]);
    expect(beach.map((network) => network.enabled)).toEqual([true, true]);
    for (const network of [...home, ...beach]) expect(network).not.toHaveProperty('encryptionKey');
    expect(JSON.stringify([home, beach])).not.toMatch(/correct-horse|guest-password/);
  });
});

describe('reports', () => {
  it('wanStats returns 96 intervals oldest first, with nulls as undefined', async () => {
    const { fifteenMins } = await client.reports.wanStats(ada.id, adaHome.id);
    expect(fifteenMins).toHaveLength(96);
    const times = fifteenMins.map((interval) => Date.parse(interval.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(fifteenMins.some((interval) => interval.rxMbytes === undefined)).toBe(true);
    expect(fifteenMins.every((interval) => !Object.values(interval).includes(null))).toBe(true);
    expect(sim.log.requests('reports.wanStats').at(-1)?.query).toEqual({ period: 'daily' });
  });

  it('onlineStats defaults to 7 days and passes granularity and limit', async () => {
    const week = await client.reports.onlineStats(ada.id, adaHome.id);
    expect(week.locationState).toHaveLength(7 * 96 + 1);
    expect(week.statsDateRange).toEqual({
      start: week.locationState[0]?.timestamp,
      end: week.locationState.at(-1)?.timestamp,
    });
    const hours = await client.reports.onlineStats(ada.id, adaHome.id, { granularity: 'hours', limit: 3 });
    expect(hours.locationState).toHaveLength(13);
    expect(sim.log.requests('reports.onlineStats').at(-1)?.query).toEqual({ granularity: 'hours', limit: '3' });
  });

  it('returns empty series for a location without data', async () => {
    expect((await client.reports.wanStats(fixtures.customers.grace.id, graceGarage.id)).fifteenMins).toEqual([]);
    expect((await client.reports.onlineStats(fixtures.customers.grace.id, graceGarage.id)).locationState).toEqual([]);
  });

  it('adds client_id to Reports calls only when reportsClientId is set', async () => {
    const { client: withId } = clientFor(sim, { reportsClientId: true });
    await withId.reports.wanStats(ada.id, adaHome.id);
    expect(sim.log.requests('reports.wanStats').at(-1)?.query).toEqual({
      period: 'daily',
      client_id: sim.credentials.clientId,
    });
    await withId.locations.list(ada.id);
    expect(sim.log.requests('locations.list').at(-1)?.query).toEqual({});
  });
});
