// Internal: what one observation says about each alert key.
import type { AlertDetails, ObservedCondition } from './types';

/** `bad` and `good` are judged; `hold` is not (no data, or between the thresholds): the key keeps its state. */
export type Verdict = 'bad' | 'good' | 'hold';

/** One key's verdict in one observation. */
export interface Reading {
  readonly key: string;
  readonly condition: ObservedCondition;
  readonly pod?: string;
  readonly verdict: Verdict;
  readonly details: AlertDetails;
}

/** The key of a condition: `locationId:condition`, then each extra part (`:pod`, `:type`). */
export function keyOf(locationId: string, condition: ObservedCondition, ...parts: readonly string[]): string {
  return parts.length === 0 ? `${locationId}:${condition}` : `${locationId}:${condition}:${parts.join(':')}`;
}

/** A reading, with `pod` only when there is one (no `pod: undefined`). */
export function reading(
  key: string,
  condition: ObservedCondition,
  pod: string | null,
  verdict: Verdict,
  details: AlertDetails,
): Reading {
  return pod === null ? { key, condition, verdict, details } : { key, condition, pod, verdict, details };
}

/** Whether a value is an array, without narrowing its type (`Array.isArray` would make it `any[]`). */
export function isList(value: unknown): boolean {
  return Array.isArray(value);
}
