import { intervalStartOf } from '../monitoring/due-checks';

/** One of a customer's check intervals and the checks (calls) that fell in it. */
export interface IntervalCount {
  /** Epoch ms of the interval's start (the customer's phase). */
  start: number;
  count: number;
}

/**
 * The customer `key`'s intervals lying wholly between `from` and `to`, aligned as the monitor
 * aligns them ({@link intervalStartOf}), each with how many of `times` fell in it. Aligned windows,
 * not rounding from the first call: a late check and an on-time one in the next interval are two
 * intervals, each checked once.
 * @example checksPerInterval(times, `${cloud}\n${customerId}`, 10_000, settled, Date.now()) // [{ start, count: 1 }, …]
 */
export function checksPerInterval(
  times: readonly number[],
  key: string,
  intervalMs: number,
  from: number,
  to: number,
): IntervalCount[] {
  const windows: IntervalCount[] = [];
  let start = intervalStartOf(key, from, intervalMs);
  if (start < from) start += intervalMs;
  for (; start + intervalMs <= to; start += intervalMs) {
    windows.push({ start, count: times.filter((t) => t >= start && t < start + intervalMs).length });
  }
  return windows;
}
