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
  /** Timestamped samples dropped because a later one has the same timestamp. */
  readonly duplicates: number;
  readonly known: readonly KnownSample[];
}

/** `online`, `offline` or `intermittent` in any case and with surrounding spaces; else `unknown`. */
export function normaliseState(value: unknown): OnlineState {
  if (typeof value !== 'string') return 'unknown';
  const state = value.trim().toLowerCase();
  return state === 'online' || state === 'offline' || state === 'intermittent' ? state : 'unknown';
}

/**
 * Skips samples without a parseable timestamp, keeps only the last in input order of samples that
 * share a timestamp (whatever their states), counts states, and returns the known-state samples
 * sorted by time. The sort is stable, so equal timestamps stay in input order and the last of each
 * run is the one kept.
 */
export function normaliseSamples(samples: readonly (OnlineStateSample | null | undefined)[]): NormalisedSamples {
  const timed: { readonly time: number; readonly state: OnlineState }[] = [];
  let skipped = 0;
  let sorted = true;
  for (const sample of samples) {
    const time = sample !== null && typeof sample === 'object' ? parseTimestamp(sample.timestamp) : null;
    if (time === null) {
      skipped++;
      continue;
    }
    const last = timed[timed.length - 1];
    if (last !== undefined && time < last.time) sorted = false;
    timed.push({ time, state: normaliseState(sample?.value) });
  }
  // Array.prototype.sort is stable, so equal timestamps keep input order.
  if (!sorted) timed.sort((a, b) => a.time - b.time);
  const counts = { online: 0, offline: 0, intermittent: 0, unknown: 0 };
  const known: KnownSample[] = [];
  let duplicates = 0;
  for (let i = 0; i < timed.length; i++) {
    const { time, state } = timed[i]!;
    if (timed[i + 1]?.time === time) {
      // A later sample with the same timestamp replaces this one.
      duplicates++;
      continue;
    }
    counts[state]++;
    if (state !== 'unknown') known.push({ time, state });
  }
  return { counts, skipped, duplicates, known };
}
