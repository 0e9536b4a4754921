import { evaluateFleet, type AlertOptions, type FleetAlertState, type LocationAlertState } from '@org/plume-analytics';
import type { CycleCommit } from '../storage/alert-store';
import type { CheckResult } from './observe';

/** Without a plan speed set for a location, its WAN is judged against its latest speed test. */
const ALERT_OPTIONS: AlertOptions = { wan: { planFromSpeedTest: true } };

/**
 * How one cloud's batch of checks at `at` is evaluated when it is committed: `evaluateFleet` over
 * the checked locations' states as read with the checks, and the cloud's fleet state as the commit
 * finds it under the cloud's lock (another replica may have committed a cycle of the cloud since
 * the batch began). Pure: the commit may call it inside its transaction.
 * @example await alerts.commit({ cloud, at, evaluate: evaluateCycle(at, results) });
 */
export function evaluateCycle(at: number, results: readonly CheckResult[]): CycleCommit['evaluate'] {
  const locations: Record<string, LocationAlertState> = {};
  for (const { check } of results) if (check.state !== null) locations[check.locationId] = check.state;
  const observations = results.map((result) => result.observation);
  return (monitoring) => {
    const before: FleetAlertState = { locations, monitoring: monitoring ?? { badCycles: 0, degraded: false } };
    const evaluation = evaluateFleet(before, { at, observations }, ALERT_OPTIONS);
    return {
      monitoring: evaluation.state.monitoring,
      locations: results.flatMap(({ check, nodesFetched, wanFetched }) => {
        const state = evaluation.state.locations[check.locationId];
        if (state === undefined) return [];
        return [{ check, state, ...(nodesFetched ? { nodesAt: at } : {}), ...(wanFetched ? { wanAt: at } : {}) }];
      }),
      decisions: evaluation.decisions,
    };
  };
}
