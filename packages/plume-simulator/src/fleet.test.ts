import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, manualClock, startSimulator, type Simulator } from './index';
import { get, getJson, token } from './test-support';

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

/** A GET from a chosen loopback source address (127.0.0.x), as another machine would call. */
function statusFrom(target: Simulator, localAddress: string, path: string, bearer: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.url}${path}`,
      { localAddress, headers: { authorization: `Bearer ${bearer}` } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the fleet routes', () => {
  const office = fixtures.locations.snakeOffice;

  it('lists the active alerts of a location by node, and an empty list where there are none', async () => {
    const { status, body } = await getJson<{ nodes: Json[]; devices: Json[] }>(
      sim,
      `/api/Customers/${office.customerId}/locations/${office.id}/alerts`,
      accessToken,
    );
    expect(status).toBe(200);
    expect(body.devices).toEqual([]);
    expect(body.nodes.map((node) => node.alerts)).toEqual([
      [{ type: 'highInterference' }, { type: 'channelCongestion' }],
      ['weakSignal'],
      [{}],
    ]);
    const home = fixtures.locations.adaHome;
    const quiet = await getJson<{ nodes: Json[] }>(
      sim,
      `/api/Customers/${home.customerId}/locations/${home.id}/alerts`,
      accessToken,
    );
    expect(quiet.body.nodes).toEqual([]);
  });

  it('pages through the partner’s customers with a LoopBack filter', async () => {
    const path = (filter: string) => `/api/Groups/${fixtures.partnerId}/customers?filter=${encodeURIComponent(filter)}`;
    const first = await getJson<Json[]>(sim, path('{"offset":0,"limit":2}'), accessToken);
    const rest = await getJson<Json[]>(sim, path('{"offset":2,"limit":500}'), accessToken);
    const ids = [...first.body, ...rest.body].map((customer) => customer.id);
    expect(first.body).toHaveLength(2);
    expect(ids).toEqual(
      ['ada', 'grace', 'snake', 'chain', 'newbie', 'flaky'].map((key) => fixtures.customers[key as 'ada'].id),
    );
    expect(first.body[0]).toMatchObject({
      locations: [{ id: fixtures.locations.adaHome.id }, { id: fixtures.locations.adaBeach.id }],
    });
    expect((await get(sim, path('{"offset":0,"limit":501}'), accessToken)).status).toBe(400);
    expect((await get(sim, path('not json'), accessToken)).status).toBe(400);
    expect((await get(sim, `/api/Groups/${fixtures.otherPartnerId}/customers`, accessToken)).status).toBe(403);
  });

  it('finds the customer and location of a pod by its serial number, in any case', async () => {
    const serial = office.podSerials[1] as string;
    const { status, body } = await getJson<Json>(sim, `/api/Partners/nodes/${serial.toLowerCase()}`, accessToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({ serialNumber: serial, customerId: office.customerId, locationId: office.id });
    expect((await get(sim, '/api/Partners/nodes/NOSUCHPOD', accessToken)).status).toBe(404);
    const foreign = fixtures.locations.foreignHome.podSerials[0] as string;
    expect((await get(sim, `/api/Partners/nodes/${foreign}`, accessToken)).status).toBe(403);
  });

  it('counts calls per route', async () => {
    const before = sim.log.count('nodes.bySerial');
    await get(sim, `/api/Partners/nodes/${office.podSerials[0] as string}`, accessToken);
    expect(sim.log.count('nodes.bySerial')).toBe(before + 1);
  });
});

describe('the firewall limit', () => {
  it('counts each client address on its own', async () => {
    const limited = await startSimulator({ wafLimit: { max: 2 } });
    try {
      const bearer = await token(limited);
      const path = `/api/Customers/${fixtures.customers.ada.id}`;
      expect(await statusFrom(limited, '127.0.0.1', path, bearer)).toBe(200);
      expect(await statusFrom(limited, '127.0.0.1', path, bearer)).toBe(200);
      expect(await statusFrom(limited, '127.0.0.1', path, bearer)).toBe(403);
      expect(await statusFrom(limited, '127.0.0.2', path, bearer)).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the clock', () => {
  it('a manual clock drives token expiry and is exposed on the simulator', async () => {
    const clock = manualClock('2026-01-01T00:00:00Z');
    const clocked = await startSimulator({ clock, tokenLifetimeSeconds: 60 });
    try {
      expect(clocked.clock.now()).toBe(Date.parse('2026-01-01T00:00:00Z'));
      const bearer = await token(clocked);
      const path = `/api/Customers/${fixtures.customers.ada.id}`;
      expect((await get(clocked, path, bearer)).status).toBe(200);
      clock.advance(61_000);
      expect((await get(clocked, path, bearer)).status).toBe(401);
    } finally {
      await clocked.close();
    }
  });

  it('refuses both clock and now, and a clock without now()', async () => {
    await expect(startSimulator({ clock: manualClock(), now: Date.now })).rejects.toThrow(/either clock or now/);
    await expect(startSimulator({ clock: {} as never })).rejects.toThrow(
      /clock must be an object with a now\(\) method/,
    );
    expect(() => manualClock().advance(-1)).toThrow(TypeError);
  });
});
