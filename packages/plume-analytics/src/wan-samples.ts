// Internal: turns `fifteenMins` items into time-ordered columns of valid samples.
import type { WanSampleInput } from './wan-types';
import { parseTimestamp } from './time';

/** Valid samples as parallel columns, ascending by time (ties keep input order). */
export interface WanColumns {
  readonly length: number;
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

/** Indices of a descending ("newest first") column in ascending order, ties in input order. O(n). */
function reversedOrder(time: Float64Array): number[] {
  const order: number[] = [];
  let end = time.length;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && time[start - 1] === time[end - 1]) start--;
    for (let i = start; i < end; i++) order.push(i);
    end = start;
  }
  return order;
}

/** Indices of any column in ascending order, ties in input order. O(n log n). */
function sortedOrder(time: Float64Array): number[] {
  return Array.from({ length: time.length }, (_, i) => i).sort((a, b) => time[a]! - time[b]! || a - b);
}

/**
 * Keeps the samples with a parseable timestamp and all four numbers finite and ≥ 0, in time order.
 * Input already ascending (the common case) or descending ("newest first") costs O(n); anything
 * else is sorted by index, O(n log n).
 */
export function collectValidSamples(samples: readonly (WanSampleInput | null | undefined)[]): WanColumns {
  const total = samples.length;
  const time = new Float64Array(total);
  const rxMbytes = new Float64Array(total);
  const txMbytes = new Float64Array(total);
  const rxMaxMbps = new Float64Array(total);
  const txMaxMbps = new Float64Array(total);
  let n = 0;
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
    time: time.subarray(0, n),
    rxMbytes: rxMbytes.subarray(0, n),
    txMbytes: txMbytes.subarray(0, n),
    rxMaxMbps: rxMaxMbps.subarray(0, n),
    txMaxMbps: txMaxMbps.subarray(0, n),
  };
  if (ascending) return columns;
  const order = descending ? reversedOrder(columns.time) : sortedOrder(columns.time);
  return {
    length: n,
    time: reorder(columns.time, order),
    rxMbytes: reorder(columns.rxMbytes, order),
    txMbytes: reorder(columns.txMbytes, order),
    rxMaxMbps: reorder(columns.rxMaxMbps, order),
    txMaxMbps: reorder(columns.txMaxMbps, order),
  };
}
