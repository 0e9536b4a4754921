import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runCli } from './cli-main';
import { fixtures, manualClock, startSimulator, type ManualClock, type ScenarioInput, type Simulator } from './index';
import { get, getJson, token } from './test-support';

type Json = Record<string, unknown>;
const START = Date.parse('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;
const at = (minutes: number): string => new Date(START + minutes * MINUTE).toISOString();

let clock: ManualClock;
let sim: Simulator;
let bearer: string;
beforeEach(async () => {
  clock = manualClock(START);
  sim = await startSimulator({ clock, tokenLifetimeSeconds: 86_400 });
  bearer = await token(sim);
});
afterEach(async () => {
  await sim.close();
});

const home = fixtures.locations.adaHome;
const path = (suffix = '') => `/Customers/${home.customerId}/locations/${home.id}${suffix}`;
const status = async () => (await getJson<{ networkStatus: Json }>(sim, `/api${path()}`, bearer)).body.networkStatus;
const nodes = async () => (await getJson<{ nodes: Json[] }>(sim, `/api${path('/nodes')}`, bearer)).body.nodes;

describe('a location offline from t for d', () => {
  beforeEach(() => sim.scenarios.load({ locations: { adaHome: [{ kind: 'offline', at: '10m', for: '5m' }] } }));

  it('is reported the same by the location, its nodes and its series', async () => {
    const before = await status();
    clock.advance(12 * MINUTE);
    expect(await status()).toEqual({
      status: 'offline',
      statusChangedAt: at(10),
      durationOfPreviousStatus: expect.any(Number),
    });
    for (const node of await nodes())
      expect(node).toMatchObject({ connectionState: 'disconnected', connectionStateChangeAt: at(10), health: null });
    const online = await getJson<{ locationState: Json[] }>(
      sim,
      `/reports${path('/onlineStats')}?granularity=hours&limit=1`,
      bearer,
    );
    expect(online.body.locationState.at(-1)).toEqual({ timestamp: at(0), value: 'online' });
    clock.advance(3 * MINUTE);
    const later = await getJson<{ locationState: Json[] }>(
      sim,
      `/reports${path('/onlineStats')}?granularity=hours&limit=1`,
      bearer,
    );
    expect(later.body.locationState.at(-1)).toEqual({ timestamp: at(15), value: 'online' });
    expect(before).toMatchObject({ status: 'online' });
  });

  it('leaves the WAN intervals it mostly covers without data', async () => {
    sim.scenarios.load({ locations: { adaHome: [{ kind: 'offline', at: 0, for: '30m' }] } });
    clock.advance(45 * MINUTE);
    const wan = await getJson<{ fifteenMins: Json[] }>(sim, `/reports${path('/wanStats')}?period=daily`, bearer);
    const [latest, middle, oldest, before] = wan.body.fifteenMins;
    expect(latest).toMatchObject({ timestamp: at(30), rxMaxMbps: expect.any(Number) });
    expect([middle, oldest].map((interval) => interval?.rxMaxMbps)).toEqual([null, null]);
    expect(before?.rxMaxMbps).toEqual(expect.any(Number));
  });

  it('comes back online at t + d, saying how long it was down', async () => {
    clock.advance(16 * MINUTE);
    expect(await status()).toEqual({ status: 'online', statusChangedAt: at(15), durationOfPreviousStatus: 300 });
    expect((await nodes())[0]).toMatchObject({ connectionState: 'connected', connectionStateChangeAt: at(15) });
  });

  it('shows an outage between two polls as a moved statusChangedAt with the same status', async () => {
    const first = await status();
    clock.advance(20 * MINUTE);
    const second = await status();
    expect(second.status).toBe(first.status);
    expect(second.statusChangedAt).not.toBe(first.statusChangedAt);
  });
});

describe('pod, flapping, WAN and speed test events', () => {
  it('disconnects one pod by serial and makes another one’s health poor', async () => {
    const [, second, third] = home.podSerials;
    sim.scenarios.load({
      locations: {
        [home.id]: [
          { kind: 'podDisconnected', at: 60, pod: third as string },
          { kind: 'podHealth', at: 0, for: '1h', pod: 1, health: 'poor' },
        ],
      },
    });
    clock.advance(2 * MINUTE);
    const [gateway, pod1, pod2] = await nodes();
    expect(gateway).toMatchObject({ connectionState: 'connected' });
    expect(pod1).toMatchObject({ serialNumber: second, connectionState: 'connected', health: { status: 'poor' } });
    expect(pod2).toMatchObject({ connectionState: 'disconnected', connectionStateChangeAt: at(1), health: null });
    expect(await status()).toMatchObject({ status: 'online' });
  });

  it('flaps down and up every k minutes for the given time', async () => {
    sim.scenarios.load({ locations: { adaHome: [{ kind: 'flapping', at: 0, every: '2m', for: '8m' }] } });
    const seen: unknown[] = [];
    for (let minute = 0; minute < 10; minute++) {
      seen.push((await status()).status);
      clock.advance(MINUTE);
    }
    expect(seen).toEqual([
      'offline',
      'offline',
      'online',
      'online',
      'offline',
      'offline',
      'online',
      'online',
      'online',
      'online',
    ]);
  });

  it('saturates the WAN and drops the speed test while in force', async () => {
    sim.scenarios.load({
      locations: {
        adaHome: [
          { kind: 'wanSaturation', at: 0, for: '1h', mbps: 480 },
          { kind: 'speedTestDrop', at: '5m', download: 42.5 },
        ],
      },
    });
    clock.advance(61 * MINUTE);
    const wan = await getJson<{ fifteenMins: Json[] }>(sim, `/reports${path('/wanStats')}?period=daily`, bearer);
    expect(wan.body.fifteenMins.slice(0, 4).map((interval) => interval.rxMaxMbps)).toEqual([480, 480, 480, 480]);
    expect(wan.body.fifteenMins[4]?.rxMaxMbps).not.toBe(480);
    expect((await nodes())[0]?.speedTest).toMatchObject({ download: 42.5, startedAt: at(5) });
  });
});

describe('Plume failing', () => {
  it('answers 5xx for a location’s calls while in force, then recovers', async () => {
    sim.scenarios.load({ locations: { adaHome: [{ kind: 'plumeFailing', at: 0, for: '2m', status: 502 }] } });
    expect((await get(sim, `/api${path('/nodes')}`, bearer)).status).toBe(502);
    expect((await get(sim, `/api/Customers/${home.customerId}`, bearer)).status).toBe(200);
    clock.advance(2 * MINUTE);
    expect((await get(sim, `/api${path('/nodes')}`, bearer)).status).toBe(200);
  });

  it('holds every call for a while and answers 504 when Plume times out', async () => {
    sim.scenarios.load({ plume: [{ kind: 'plumeFailing', at: 0, for: '1m', status: 'timeout', holdMs: 30 }] });
    const response = await get(sim, `/api/Customers/${home.customerId}`, bearer);
    expect(response.status).toBe(504);
    const [recorded] = sim.log.requests('customers.get');
    expect(recorded?.status).toBe(504);
  });
});

describe('loading scenarios', () => {
  it('refuses a bad scenario with each problem and its path', () => {
    expect(() => sim.scenarios.load({ locations: { adaHome: [{ kind: 'offline', at: 'soon' }] } } as never)).toThrow(
      /locations\.adaHome\[0\]\.at:/,
    );
    expect(() => sim.scenarios.load('{"locations":{"nowhere":[]}}')).toThrow(/locations\.nowhere: unknown location/);
    expect(() =>
      sim.scenarios.load({ locations: { adaHome: [{ kind: 'podHealth', at: 0, pod: 9, health: 'poor' }] } }),
    ).toThrow(/this location has 3 pods/);
    expect(() => sim.scenarios.load('not json')).toThrow(/not JSON/);
  });

  it('loads one at start, through the control API, and clears it', async () => {
    const scenario: ScenarioInput = { start: at(0), locations: { adaHome: [{ kind: 'offline', at: 0 }] } };
    const preset = await startSimulator({ clock, scenario });
    try {
      const presetBearer = await token(preset);
      const body = await getJson<Json>(preset, `/api${path()}`, presetBearer);
      expect(body.body.networkStatus).toMatchObject({ status: 'offline' });
    } finally {
      await preset.close();
    }
    const put = await fetch(`${sim.url}/_simulator/scenario`, { method: 'PUT', body: JSON.stringify(scenario) });
    expect(put.status).toBe(204);
    expect(await status()).toMatchObject({ status: 'offline' });
    const bad = await fetch(`${sim.url}/_simulator/scenario`, { method: 'PUT', body: '{"locations":{"nowhere":[]}}' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('unknown location');
    expect((await fetch(`${sim.url}/_simulator/scenario`, { method: 'DELETE' })).status).toBe(204);
    expect(await status()).toMatchObject({ status: 'online' });
  });

  it('loads one from a file with the CLI’s --scenario', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'outage.json');
    writeFileSync(file, JSON.stringify({ locations: { adaHome: [{ kind: 'offline', at: 0 }] } }));
    const cli = await runCli(['--scenario', file, '--json'], { out: () => undefined, handleSignals: false });
    try {
      const cliBearer = await token(cli!);
      expect((await getJson<Json>(cli!, `/api${path()}`, cliBearer)).body.networkStatus).toMatchObject({
        status: 'offline',
      });
    } finally {
      await cli?.close();
    }
    await expect(
      runCli(['--scenario', join(file, 'missing')], { out: () => undefined, handleSignals: false }),
    ).rejects.toThrow(/--scenario: cannot read/);
  });
});

describe('the built-in data set', () => {
  it('has a location with a short outage every few minutes', async () => {
    const flaky = fixtures.locations.flakyHome;
    const flakyStatus = async () =>
      (await getJson<{ networkStatus: Json }>(sim, `/api/Customers/${flaky.customerId}/locations/${flaky.id}`, bearer))
        .body.networkStatus.status;
    const seen: unknown[] = [];
    for (const minute of [0, 4, 5, 6, 9, 10, 11]) {
      clock.set(START + minute * MINUTE);
      seen.push(await flakyStatus());
    }
    expect(seen).toEqual(['online', 'offline', 'offline', 'online', 'offline', 'offline', 'online']);
  });
});
