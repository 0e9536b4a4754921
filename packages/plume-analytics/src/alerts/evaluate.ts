import { AnalyticsError } from '../errors';
import { isCanonicalIso, parseTimestamp, toIso } from '../time';
import { locationFindings, plumeAlertReadings, type LocationFindings } from './conditions';
import type { LocationObservation } from './input-types';
import { stepHiddenOutage, stepKey, type KeyStep, type StepContext } from './key-step';
import { resolveAlertOptions, type AlertOptions, type ResolvedAlertOptions } from './options';
import type { Reading } from './readings';
import { speedTestReading } from './speed-test-condition';
import type {
  AlertDecision,
  AlertDetails,
  AlertKeyState,
  LocationAlertState,
  LocationEvaluation,
  ObservedCondition,
} from './types';
import { wanReading } from './wan-condition';

/** The keys of one location, copied on the first change only (most polls change nothing). */
class Keys {
  keys: Readonly<Record<string, AlertKeyState>>;
  /** This evaluation's own copy of the keys, once one of them changed; `keys` is then this copy. */
  private own: Record<string, AlertKeyState> | undefined;
  readonly decisions: AlertDecision[] = [];

  constructor(previous: Readonly<Record<string, AlertKeyState>>) {
    this.keys = previous;
  }

  private writable(): Record<string, AlertKeyState> {
    if (!this.own) {
      this.own = { ...this.keys };
      this.keys = this.own;
    }
    return this.own;
  }

  set(key: string, state: AlertKeyState): void {
    this.writable()[key] = state;
  }

  apply(key: string, step: KeyStep): void {
    if (step.state !== null) {
      if (this.keys[key] !== step.state) this.set(key, step.state);
    } else if (key in this.keys) {
      delete this.writable()[key];
    }
    for (const decision of step.decisions) this.decisions.push(decision);
  }

  step(reading: Reading, context: StepContext): void {
    this.apply(reading.key, stepKey(this.keys[reading.key], reading, context));
  }

  /** Steps the readings of one source, and a good reading for each stored key of its conditions not among them. */
  stepAll(readings: readonly Reading[], conditions: readonly ObservedCondition[], context: StepContext): void {
    // Most polls read nothing bad and have nothing of these conditions stored: no allocation then.
    let absent: string[] | undefined;
    for (const key in this.keys) {
      if (conditions.includes(this.keys[key]!.condition)) (absent ??= []).push(key);
    }
    if (readings.length === 0 && absent === undefined) return;
    const seen = new Set<string>();
    for (const reading of readings) {
      seen.add(reading.key);
      this.step(reading, context);
    }
    for (const key of absent ?? []) {
      if (seen.has(key)) continue;
      const state = this.keys[key]!;
      // What names the subject (a pod's name, a Plume alert's type) stays, so a recovery says what recovered.
      const { podName, type } = state.details ?? {};
      const details: AlertDetails = {
        ...(typeof podName === 'string' && { podName }),
        ...(typeof type === 'string' && { type }),
        absent: true,
      };
      const reading: Reading = { key, condition: state.condition, verdict: 'good', details };
      this.step(state.pod === undefined ? reading : { ...reading, pod: state.pod }, context);
    }
  }
}

/**
 * The observation time as `toIso` writes it. `lastIso` is a one-entry memo owned by the caller
 * (`evaluateFleet` keeps one per batch, whose observations mostly share a time).
 */
function isoOf(at: LocationObservation['at'], atMs: number, lastIso: { ms: number; iso: string } | undefined): string {
  // A time already written as `toIso` writes it is used as it is.
  if (isCanonicalIso(at)) return at;
  if (lastIso?.ms === atMs) return lastIso.iso;
  const iso = toIso(atMs);
  if (lastIso !== undefined) {
    lastIso.ms = atMs;
    lastIso.iso = iso;
  }
  return iso;
}

function failedObservation(previous: LocationAlertState, context: StepContext): LocationEvaluation {
  const noData = previous.noData ?? { since: context.at, failedCycles: 0, unknown: false };
  const failedCycles = noData.failedCycles + 1;
  const unknown = failedCycles >= context.options.unknownAfter;
  const decisions: AlertDecision[] = [];
  if (unknown && !noData.unknown) {
    decisions.push({
      kind: 'unknown',
      key: `${context.locationId}:noData`,
      locationId: context.locationId,
      condition: 'noData',
      since: noData.since,
      at: context.at,
      details: { failedCycles },
    });
  }
  return { state: { ...previous, lastAt: context.at, noData: { ...noData, failedCycles, unknown } }, decisions };
}

