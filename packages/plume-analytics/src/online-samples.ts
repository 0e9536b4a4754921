// Internal: normalises `locationState` items for the online-statistics analysis.
import type { OnlineState, OnlineStateCounts, OnlineStateSample } from './online-stats-types';
import { parseTimestamp } from './time';

/** A sample with a known state, as epoch ms. */
export interface KnownSample {
  readonly time: number;
  readonly state: Exclude<OnlineState, 'unknown'>;
}

/** The normalised samples: counts of all timestamped ones, and the known ones in time order. */
export interface NormalisedSamples {
  readonly counts: OnlineStateCounts;
  readonly skipped: number;
  readonly known: readonly KnownSample[];
}

/** `online`, `offline` or `intermittent` in any case and with surrounding spaces; else `unknown`. */
export function normaliseState(value: unknown): OnlineState {
  if (typeof value !== 'string') return 'unknown';
  const state = value.trim().toLowerCase();
  return state === 'online' || state === 'offline' || state === 'intermittent' ? state : 'unknown';
}

/**
 * Skips samples without a parseable timestamp, counts states, and returns the known-state samples
 * sorted by time (stable: equal timestamps keep input order).
 */
export function normaliseSamples(samples: readonly (OnlineStateSample | null | undefined)[]): NormalisedSamples {
  const counts = { online: 0, offline: 0, intermittent: 0, unknown: 0 };
  const known: KnownSample[] = [];
  let skipped = 0;
  let sorted = true;
  for (const sample of samples) {
    const time = sample !== null && typeof sample === 'object' ? parseTimestamp(sample.timestamp) : null;
    if (time === null) {
      skipped++;
      continue;
    }
    const state = normaliseState(sample?.value);
    counts[state]++;
    if (state === 'unknown') continue;
    const last = known[known.length - 1];
    if (last !== undefined && time < last.time) sorted = false;
    known.push({ time, state });
  }
  // Array.prototype.sort is stable, so equal timestamps keep input order.
  if (!sorted) known.sort((a, b) => a.time - b.time);
  return { counts, skipped, known };
}
