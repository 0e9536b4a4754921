import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PlumeArgumentError, PlumeNotFoundError, type PlumeClient } from './index';
import { clientFor, fixtures, rejectionOf, startSimulator, type Simulator } from './test-support';

let sim: Simulator;
let client: PlumeClient;
beforeAll(async () => {
  sim = await startSimulator();
  client = clientFor(sim).client;
});
afterEach(() => {
  sim.faults.reset();
});
afterAll(async () => {
  await sim.close();
});

const { grace } = fixtures.customers;
const { graceCabin, graceGarage, snakeOffice, adaHome } = fixtures.locations;

describe('customers.locations', () => {
  it('gives every location of a customer with its network status in one call', async () => {
    const before = sim.log.count('locations.list');
    const statuses = await client.customers.locations(grace.id);
    expect(sim.log.count('locations.list')).toBe(before + 1);
    expect(statuses.map((location) => location.id)).toEqual([graceCabin.id, graceGarage.id]);
    expect(statuses[0]).toEqual({
      id: graceCabin.id,
      name: graceCabin.name,
      customerId: grace.id,
      networkStatus: {
        status: 'offline',
        statusChangedAt: expect.stringMatching(/Z$/),
        durationOfPreviousStatus: 259_200,
      },
    });
  });

  it('normalises the status’s case, epoch-millisecond times and numeric strings, and drops nulls', async () => {
    sim.faults.failNext('locations.list', 200, 1, {
      body: [
        {
          id: 'a',
          networkStatus: { status: ' ONLINE ', statusChangedAt: 1_700_000_000_000, durationOfPreviousStatus: '60' },
        },
        { id: 'b', networkStatus: { status: null, statusChangedAt: 'not a time', durationOfPreviousStatus: null } },
        { id: 'c', networkStatus: null, extra: true },
      ],
    });
    expect(await client.customers.locations(grace.id)).toEqual([
      {
        id: 'a',
        networkStatus: { status: 'online', statusChangedAt: '2023-11-14T22:13:20.000Z', durationOfPreviousStatus: 60 },
      },
      { id: 'b', networkStatus: {} },
      { id: 'c' },
    ]);
  });
});

describe('locations.alerts', () => {
  it('gives Plume’s active alerts by node, whatever form each alert takes', async () => {
    const { nodes, devices } = await client.locations.alerts(snakeOffice.customerId, snakeOffice.id);
    expect(devices).toEqual([]);
    expect(nodes.map((node) => node.nodeId)).toEqual(snakeOffice.podSerials.slice(1));
    expect(nodes.map((node) => node.alerts)).toEqual([
      [{ type: 'highInterference' }, { type: 'channelCongestion' }],
      [{ type: 'weakSignal' }],
      [{}],
    ]);
    expect(await client.locations.alerts(adaHome.customerId, adaHome.id)).toEqual({ nodes: [], devices: [] });
  });

  it('accepts nodeId keys, device alerts and null lists', async () => {
    sim.faults.failNext('locations.alerts', 200, 1, {
      body: { nodes: [{ nodeId: 'N1', alerts: null }], devices: [{ mac: 'aa:bb', alerts: ['offline', null] }] },
    });
    expect(await client.locations.alerts(adaHome.customerId, adaHome.id)).toEqual({
      nodes: [{ nodeId: 'N1', alerts: [] }],
      devices: [{ mac: 'aa:bb', alerts: [{ type: 'offline' }] }],
    });
  });
});

describe('partners.customers', () => {
  const partnerId = fixtures.partnerId;
  const ours = ['ada', 'grace', 'snake', 'chain', 'newbie', 'flaky'] as const;

  it('iterates over every customer, fetching pages as the loop asks', async () => {
    const before = sim.log.count('partners.customers');
    const ids: string[] = [];
    for await (const customer of client.partners.customers(partnerId, { pageSize: 2 })) ids.push(customer.id);
    expect(ids).toEqual(ours.map((key) => fixtures.customers[key].id));
    expect(sim.log.count('partners.customers')).toBe(before + 4);
    expect(sim.log.requests('partners.customers').at(-1)?.query).toEqual({ filter: '{"offset":6,"limit":2}' });
  });

  it('stops fetching when the loop stops, and toArray fetches only what the limit needs', async () => {
    const before = sim.log.count('partners.customers');
    for await (const customer of client.partners.customers(partnerId, { pageSize: 2 })) {
      expect(customer.id).toBe(fixtures.customers.ada.id);
      break;
    }
    expect(sim.log.count('partners.customers')).toBe(before + 1);
    const three = await client.partners.customers(partnerId, { pageSize: 2 }).toArray({ limit: 3 });
    expect(three.map((customer) => customer.id)).toEqual(ours.slice(0, 3).map((key) => fixtures.customers[key].id));
    expect(three[0]?.locationIds).toEqual([fixtures.locations.adaHome.id, fixtures.locations.adaBeach.id]);
    expect(sim.log.count('partners.customers')).toBe(before + 3);
    expect(await client.partners.customers(partnerId).toArray()).toHaveLength(6);
  });

  it('refuses a page size Plume does not serve', async () => {
    const error = await rejectionOf(client.partners.customers(partnerId, { pageSize: 501 }).toArray());
    expect(error).toBeInstanceOf(PlumeArgumentError);
    expect((error as Error).message).toMatch(/pageSize must be a whole number from 1 to 500/);
  });
});

describe('nodes.bySerial', () => {
  it('finds the customer and location of a pod', async () => {
    const serial = snakeOffice.podSerials[2] as string;
    expect(await client.nodes.bySerial(` ${serial.toLowerCase()} `)).toEqual({
      serial,
      customerId: snakeOffice.customerId,
      locationId: snakeOffice.id,
      model: 'SuperPod',
    });
  });

  it('says not found for an unknown or unclaimed pod, and refuses an empty serial', async () => {
    expect(await rejectionOf(client.nodes.bySerial('NOSUCHPOD'))).toBeInstanceOf(PlumeNotFoundError);
    sim.faults.failNext('nodes.bySerial', 200, 1, { body: { id: 'NPFREE', serialNumber: 'NPFREE', customerId: null } });
    const unclaimed = await rejectionOf(client.nodes.bySerial('NPFREE'));
    expect(unclaimed).toBeInstanceOf(PlumeNotFoundError);
    expect((unclaimed as Error).message).toMatch(/not claimed/);
    expect(await rejectionOf(client.nodes.bySerial('  '))).toBeInstanceOf(PlumeArgumentError);
  });
});
