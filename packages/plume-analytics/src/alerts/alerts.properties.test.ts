import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluateFleet, evaluateLocation } from '../index';
import type { AlertDecision, AlertOptions, LocationObservation } from '../index';
import { iso, run, T0, type RunStep } from './test-support';

const SEED = 20_261_204;
const INHIBITED = new Set(['podDisconnected', 'healthDegraded', 'wanSaturated']);

/** One random poll: any mix of parts, failures and hidden outages (a moved statusChangedAt). */
const pollArb = fc.record({
  status: fc.constantFrom('online', 'offline', null),
  moved: fc.boolean(),
  durationSeconds: fc.option(fc.integer({ min: 0, max: 900 })),
  pods: fc.option(
    fc.array(
      fc.record({
        id: fc.constantFrom('A', 'B', 'C'),
        connected: fc.boolean(),
        health: fc.constantFrom('good', 'fair', 'poor', null),
      }),
      { maxLength: 3 },
    ),
  ),
  wanPeak: fc.option(fc.integer({ min: 0, max: 120 })),
  alerts: fc.option(fc.subarray(['wanDown', 'highInterference'])),
  speedTest: fc.option(fc.integer({ min: 1, max: 200 })),
});

const timelineArb = fc.array(fc.tuple(pollArb, fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 80 });

const optionsArb: fc.Arbitrary<AlertOptions> = fc.record({
  rules: fc.record({
    locationOffline: fc.record({
      fireAfter: fc.integer({ min: 1, max: 3 }),
      resolveAfter: fc.integer({ min: 1, max: 3 }),
    }),
    podDisconnected: fc.record({
      fireAfter: fc.integer({ min: 1, max: 3 }),
      resolveAfter: fc.integer({ min: 1, max: 3 }),
    }),
  }),
  unknownAfter: fc.integer({ min: 1, max: 4 }),
  flapping: fc.constantFrom({ window: 21 }, { window: 5, enterAbove: 0.5, settleBelow: 0.25 }),
  planSpeed: fc.constant({ downloadMbps: 100 }),
});

/** Builds the observations: each poll 5 minutes after the last; a draw below 2 (of 0–9) is a failed poll. */
type Poll = typeof pollArb extends fc.Arbitrary<infer T> ? T : never;

function observationsOf(timeline: readonly (readonly [Poll, number])[]): LocationObservation[] {
  let changedAt = Date.UTC(2024, 11, 1);
  return timeline.map(([poll, failDraw], step) => {
    const at = T0 + step * 300_000;
    if (failDraw < 2) return { locationId: 'L1', at, failed: true };
    if (poll.moved) changedAt = at - 60_000;
    const parts: Record<string, unknown> = {};
    if (poll.status !== null) {
      parts['networkStatus'] = {
        status: poll.status,
        statusChangedAt: new Date(changedAt).toISOString(),
        durationOfPreviousStatus: poll.durationSeconds,
      };
    }
    if (poll.pods !== null) {
      parts['nodes'] = poll.pods.map((p, i) => ({
        id: p.id,
        connectionState: p.connected ? 'connected' : 'disconnected',
        health: { status: p.health },
        ...(i === 0 && poll.speedTest !== null
          ? {
              networkMode: 'router',
              speedTest: { status: 'succeeded', download: poll.speedTest, startedAt: iso(step * 5) },
            }
          : {}),
      }));
    }
    if (poll.wanPeak !== null) {
      parts['wanSamples'] = [0, 1, 2, 3].map((i) => ({
        timestamp: iso(step * 5 - 15 * i),
        rxMbytes: 1,
        txMbytes: 1,
        rxMaxMbps: poll.wanPeak,
        txMaxMbps: 1,
      }));
    }
    if (poll.alerts !== null) parts['plumeAlerts'] = poll.alerts;
    return { locationId: 'L1', at, ...parts };
  });
}

