import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { evaluateLocation } from '@org/plume-analytics';
import { PlumeClient } from '@org/plume-sdk';
import { fixtures, manualClock, startSimulator, type ManualClock, type Simulator } from '@org/plume-simulator';
import type { MonitoredCheck } from '../storage/alert-store';
import { observeCustomer, WAN_EVERY_MS } from './observe';

// What one check fetches beyond the online state, against the simulator on its own clock: node
// lists and WAN stats at most every 15 minutes, WAN only while wanted and judgeable.

const home = fixtures.locations.adaHome; // its gateway has a speed test
const MINUTE = 60_000;

describe('observing a customer', () => {
  let simulator: Simulator;
  let clock: ManualClock;
  let client: PlumeClient;
  const signal = new AbortController().signal;
  beforeAll(async () => {
    clock = manualClock('2026-03-01T08:00:00Z');
    simulator = await startSimulator({ port: 0, clock });
    simulator.faults.setTokenLifetime(30 * 86_400);
    const { authorization, partnerId } = simulator.credentials;
    client = new PlumeClient({
      authorization,
      partnerId,
      ssoUrl: simulator.ssoUrl,
      apiBase: simulator.apiBase,
      reportsBase: simulator.reportsBase,
      rateLimit: false,
      retry: { limit: 0 },
    });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.faults.reset());

  /** The time `minutes` from the simulator's now, at the usual WAN pace. */
  const at = (minutes: number) => ({ now: clock.now() + minutes * MINUTE, wanEveryMs: WAN_EVERY_MS });

  const wanCalls = () => simulator.log.requests('reports.wanStats').filter((r) => r.params['locationId'] === home.id);

  /** A fresh check of adaHome, as the store gives it before its first poll. */
  const fresh = (parts: Partial<MonitoredCheck> = {}): MonitoredCheck => ({
    monitoredId: 1,
    cloud: simulator.apiBase,
    customerId: home.customerId,
    locationId: home.id,
    locationName: home.name,
    customerName: 'Ada Lovelace',
    state: null,
    checkedAt: null,
    nodesAt: null,
    wanAt: null,
    planSpeed: null,
    wanWanted: true,
    watchers: [1],
    ...parts,
  });

  /**
   * Checks every 5 minutes for `minutes`, keeping the check's bookkeeping as the monitor does (the
   * state evaluated with the speed test standing in for a plan); returns the WAN calls it made.
   */
  async function poll(check: MonitoredCheck, minutes: number): Promise<{ check: MonitoredCheck; calls: number[] }> {
    const before = wanCalls().length;
    let current = check;
    for (let minute = 0; minute < minutes; minute += 5) {
      const now = clock.now();
      const { results } = await observeCustomer(
        client,
        home.customerId,
        [current],
        { now, wanEveryMs: WAN_EVERY_MS },
        signal,
      );
      const [result] = results;
      if (result === undefined) throw new Error('no result');
      const { state } = evaluateLocation(current.state, result.observation, { wan: { planFromSpeedTest: true } });
      current = {
        ...current,
        state,
        checkedAt: now,
        nodesAt: result.nodesFetched ? now : current.nodesAt,
        wanAt: result.wanFetched ? now : current.wanAt,
      };
      clock.advance(5 * MINUTE);
    }
    return {
      check: current,
      calls: wanCalls()
        .slice(before)
        .map((r) => r.receivedAt),
    };
  }

  it('fetches WAN stats at most every 15 minutes, once a speed test can stand in for the plan', async () => {
    const start = clock.now();
    const { calls, check } = await poll(fresh(), 60);
    // The first check brings the speed test (with the nodes); WAN follows from the next one: 5, 20, 35, 50.
    expect(calls.map((at) => (at - start) / MINUTE)).toEqual([5, 20, 35, 50]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]! - calls[i - 1]!).toBeGreaterThanOrEqual(WAN_EVERY_MS);
    expect(check.state?.wanThrough).toBeDefined();
    // Node lists every 15 minutes too: 4 in the hour (0, 15, 30, 45).
    const nodeCalls = simulator.log.requests('nodes.list').filter((r) => r.params['locationId'] === home.id);
    expect(nodeCalls.length).toBeGreaterThanOrEqual(4);
  });

  it('makes no WAN call while nobody wants WAN alerts, nor before there is anything to judge against', async () => {
    const off = await poll(fresh({ wanWanted: false, planSpeed: { downloadMbps: 100, uploadMbps: 10 } }), 60);
    expect(off.calls).toEqual([]);
    const garage = fixtures.locations.graceGarage; // no pods, so no speed test
    const before = simulator.log.count('reports.wanStats');
    const check = fresh({ customerId: garage.customerId, locationId: garage.id });
    const { results } = await observeCustomer(client, garage.customerId, [check], at(0), signal);
    expect(results[0]?.wanFetched).toBe(false);
    expect(simulator.log.count('reports.wanStats')).toBe(before);
  });

  it('judges nothing from a WAN call that fails, and waits 15 minutes before the next', async () => {
    const check = fresh({ planSpeed: { downloadMbps: 1000, uploadMbps: 100 }, nodesAt: clock.now(), state: null });
    simulator.faults.failNext('reports.wanStats', 503);
    const { results, failed } = await observeCustomer(client, home.customerId, [check], at(0), signal);
    expect(failed).toBe(false);
    expect(results[0]?.wanFetched).toBe(true);
    expect(results[0]?.observation).not.toHaveProperty('wanSamples');
    expect(results[0]?.observation).not.toHaveProperty('failed');
    expect(results[0]?.observation.planSpeed).toEqual({ downloadMbps: 1000, uploadMbps: 100 });

    const tried = { ...check, wanAt: clock.now() };
    const calls = wanCalls().length;
    const again = async (minutes: number) =>
      (await observeCustomer(client, home.customerId, [tried], at(minutes), signal)).results[0];
    expect((await again(10))?.wanFetched).toBe(false);
    expect(wanCalls().length).toBe(calls);
    expect((await again(15))?.observation.wanSamples?.length).toBe(96);
    expect(wanCalls().length).toBe(calls + 1);
  });

  it('reads Plume’s alerts from the node list, without a call of their own', async () => {
    const office = fixtures.locations.snakeOffice;
    const check = fresh({ customerId: office.customerId, locationId: office.id, wanWanted: false });
    const alertCalls = simulator.log.count('locations.alerts');
    const { results } = await observeCustomer(client, office.customerId, [check], at(0), signal);
    const types = (results[0]?.observation.plumeAlerts ?? []).map((alert) =>
      typeof alert === 'string' || alert === null ? alert : alert.type,
    );
    expect(types).toEqual(expect.arrayContaining(['highInterference', 'channelCongestion', 'weakSignal']));
    expect(simulator.log.count('locations.alerts')).toBe(alertCalls);
  });

  it('fetches the node list again while a pod’s alert awaits its confirmation, and only then', async () => {
    const beach = fixtures.locations.adaBeach; // one pod disconnected: its alert waits for a second look
    const first = fresh({ customerId: beach.customerId, locationId: beach.id, wanWanted: false });
    const now = clock.now();
    const [seen] = (await observeCustomer(client, beach.customerId, [first], { now, wanEveryMs: WAN_EVERY_MS }, signal))
      .results;
    if (seen === undefined) throw new Error('no result');
    const { state } = evaluateLocation(null, seen.observation, {});
    expect(Object.values(state.keys).map((key) => key.phase)).toContain('pending');
    const checked = { ...first, state, checkedAt: now, nodesAt: now };
    const look = async (later: number, confirmMs: number) =>
      (
        await observeCustomer(
          client,
          beach.customerId,
          [checked],
          { now: now + later, wanEveryMs: WAN_EVERY_MS, confirmMs },
          signal,
        )
      ).results[0]?.nodesFetched;
    expect(await look(5_000, 5_000)).toBe(true);
    // Without confirmations, or once the key has waited longer than confirmations are for.
    expect(await look(5_000, 0)).toBe(false);
    expect(await look(5 * MINUTE, 5_000)).toBe(false);
  });
});
