/**
 * Simulator scenarios through the SDK into the alert state machine of `@org/plume-analytics` (a
 * devDependency: only this test uses it), one poll every five simulated minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  evaluateLocation,
  type AlertDecision,
  type LocationAlertState,
  type LocationObservation,
} from '@org/plume-analytics';
import { manualClock, type ManualClock, type ScenarioInput } from '@org/plume-simulator';
import { PlumeBudget, PlumeClient, type CallOptions } from './index';
import { fixtures, optionsFor, startSimulator, type Simulator } from './test-support';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;
const at = (minutes: number): string => new Date(START + minutes * MINUTE).toISOString();
const home = fixtures.locations.adaHome;
const pod = home.podSerials[2] as string;

const scenario: ScenarioInput = {
  start: at(0),
  locations: {
    adaHome: [
      { kind: 'offline', at: '10m', for: '20m' },
      { kind: 'podDisconnected', at: '40m', for: '15m', pod: 2 },
      { kind: 'offline', at: '101m', for: '2m' },
    ],
  },
  plume: [{ kind: 'plumeFailing', at: '70m', for: '20m', status: 503 }],
};

let clock: ManualClock;
let sim: Simulator;
let client: PlumeClient;
beforeAll(async () => {
  clock = manualClock(START);
  sim = await startSimulator({ clock, scenario, tokenLifetimeSeconds: 3600 });
  const { rateLimit: _, ...options } = optionsFor(sim, { retry: false, now: () => clock.now() });
  client = new PlumeClient({ ...options, budget: new PlumeBudget() });
});
afterAll(async () => {
  await sim.close();
});

/** What a monitor fetches for one location in one cycle, as the state machine's observation. */
async function observe(minutes: number): Promise<LocationObservation> {
  const call: CallOptions = { priority: 'background' };
  const observedAt = at(minutes);
  try {
    const [statuses, nodes, alerts] = await Promise.all([
      client.customers.locations(home.customerId, call),
      client.nodes.list(home.customerId, home.id, call),
      client.locations.alerts(home.customerId, home.id, call),
    ]);
    return {
      locationId: home.id,
      at: observedAt,
      networkStatus: statuses.find((location) => location.id === home.id)?.networkStatus ?? null,
      nodes,
      plumeAlerts: alerts.nodes.flatMap(({ nodeId, alerts: list }) => list.map(({ type }) => ({ type, nodeId }))),
    };
  } catch {
    return { locationId: home.id, at: observedAt, failed: true };
  }
}

describe('scenarios through the SDK into the alert state machine', () => {
  it('give the expected decision sequence', async () => {
    let state: LocationAlertState | null = null;
    const decisions: AlertDecision[] = [];
    for (let minutes = 0; minutes <= 120; minutes += 5) {
      clock.set(START + minutes * MINUTE);
      const evaluation = evaluateLocation(state, await observe(minutes));
      state = evaluation.state;
      decisions.push(...evaluation.decisions);
    }
    const summary = decisions.map((decision) => ({
      kind: decision.kind,
      condition: decision.condition,
      pod: decision.pod,
      at: decision.at,
      since: decision.since,
    }));
    expect(summary).toEqual([
      { kind: 'firing', condition: 'locationOffline', pod: undefined, at: at(15), since: at(10) },
      { kind: 'resolved', condition: 'locationOffline', pod: undefined, at: at(35), since: at(10) },
      { kind: 'firing', condition: 'podDisconnected', pod, at: at(45), since: at(40) },
      { kind: 'resolved', condition: 'podDisconnected', pod, at: at(60), since: at(40) },
      { kind: 'unknown', condition: 'noData', pod: undefined, at: at(80), since: at(70) },
      { kind: 'firing', condition: 'locationOffline', pod: undefined, at: at(105), since: at(101) },
      { kind: 'resolved', condition: 'locationOffline', pod: undefined, at: at(105), since: at(101) },
    ]);
    expect(decisions.at(-1)?.details).toMatchObject({ betweenObservations: true });
    expect(decisions.at(-1)?.durationMs).toBe(2 * MINUTE);
  });
});