/** Checks that per key, `firing` and `resolved` alternate starting with `firing`, and none comes while flapping. */
function checkIncidents(decisions: readonly AlertDecision[]): void {
  const open = new Map<string, boolean>();
  const flapping = new Map<string, boolean>();
  for (const d of decisions) {
    if (d.kind === 'firing') {
      expect({ key: d.key, open: open.get(d.key) ?? false, flapping: flapping.get(d.key) ?? false }).toEqual({
        key: d.key,
        open: false,
        flapping: false,
      });
      open.set(d.key, true);
    } else if (d.kind === 'resolved') {
      expect({ key: d.key, open: open.get(d.key) ?? false, flapping: flapping.get(d.key) ?? false }).toEqual({
        key: d.key,
        open: true,
        flapping: false,
      });
      open.set(d.key, false);
      expect(d.durationMs === undefined || d.durationMs >= 0).toBe(true);
    } else if (d.kind === 'flapping') {
      expect(flapping.get(d.key) ?? false).toBe(false);
      flapping.set(d.key, true);
    } else if (d.kind === 'settled') {
      expect(flapping.get(d.key)).toBe(true);
      flapping.set(d.key, false);
    }
  }
}

describe('alert state machine properties', () => {
  it('draws timelines that reach every kind of decision and every condition', () => {
    const seen = new Set<string>();
    for (const [timeline, options] of fc.sample(fc.tuple(timelineArb, optionsArb), { seed: SEED, numRuns: 150 })) {
      for (const d of run(observationsOf(timeline), options).flatMap((s) => s.decisions)) {
        seen.add(d.kind);
        seen.add(d.condition);
        if (d.details['betweenObservations'] === true) seen.add('betweenObservations');
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'firing',
        'resolved',
        'flapping',
        'settled',
        'unknown',
        'betweenObservations',
        'locationOffline',
        'podDisconnected',
        'healthDegraded',
        'wanSaturated',
        'speedTestDrop',
        'plumeAlert',
        'noData',
      ].sort(),
    );
  });

  it('never fires twice for one incident without a resolve between, and resolves only what fired', () => {
    fc.assert(
      fc.property(timelineArb, optionsArb, (timeline, options) => {
        const steps = run(observationsOf(timeline), options);
        checkIncidents(steps.flatMap((s) => s.decisions));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('never fires a pod, health or WAN condition while its location is offline', () => {
    fc.assert(
      fc.property(timelineArb, optionsArb, (timeline, options) => {
        const steps: RunStep[] = run(observationsOf(timeline), options);
        steps.forEach((step) => {
          const offline = step.state.keys['L1:locationOffline']?.phase ?? 'ok';
          for (const d of step.decisions)
            if (d.kind === 'firing' && INHIBITED.has(d.condition)) expect(offline).toBe('ok');
        });
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('says unknown at most once per spell of failures, and keeps the state plain JSON', () => {
    fc.assert(
      fc.property(timelineArb, optionsArb, (timeline, options) => {
        const observations = observationsOf(timeline);
        let state = null as ReturnType<typeof evaluateLocation>['state'] | null;
        let unknownInSpell = false;
        for (const observation of observations) {
          const fromJson = state === null ? null : (JSON.parse(JSON.stringify(state)) as typeof state);
          const result = evaluateLocation(state, observation, options);
          // The state survives a JSON round trip and gives the same result from there.
          expect(evaluateLocation(fromJson, observation, options)).toEqual(result);
          const unknowns = result.decisions.filter((d) => d.kind === 'unknown').length;
          expect(unknowns <= 1 && !(unknowns === 1 && unknownInSpell)).toBe(true);
          unknownInSpell = observation.failed === true ? unknownInSpell || unknowns === 1 : false;
          state = result.state;
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('gives each location in a fleet the decisions it would get alone, apart from folded unknowns', () => {
    fc.assert(
      fc.property(fc.array(timelineArb, { minLength: 2, maxLength: 4 }), optionsArb, (timelines, options) => {
        const perLocation = timelines.map((timeline, i) =>
          observationsOf(timeline).map((o) => ({ ...o, locationId: `L${i}` })),
        );
        const alone = perLocation.map((observations) => run(observations, options).flatMap((s) => s.decisions));
        const cycles = Math.max(...perLocation.map((o) => o.length));
        let fleet = null as ReturnType<typeof evaluateFleet>['state'] | null;
        const together: AlertDecision[] = [];
        for (let c = 0; c < cycles; c++) {
          const observations = perLocation.flatMap((o) => (o[c] === undefined ? [] : [o[c]!]));
          const result = evaluateFleet(fleet, { at: T0 + c * 300_000, observations }, options);
          fleet = result.state;
          together.push(...result.decisions);
        }
        checkIncidents(together);
        perLocation.forEach((_, i) => {
          const mine = together.filter((d) => d.locationId === `L${i}`);
          const expected = alone[i]!.filter((d) => d.kind !== 'unknown');
          expect(mine.filter((d) => d.kind !== 'unknown')).toEqual(expected);
        });
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
