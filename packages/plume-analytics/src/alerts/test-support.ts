// Test support for the alert state machine (not part of the public surface): a timeline runner
// and observation builders.
import { evaluateLocation } from '../index';
import type { AlertDecision, AlertOptions, LocationAlertState, LocationObservation } from '../index';
import { deepFreeze, snapshot } from '../test-support';

/** 2024-12-04 10:00 UTC, the start of every timeline. */
export const T0 = Date.UTC(2024, 11, 4, 10);

/** The ISO time `m` minutes after T0. */
export const iso = (m: number): string => new Date(T0 + m * 60_000).toISOString();

/** An observation `step` polls (5 minutes each) after T0, with the given parts. */
export function observe(
  step: number,
  parts: Omit<LocationObservation, 'locationId' | 'at'> = {},
  locationId = 'L1',
): LocationObservation {
  return { locationId, at: T0 + step * 300_000, ...parts };
}

/** `networkStatus` parts: `'online'`, `'offline'`, or `null` for an observation without it. */
export const status = (value: 'online' | 'offline' | null, statusChangedAt = '2024-12-01T00:00:00Z') =>
  value === null ? {} : { networkStatus: { status: value, statusChangedAt } };

/** A pod node. */
export const pod = (id: string, connected: boolean, health = 'good') => ({
  id,
  nickname: `Pod ${id}`,
  connectionState: connected ? 'connected' : 'disconnected',
  health: { status: health },
});

/** One step of a run: its decisions and the state after it. */
export interface RunStep {
  readonly decisions: readonly AlertDecision[];
  readonly state: LocationAlertState;
}

/**
 * Feeds observations in order from `initial`, checking on the way that no input (state,
 * observation, options) is mutated: each is deep-frozen, and the state is compared with a snapshot.
 */
export function run(
  observations: readonly LocationObservation[],
  options?: AlertOptions,
  initial: LocationAlertState | null = null,
): RunStep[] {
  const steps: RunStep[] = [];
  let state = initial;
  for (const observation of observations) {
    const before = snapshot(state);
    const result = evaluateLocation(
      deepFreeze(state),
      deepFreeze(observation),
      options === undefined ? undefined : deepFreeze(options),
    );
    if (JSON.stringify(snapshot(state)) !== JSON.stringify(before)) throw new Error('the state passed in was changed');
    steps.push(result);
    state = result.state;
  }
  return steps;
}

/** Every decision of a run, in order. */
export const allDecisions = (steps: readonly RunStep[]): AlertDecision[] => steps.flatMap((step) => step.decisions);

/** `kind key` of each decision, for compact expectations. */
export const summary = (decisions: readonly AlertDecision[]): string[] => decisions.map((d) => `${d.kind} ${d.key}`);

/** The phase of `key` in a state (`ok` when nothing is stored). */
export const phaseOf = (state: LocationAlertState | undefined, key: string): string => state?.keys[key]?.phase ?? 'ok';
