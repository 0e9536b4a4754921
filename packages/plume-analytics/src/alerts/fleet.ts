import { AnalyticsError } from '../errors';
import { parseTimestamp, toIso } from '../time';
import { evaluateResolved } from './evaluate';
import type { FleetBatch } from './input-types';
import { resolveAlertOptions, type AlertOptions } from './options';
import { isList } from './readings';
import type { AlertDecision, LocationAlertState } from './types';

/**
 * Whether Plume itself is failing, across a fleet: bad cycles in a row, and since when.
 *
 * @example
 * ```ts
 * const monitoring: MonitoringState = { badCycles: 1, since: '2024-12-04T10:05:00.000Z', degraded: false };
 * ```
 */
export interface MonitoringState {
  /** Bad cycles in a row (most observations failed). */
  readonly badCycles: number;
  /** The first bad cycle of the run, ISO-8601. */
  readonly since?: string;
  /** `monitoringDegraded` is firing. */
  readonly degraded: boolean;
}

/**
 * The stored state of a fleet: each location's state by id, and the monitoring state.
 *
 * @example
 * ```ts
 * const empty: FleetAlertState = { locations: {}, monitoring: { badCycles: 0, degraded: false } };
 * ```
 */
export interface FleetAlertState {
  readonly locations: Readonly<Record<string, LocationAlertState>>;
  readonly monitoring: MonitoringState;
}

/**
 * What `evaluateFleet` returns: the new state and the decisions (the fleet's first, then each
 * location's in batch order).
 *
 * @example
 * ```ts
 * const result: FleetEvaluation = evaluateFleet(null, { at: 0, observations: [] });
 * result.decisions; // []
 * ```
 */
export interface FleetEvaluation {
  readonly state: FleetAlertState;
  readonly decisions: readonly AlertDecision[];
}

function monitoringStep(
  previous: MonitoringState,
  bad: boolean,
  at: string,
  details: Readonly<Record<string, number>>,
  unknownAfter: number,
): { readonly state: MonitoringState; readonly decision: AlertDecision | null } {
  const base = { key: 'monitoring', condition: 'monitoringDegraded', at, details } as const;
  if (!bad) {
    const state: MonitoringState = { badCycles: 0, degraded: false };
    if (!previous.degraded || previous.since === undefined) return { state, decision: null };
    const durationMs = Date.parse(at) - Date.parse(previous.since);
    return { state, decision: { ...base, kind: 'resolved', since: previous.since, durationMs } };
  }
  const since = previous.since ?? at;
  const badCycles = previous.badCycles + 1;
  const fires = !previous.degraded && badCycles >= unknownAfter;
  const state: MonitoringState = { badCycles, since, degraded: previous.degraded || fires };
  return { state, decision: fires ? { ...base, kind: 'firing', since } : null };
}

/**
 * Evaluates one polling cycle over many locations: each observation as `evaluateLocation` would,
 * plus one fleet-wide condition, `monitoringDegraded` (key `monitoring`), for Plume failing for many
 * locations at once. A cycle is bad when at least `monitoring.minFailed` (3) observations failed and
 * they are at least `monitoring.failedShare` (half) of the cycle; `unknownAfter` (3) bad cycles in a
 * row give one `firing`, the first good cycle its `resolved`. While it fires, the locations'
 * own `unknown` decisions are left out (the one fleet decision stands for them; each location's
 * state still records its UNKNOWN spell), so a Plume outage is one message, not one per location.
 * Locations not in the batch keep their state. Pure; neither argument is mutated.
 *
 * @param state - what the previous call returned, or `null` at the start
 * @param batch - the cycle's time and at most one observation per location
 * @param options - as for `evaluateLocation`; `planSpeed` per location goes in each observation
 * @returns the new fleet state and the decisions
 * @throws {@link AnalyticsError} `INVALID_VALUE` when `batch.at` is not a time, a location appears
 *   twice, or an observation is malformed; `INVALID_OPTION` for a malformed option.
 *
 * @example
 * ```ts
 * let fleet: FleetAlertState | null = null;
 * for (let cycle = 0; cycle < 3; cycle++) {
 *   const at = Date.UTC(2024, 11, 4, 10, 5 * cycle);
 *   const observations = ['L1', 'L2', 'L3'].map((locationId) => ({ locationId, at, failed: true }));
 *   const result = evaluateFleet(fleet, { at, observations });
 *   fleet = result.state;
 *   for (const d of result.decisions) console.log(d.kind, d.condition);
 * }
 * // firing monitoringDegraded   (and no 'unknown' per location)
 * ```
 */
export function evaluateFleet(
  state: FleetAlertState | null | undefined,
  batch: FleetBatch,
  options?: AlertOptions | null,
): FleetEvaluation {
  const resolved = resolveAlertOptions(options);
  const atMs = parseTimestamp(batch?.at);
  if (atMs === null || !isList(batch.observations)) {
    throw new AnalyticsError(
      'INVALID_VALUE',
      'alerts: a batch needs `at` (ISO-8601 or epoch ms) and an `observations` array.',
    );
  }
  // The batch's locations go into a new record first (which also catches a location sent twice),
  // then the others are copied over: cheaper than copying all and overwriting.
  const previousLocations = state?.locations ?? {};
  const locations: Record<string, LocationAlertState> = {};
  const locationDecisions: AlertDecision[] = [];
  const lastIso = { ms: NaN, iso: '' };
  let failed = 0;
  for (const observation of batch.observations) {
    const id = observation?.locationId;
    if (Object.hasOwn(locations, id)) {
      throw new AnalyticsError(
        'INVALID_VALUE',
        `alerts: location ${id} appears twice in one batch; send one observation per location.`,
      );
    }
    if (observation?.failed === true) failed++;
    const result = evaluateResolved(
      Object.hasOwn(previousLocations, id) ? previousLocations[id] : null,
      observation,
      resolved,
      lastIso,
    );
    locations[id] = result.state;
    for (const decision of result.decisions) locationDecisions.push(decision);
  }
  for (const id of Object.keys(previousLocations))
    if (!Object.hasOwn(locations, id)) locations[id] = previousLocations[id]!;
  const { failedShare, minFailed } = resolved.monitoring;
  const observed = batch.observations.length;
  const bad = failed >= minFailed && failed >= failedShare * observed;
  const previous = state?.monitoring ?? { badCycles: 0, degraded: false };
  const details = { failedLocations: failed, observedLocations: observed };
  const monitoring = monitoringStep(previous, bad, toIso(atMs), details, resolved.unknownAfter);
  const kept = monitoring.state.degraded ? locationDecisions.filter((d) => d.kind !== 'unknown') : locationDecisions;
  const decisions = monitoring.decision === null ? kept : [monitoring.decision, ...kept];
  return { state: { locations, monitoring: monitoring.state }, decisions };
}
