// Internal: one key's step. Runs the phase machine and flapping detection, and decides what is
// reported: while a key flaps nothing but `flapping` and `settled` is; otherwise what people were
// told always matches the phase (`firing` once when an incident opens, `resolved` once when it
// closes), so a firing is never repeated and a resolve never comes without one.
import { flap } from './flapping';
import type { ResolvedAlertOptions } from './options';
import type { Reading } from './readings';
import { advance } from './transitions';
import type { AlertDecision, AlertDetails, AlertKeyState } from './types';

/** The observation being applied. */
export interface StepContext {
  readonly locationId: string;
  readonly at: string;
  readonly atMs: number;
  readonly options: ResolvedAlertOptions;
}

/** The new key state (`null` when there is nothing left to remember) and its decisions. */
export interface KeyStep {
  readonly state: AlertKeyState | null;
  readonly decisions: readonly AlertDecision[];
}

function fresh(reading: Reading): AlertKeyState {
  const base = { condition: reading.condition, phase: 'ok', count: 0, open: false, history: '', noDataMs: 0 } as const;
  return reading.pod === undefined ? base : { ...base, pod: reading.pod };
}

function decide(
  kind: AlertDecision['kind'],
  key: string,
  state: AlertKeyState,
  since: string,
  context: StepContext,
  details: AlertDetails,
  durationMs?: number,
): AlertDecision {
  const decision: AlertDecision = {
    kind,
    key,
    locationId: context.locationId,
    condition: state.condition,
    since,
    at: context.at,
    details,
  };
  const withPod = state.pod === undefined ? decision : { ...decision, pod: state.pod };
  return durationMs === undefined ? withPod : { ...withPod, durationMs: Math.max(0, durationMs) };
}

/** Reports what the phase says and people were not told yet (not while flapping). */
function reconcile(
  state: AlertKeyState,
  key: string,
  context: StepContext,
  details: AlertDetails,
  endedAt: string,
  out: AlertDecision[],
): AlertKeyState {
  const active = state.phase === 'firing' || state.phase === 'recovering';
  if (active && !state.open) {
    const since = state.since ?? context.at;
    out.push(decide('firing', key, state, since, context, state.details ?? details));
    return { ...state, open: true, incidentSince: since, noDataMs: 0 };
  }
  if (!active && state.open) {
    const since = state.incidentSince ?? context.at;
    const durationMs = Date.parse(endedAt) - Date.parse(since) - state.noDataMs;
    const noData = state.noDataMs > 0 ? { ...details, noDataMs: state.noDataMs } : details;
    out.push(decide('resolved', key, state, since, context, noData, durationMs));
    const { incidentSince: _incident, ...rest } = state;
    return { ...rest, open: false, noDataMs: 0 };
  }
  return state;
}

/** Applies a flapping change: reports it, and after settling reports what the phase says. */
function applyFlap(
  state: AlertKeyState,
  change: 'started' | 'settled' | null,
  key: string,
  context: StepContext,
  details: AlertDetails,
  endedAt: string,
  out: AlertDecision[],
): AlertKeyState {
  if (change === 'started') {
    out.push(decide('flapping', key, state, context.at, context, details));
    return { ...state, flappingSince: context.at };
  }
  if (change === 'settled') {
    const since = state.flappingSince ?? context.at;
    out.push(decide('settled', key, state, since, context, details, context.atMs - Date.parse(since)));
    const { flappingSince: _flapping, ...rest } = state;
    return reconcile(rest, key, context, details, endedAt, out);
  }
  return state.flappingSince === undefined ? reconcile(state, key, context, details, endedAt, out) : state;
}

function forget(state: AlertKeyState): AlertKeyState | null {
  const clean =
    state.phase === 'ok' && !state.open && state.flappingSince === undefined && !state.history.includes('1');
  return clean ? null : state;
}

/**
 * Applies one reading to one key. A `hold` changes nothing; a good reading of a key with nothing
 * stored stays nothing.
 */
export function stepKey(previous: AlertKeyState | undefined, reading: Reading, context: StepContext): KeyStep {
  if (reading.verdict === 'hold' || (previous === undefined && reading.verdict === 'good')) {
    return { state: previous ?? null, decisions: [] };
  }
  const base = previous ?? fresh(reading);
  const bad = reading.verdict === 'bad';
  const rule = context.options.rules[reading.condition];
  const moved = advance(base, bad, context.at, rule);
  const flapped = flap(base.history, bad, base.flappingSince !== undefined, context.options.flapping);
  const next: AlertKeyState = bad
    ? { ...moved.state, history: flapped.history, details: reading.details }
    : { ...moved.state, history: flapped.history };
  const decisions: AlertDecision[] = [];
  const endedAt = moved.endedAt ?? context.at;
  const state = applyFlap(next, flapped.change, reading.key, context, reading.details, endedAt, decisions);
  return { state: forget(state), decisions };
}

/**
 * An outage seen only afterwards (the location is online now and was online last time, but its
 * status changed in between). From OK it is reported at once as `firing` and `resolved` (no
 * hysteresis: it is over already), marked `betweenObservations`; it counts as one bad and one good
 * observation for flapping. During an incident it counts as a bad then a good observation.
 */
export function stepHiddenOutage(
  previous: AlertKeyState | undefined,
  reading: Reading,
  outage: { readonly since: string; readonly durationMs: number | null },
  context: StepContext,
): KeyStep {
  const bad: Reading = { ...reading, verdict: 'bad' };
  const good: Reading = { ...reading, verdict: 'good' };
  if (previous !== undefined && previous.phase !== 'ok') {
    const first = stepKey(previous, bad, context);
    const second = stepKey(first.state ?? undefined, good, context);
    return { state: second.state, decisions: [...first.decisions, ...second.decisions] };
  }
  let state = previous ?? fresh(reading);
  const decisions: AlertDecision[] = [];
  for (const isBad of [true, false]) {
    const flapped = flap(state.history, isBad, state.flappingSince !== undefined, context.options.flapping);
    state = { ...state, history: flapped.history };
    if (flapped.change !== null)
      state = applyFlap(state, flapped.change, reading.key, context, reading.details, context.at, decisions);
  }
  if (state.flappingSince === undefined) {
    state = reconcile(state, reading.key, context, reading.details, context.at, decisions);
    const details = { ...reading.details, betweenObservations: true };
    decisions.push(decide('firing', reading.key, state, outage.since, context, details));
    const end = outage.durationMs === null ? undefined : outage.durationMs;
    decisions.push(decide('resolved', reading.key, state, outage.since, context, details, end));
  }
  return { state: forget(state), decisions };
}