/** Adds a finished UNKNOWN spell to every open incident, so it is not counted as downtime. */
function creditNoData(keys: Keys, noData: LocationAlertState['noData'], atMs: number): void {
  if (!noData?.unknown) return;
  const spell = atMs - Date.parse(noData.since);
  for (const [key, state] of Object.entries(keys.keys)) {
    if (state.open) keys.set(key, { ...state, noDataMs: state.noDataMs + spell });
  }
}

function checkInput(state: LocationAlertState | null | undefined, observation: LocationObservation): number {
  const id: unknown = observation?.locationId;
  if (typeof id !== 'string' || id === '' || id === '__proto__') {
    throw new AnalyticsError(
      'INVALID_VALUE',
      `alerts: an observation needs a non-empty string locationId (not __proto__), got ${String(id)}.`,
    );
  }
  const atMs = parseTimestamp(observation.at);
  if (atMs === null) {
    throw new AnalyticsError(
      'INVALID_VALUE',
      `alerts: observation.at must be an ISO-8601 time or epoch ms, got ${String(observation.at)}.`,
    );
  }
  if (state && state.locationId !== observation.locationId) {
    throw new AnalyticsError(
      'INVALID_VALUE',
      `alerts: the state is for location ${state.locationId}, the observation for ${observation.locationId}; pass each location its own state.`,
    );
  }
  return atMs;
}

/** `evaluateLocation` with options already resolved (shared with `evaluateFleet`). */
export function evaluateResolved(
  state: LocationAlertState | null | undefined,
  observation: LocationObservation,
  options: ResolvedAlertOptions,
  lastIso?: { ms: number; iso: string },
): LocationEvaluation {
  const atMs = checkInput(state, observation);
  const previous: LocationAlertState = state ?? { locationId: observation.locationId, keys: {} };
  const at = isoOf(observation.at, atMs, lastIso);
  // ISO-8601 UTC strings of 4-digit years (all this package reads) sort as their instants do.
  if (previous.lastAt !== undefined && at <= previous.lastAt) return { state: previous, decisions: [] };
  const context: StepContext = { locationId: observation.locationId, at, atMs, options };
  if (observation.failed === true) return failedObservation(previous, context);

  const keys = new Keys(previous.keys);
  creditNoData(keys, previous.noData, atMs);
  const findings = locationFindings(observation, previous.keys);
  const network = stepOffline(keys, previous, observation, findings, context);
  const offline = keys.keys[findings.offline.key];
  const inhibited = offline !== undefined && offline.phase !== 'ok';

  if (!inhibited && findings.pods !== null) keys.stepAll(findings.pods, ['podDisconnected', 'healthDegraded'], context);
  // The speed test is read first: a new one is the plan speed of this very WAN judgement.
  const speed = speedTestReading(observation.locationId, findings.speedTest, previous.speedTests ?? [], options);
  const wan = inhibited ? null : wanReading(observation, previous.wanThrough, speed.speedTests, options);
  if (wan?.reading) keys.step(wan.reading, context);
  if (speed.reading !== null) keys.step(speed.reading, context);
  const plume = plumeAlertReadings(observation);
  if (plume !== null) keys.stepAll(plume, ['plumeAlert'], context);

  // Built field by field: what a location remembers, without the finished `noData` spell.
  const next: { -readonly [K in keyof LocationAlertState]: LocationAlertState[K] } = {
    locationId: previous.locationId,
    lastAt: context.at,
    keys: keys.keys,
  };
  if (network !== undefined) next.network = network;
  const wanThrough = wan?.through ?? previous.wanThrough;
  if (wanThrough !== undefined) next.wanThrough = wanThrough;
  if (speed.speedTests.length > 0) next.speedTests = speed.speedTests;
  return { state: next, decisions: keys.decisions };
}

