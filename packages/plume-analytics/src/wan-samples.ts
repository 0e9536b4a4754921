// Internal: turns `fifteenMins` items into time-ordered columns of valid samples.
import type { WanSampleInput } from './wan-types';
import { parseTimestamp } from './time';

/** Valid samples as parallel columns, ascending by time, one per interval start. */
export interface WanColumns {
  readonly length: number;
  /** Valid samples dropped because a later valid sample has the same interval start. */
  readonly duplicates: number;
  readonly time: Float64Array;
  readonly rxMbytes: Float64Array;
  readonly txMbytes: Float64Array;
  readonly rxMaxMbps: Float64Array;
  readonly txMaxMbps: Float64Array;
}

function usable(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function reorder(source: Float64Array, order: readonly number[]): Float64Array {
  const target = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) target[i] = source[order[i]!]!;
  return target;
}

/** Reverses a column in place. O(n). */
function reverseInPlace(column: Float64Array): Float64Array {
  for (let i = 0, j = column.length - 1; i < j; i++, j--) {
    const t = column[i]!;
    column[i] = column[j]!;
    column[j] = t;
  }
  return column;
}

/** Indices of any column in ascending order, ties in input order. O(n log n). */
function sortedOrder(time: Float64Array): number[] {
  return Array.from({ length: time.length }, (_, i) => i).sort((a, b) => time[a]! - time[b]! || a - b);
}

/** Drops every index followed by one with the same time: of equal times, the last in `order` stays. */
function lastOfEachTime(order: readonly number[], time: Float64Array): number[] {
  return order.filter((index, k) => k === order.length - 1 || time[order[k + 1]!] !== time[index]);
}

/**
 * Keeps the samples with a parseable timestamp and all four numbers finite and ≥ 0, in time order,
 * one per interval start: of valid samples with the same time, only the last in input order stays
 * (a later copy of an interval replaces the earlier one). Input already ascending (the common case)
 * or descending ("newest first") costs O(n): there, equal times are neighbours and the later one
 * overwrites the earlier as it is read. Anything else is sorted by index, ties in input order, and
 * the last of each run of equal times is kept, O(n log n).
 */
export function collectValidSamples(samples: readonly (WanSampleInput | null | undefined)[]): WanColumns {
  const total = samples.length;
  const time = new Float64Array(total);
  const rxMbytes = new Float64Array(total);
  const txMbytes = new Float64Array(total);
  const rxMaxMbps = new Float64Array(total);
  const txMaxMbps = new Float64Array(total);
  let n = 0;
  let duplicates = 0;
  let ascending = true;
  let descending = true;
  for (let i = 0; i < total; i++) {
    const sample = samples[i];
    if (sample === null || typeof sample !== 'object') continue;
    const { rxMbytes: rx, txMbytes: tx, rxMaxMbps: rxMax, txMaxMbps: txMax } = sample;
    if (!usable(rx) || !usable(tx) || !usable(rxMax) || !usable(txMax)) continue;
    const t = parseTimestamp(sample.timestamp);
    if (t === null) continue;
    if (n > 0) {
      const previous = time[n - 1]!;
      if (t < previous) ascending = false;
      if (t > previous) descending = false;
      if (t === previous) {
        // A later copy of the previous valid interval: it takes that slot.
        n--;
        duplicates++;
      }
    }
    time[n] = t;
    rxMbytes[n] = rx;
    txMbytes[n] = tx;
    rxMaxMbps[n] = rxMax;
    txMaxMbps[n] = txMax;
    n++;
  }
  const columns = {
    length: n,
    duplicates,
    time: time.subarray(0, n),
    rxMbytes: rxMbytes.subarray(0, n),
    txMbytes: txMbytes.subarray(0, n),
    rxMaxMbps: rxMaxMbps.subarray(0, n),
    txMaxMbps: txMaxMbps.subarray(0, n),
  };
  if (ascending) return columns;
  if (descending) {
    // Strictly descending ("newest first", equal times already merged): reversed where they lie.
    return {
      ...columns,
      time: reverseInPlace(columns.time),
      rxMbytes: reverseInPlace(columns.rxMbytes),
      txMbytes: reverseInPlace(columns.txMbytes),
      rxMaxMbps: reverseInPlace(columns.rxMaxMbps),
      txMaxMbps: reverseInPlace(columns.txMaxMbps),
    };
  }
  const order = lastOfEachTime(sortedOrder(columns.time), columns.time);
  return {
    length: order.length,
    duplicates: duplicates + n - order.length,
    time: reorder(columns.time, order),
    rxMbytes: reorder(columns.rxMbytes, order),
    txMbytes: reorder(columns.txMbytes, order),
    rxMaxMbps: reorder(columns.rxMaxMbps, order),
    txMaxMbps: reorder(columns.txMaxMbps, order),
  };
}
