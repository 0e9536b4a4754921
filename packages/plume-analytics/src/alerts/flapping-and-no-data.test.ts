import { describe, expect, it } from '@jest/globals';
import { evaluateLocation, isAnalyticsError } from '../index';
import { allDecisions, iso, observe, phaseOf, run, status, summary } from './test-support';

const up = status('online');
const down = status('offline');

describe('flapping', () => {
  it('says flapping once when more than half of the last 21 observations changed, then nothing until settled', () => {
    // Down and up every poll. A key starts out good, so the first down is a change: the 11th change
    // (11 of 20 > 0.5) comes with the 11th observation.
    const toggling = Array.from({ length: 30 }, (_, i) => observe(i, i % 2 === 0 ? down : up));
    const calm = Array.from({ length: 20 }, (_, i) => observe(30 + i, up));
    const steps = run([...toggling, ...calm]);
    const decisions = allDecisions(steps);
    expect(summary(decisions)).toEqual(['flapping L1:locationOffline', 'settled L1:locationOffline']);
    expect(steps.findIndex((s) => s.decisions.length > 0)).toBe(10);
    expect(decisions[0]).toMatchObject({ since: iso(50), at: iso(50) });
    // Settles once fewer than 5 changes (a quarter of 20) are left in the window.
    const settledAt = steps.findIndex((s, i) => i > 10 && s.decisions.length > 0);
    expect(settledAt).toBe(45);
    expect(decisions[1]).toMatchObject({ since: iso(50), durationMs: (settledAt - 10) * 300_000 });
  });

  it('reports after settling what the phase says, so an open incident is resolved exactly once', () => {
    const steady = [down, down, down];
    const toggling = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? up : down));
    const calm = Array.from({ length: 20 }, () => up);
    const steps = run([...steady, ...toggling, ...calm].map((p, i) => observe(i, p)));
    const kinds = summary(allDecisions(steps)).map((line) => line.split(' ')[0]);
    expect(kinds).toEqual(['firing', 'flapping', 'settled', 'resolved']);
    const settled = allDecisions(steps).filter((d) => d.kind === 'settled' || d.kind === 'resolved');
    expect(settled[0]!.at).toBe(settled[1]!.at);
    expect(settled[1]).toMatchObject({ since: iso(0) });
  });
});

describe('no data is not down', () => {
  const failed = { failed: true };

  it('keeps the state through failed observations and says unknown once, after 3 in a row', () => {
    const steps = run([
      observe(0, down),
      observe(1, down),
      observe(2, failed),
      observe(3, failed),
      observe(4, failed),
      observe(5, failed),
    ]);
    expect(summary(allDecisions(steps))).toEqual(['firing L1:locationOffline', 'unknown L1:noData']);
    expect(steps[4]!.decisions[0]).toMatchObject({
      condition: 'noData',
      since: iso(10),
      at: iso(20),
      details: { failedCycles: 3 },
    });
    expect(steps[5]!.state.noData).toEqual({ since: iso(10), failedCycles: 4, unknown: true });
    expect(phaseOf(steps[5]!.state, 'L1:locationOffline')).toBe('firing');
  });

  it('leaves an UNKNOWN spell out of the incident’s duration, and clears it when data returns', () => {
    const steps = run([
      observe(0, down),
      observe(1, down),
      ...[2, 3, 4].map((i) => observe(i, failed)),
      observe(5, up),
      observe(6, up),
    ]);
    const resolved = allDecisions(steps).find((d) => d.kind === 'resolved');
    // Down from 10:00, no data 10:10–10:25, up from 10:25: 25 minutes minus 15 without data.
    expect(resolved).toMatchObject({ since: iso(0), durationMs: 600_000, details: { noDataMs: 900_000 } });
    expect(steps[5]!.state.noData).toBeUndefined();
  });

  it('does not count two failures as an UNKNOWN spell, and starts counting again after data', () => {
    const steps = run([
      observe(0, failed),
      observe(1, failed),
      observe(2, up),
      observe(3, failed),
      observe(4, failed),
      observe(5, failed),
    ]);
    expect(summary(allDecisions(steps))).toEqual(['unknown L1:noData']);
    expect(steps[5]!.decisions[0]!.since).toBe(iso(15));
  });

  it('ignores an observation that is not later than the last one', () => {
    const first = run([observe(1, down), observe(2, down)]);
    const replay = evaluateLocation(first[1]!.state, observe(2, up));
    expect(replay).toEqual({ state: first[1]!.state, decisions: [] });
    expect(evaluateLocation(first[1]!.state, observe(0, up)).state).toBe(first[1]!.state);
  });
});

describe('errors', () => {
  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error;
    }
    throw new Error('expected a throw');
  };

  it('rejects an observation without a usable time or location, or a state of another location', () => {
    const noTime = thrown(() => evaluateLocation(null, { locationId: 'L1', at: 'yesterday' }));
    expect(isAnalyticsError(noTime) && noTime.code).toBe('INVALID_VALUE');
    expect(String(noTime)).toContain('observation.at');
    const noId = thrown(() => evaluateLocation(null, { locationId: '', at: 0 }));
    expect(isAnalyticsError(noId) && noId.code).toBe('INVALID_VALUE');
    const state = run([observe(0, up)])[0]!.state;
    const other = thrown(() => evaluateLocation(state, observe(1, up, 'L2')));
    expect(String(other)).toContain('the state is for location L1');
  });

  it('rejects malformed options with the option’s name', () => {
    const rule = thrown(() => evaluateLocation(null, observe(0, up), { rules: { podDisconnected: { fireAfter: 0 } } }));
    expect(isAnalyticsError(rule) && rule.code).toBe('INVALID_OPTION');
    expect(String(rule)).toContain('rules.podDisconnected.fireAfter');
    const flapping = thrown(() =>
      evaluateLocation(null, observe(0, up), { flapping: { enterAbove: 0.2, settleBelow: 0.3 } }),
    );
    expect(String(flapping)).toContain('settleBelow ≤ enterAbove');
    const wan = thrown(() => evaluateLocation(null, observe(0, up), { wan: { windowMinutes: -1 } }));
    expect(String(wan)).toContain('wan.windowMinutes');
  });
});