/** Steps `locationOffline`, spotting an outage between observations; returns the network status to remember. */
function stepOffline(
  keys: Keys,
  previous: LocationAlertState,
  observation: LocationObservation,
  findings: LocationFindings,
  context: StepContext,
): LocationAlertState['network'] {
  const online = findings.reportedOnline;
  const before = previous.network;
  const changedAtText = observation.networkStatus?.statusChangedAt;
  const unchanged = before?.changedAt != null && changedAtText === before.changedAt;
  const beforeMs = before?.changedAt == null ? null : Date.parse(before.changedAt);
  const changedAtMs = unchanged ? beforeMs : parseTimestamp(changedAtText);
  const hidden =
    findings.offline.verdict === 'good' &&
    online === true &&
    before?.online === true &&
    beforeMs !== null &&
    changedAtMs !== null &&
    changedAtMs > beforeMs;
  if (hidden) {
    const seconds = observation.networkStatus?.durationOfPreviousStatus;
    const known = typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0;
    const sinceMs = known ? Math.max(changedAtMs - seconds * 1000, Date.parse(before.at)) : changedAtMs;
    const outage = { since: toIso(sinceMs), durationMs: known ? changedAtMs - sinceMs : null };
    const key = findings.offline.key;
    keys.apply(key, stepHiddenOutage(keys.keys[key], findings.offline, outage, context));
  } else {
    keys.step(findings.offline, context);
  }
  if (online === null) return before;
  const changedAt = unchanged ? before.changedAt : changedAtMs === null ? null : toIso(changedAtMs);
  return { online, changedAt, at: context.at };
}

/**
 * Turns one observation of a location into alert decisions and its new state. Pure: no clock (time
 * comes with the observation), no I/O; neither argument is mutated; the state is plain JSON.
 *
 * Per key (`locationId:condition[:pod]`): OK → PENDING → FIRING after `fireAfter` bad
 * observations in a row → RECOVERING → OK after `resolveAfter` good ones in a row (see
 * {@link AlertOptions}); `firing` and `resolved` are decided once each per incident.
 * - **Conditions.** `locationOffline`: the location's `networkStatus` says offline and no pod is
 *   connected (a contradiction is not judged). `podDisconnected` and `healthDegraded` (fair or poor,
 *   connected pods only) per pod. `wanSaturated`: the 95th percentile of the last hour's interval
 *   peaks above 90 % of the plan speed, clear below 70 % (off without a plan speed; with
 *   `wan.planFromSpeedTest`, the latest speed test stands in for a missing plan).
 *   `speedTestDrop`: a new gateway test below 50 % of the median of the previous 7 days' tests,
 *   clear above 70 %. `plumeAlert`: each of Plume's own active alerts. A pod or alert that is no
 *   longer listed reads as good.
 * - **No data is not down.** A missing part is not judged. A `failed` observation keeps every state;
 *   after `unknownAfter` (3) in a row one `unknown` decision; the time until data returns is left out
 *   of open incidents' `durationMs` (and given as `details.noDataMs` on their `resolved`).
 * - **Inhibition.** While `locationOffline` is not OK, the location's pod, health and WAN conditions
 *   are not judged, so they never fire during an outage.
 * - **Flapping.** More than half of changes over the last 21 judged observations: one `flapping`,
 *   then nothing for that key until fewer than a quarter: `settled`, followed by whatever `firing`
 *   or `resolved` brings the report in line with the phase.
 * - **Outages between observations.** Online now and last time but `statusChangedAt` moved: a
 *   `firing` and a `resolved` at once, with `details.betweenObservations: true`; `since` is
 *   `statusChangedAt` − `durationOfPreviousStatus` (not before the previous observation), and
 *   `durationMs` is known only with `durationOfPreviousStatus`.
 * - An observation not later than the state's last one is ignored (replays change nothing).
 *
 * @param state - what the previous call returned, or `null` for a location seen for the first time
 * @param observation - what was fetched (see {@link LocationObservation})
 * @param options - thresholds, see {@link AlertOptions}
 * @returns the new state and the decisions, in order
 * @throws {@link AnalyticsError} `INVALID_VALUE` when the observation has no `locationId` or no
 *   usable `at`, or the state belongs to another location; `INVALID_OPTION` for a malformed option.
 *
 * @example
 * ```ts
 * let state: LocationAlertState | null = null;
 * for (const [minute, status] of [[0, 'online'], [5, 'offline'], [10, 'offline']] as const) {
 *   const at = Date.UTC(2024, 11, 4, 10, minute);
 *   const result = evaluateLocation(state, { locationId: 'L1', at, networkStatus: { status } });
 *   state = result.state;
 *   for (const d of result.decisions) console.log(d.kind, d.key, d.since);
 * }
 * // firing L1:locationOffline 2024-12-04T10:05:00.000Z
 * ```
 */
export function evaluateLocation(
  state: LocationAlertState | null | undefined,
  observation: LocationObservation,
  options?: AlertOptions | null,
): LocationEvaluation {
  return evaluateResolved(state, observation, resolveAlertOptions(options));
}
