import { describe, expect, it } from '@jest/globals';
import { evaluateFleet, isAnalyticsError } from '../index';
import type { FleetAlertState, LocationObservation } from '../index';
import { deepFreeze } from '../test-support';
import { iso, T0 } from './test-support';

const IDS = ['L1', 'L2', 'L3', 'L4'];

function cycle(step: number, failedIds: readonly string[], offlineIds: readonly string[] = []) {
  const at = T0 + step * 300_000;
  const observations: LocationObservation[] = IDS.map((locationId) =>
    failedIds.includes(locationId)
      ? { locationId, at, failed: true }
      : { locationId, at, networkStatus: { status: offlineIds.includes(locationId) ? 'offline' : 'online' } },
  );
  return { at, observations };
}

function runFleet(cycles: readonly ReturnType<typeof cycle>[]) {
  let state: FleetAlertState | null = null;
  return cycles.map((batch) => {
    const result = evaluateFleet(deepFreeze(state), deepFreeze(batch));
    state = result.state;
    return result;
  });
}

describe('evaluateFleet', () => {
  it('raises one monitoringDegraded instead of an unknown per location, and resolves it once Plume answers', () => {
    const all = IDS;
    const results = runFleet([cycle(0, []), cycle(1, all), cycle(2, all), cycle(3, all), cycle(4, all), cycle(5, [])]);
    const lines = results.map((r) => r.decisions.map((d) => `${d.kind} ${d.key}`));
    expect(lines).toEqual([[], [], [], ['firing monitoring'], [], ['resolved monitoring']]);
    expect(results[3]!.decisions[0]).toMatchObject({
      condition: 'monitoringDegraded',
      since: iso(5),
      at: iso(15),
      details: { failedLocations: 4, observedLocations: 4 },
    });
    expect(results[5]!.decisions[0]).toMatchObject({ since: iso(5), durationMs: 1_200_000 });
    // Each location still went UNKNOWN, and came back without a burst of decisions.
    expect(results[4]!.state.locations['L2']!.noData).toMatchObject({ unknown: true, failedCycles: 4 });
    expect(results[5]!.state.locations['L2']!.noData).toBeUndefined();
  });

  it('reports a few failing locations one by one, and evaluates the rest as usual', () => {
    const results = runFleet([cycle(0, ['L1']), cycle(1, ['L1'], ['L3']), cycle(2, ['L1'], ['L3'])]);
    const lines = results.flatMap((r) => r.decisions.map((d) => `${d.kind} ${d.key}`));
    expect(lines).toEqual(['unknown L1:noData', 'firing L3:locationOffline']);
    expect(results[2]!.state.monitoring).toEqual({ badCycles: 0, degraded: false });
  });

  it('keeps the state of locations left out of a batch, and refuses a location twice', () => {
    const [first] = runFleet([cycle(0, [], ['L1'])]);
    const next = evaluateFleet(first!.state, { at: T0 + 300_000, observations: [] });
    expect(next.state.locations).toEqual(first!.state.locations);
    const twice = {
      at: T0,
      observations: [
        { locationId: 'L1', at: T0 },
        { locationId: 'L1', at: T0 },
      ],
    };
    let error: unknown;
    try {
      evaluateFleet(null, twice);
    } catch (caught) {
      error = caught;
    }
    expect(isAnalyticsError(error) && error.code).toBe('INVALID_VALUE');
    expect(String(error)).toContain('appears twice');
  });

  it('takes any location id, even one that names an object property', () => {
    const observations = ['constructor', 'toString'].map((locationId) => ({
      locationId,
      at: T0,
      networkStatus: { status: 'offline' },
    }));
    const first = evaluateFleet(null, { at: T0, observations });
    const second = evaluateFleet(first.state, {
      at: T0 + 300_000,
      observations: observations.map((o) => ({ ...o, at: T0 + 300_000 })),
    });
    expect(second.decisions.map((d) => d.key)).toEqual(['constructor:locationOffline', 'toString:locationOffline']);
    expect(Object.keys(second.state.locations)).toEqual(['constructor', 'toString']);
  });
});
