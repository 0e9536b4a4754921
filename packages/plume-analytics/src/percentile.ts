import { AnalyticsError } from './errors';
import { nearestRank, selectInPlace } from './select';

/**
 * The p-th percentile of `values` by the **nearest-rank** definition: the ⌈p·n/100⌉-th smallest
 * value (1-based), always one of the inputs, never interpolated. This is the definition of
 * burstable (95th percentile) billing: sort, drop the top 5 %, take the largest left. For p = 95
 * and n = 96 it is the 92nd smallest; for n = 20 the 19th (not the maximum).
 *
 * It selects on a copy (Floyd–Rivest, average O(n)) instead of sorting (O(n log n)); the input is
 * never mutated. Infinities are ordered like any number.
 *
 * @param values - the data, in any order (an array or any array-like, e.g. a `Float64Array`)
 * @param p - the percentile, in (0, 100]; fractional values are allowed (`p·n/100` is computed in
 *   that order, so integer p is exact)
 * @returns the nearest-rank percentile
 * @throws {@link AnalyticsError} `EMPTY_INPUT` when `values` is empty; `INVALID_PERCENTILE` when
 *   `p` is not a number in (0, 100]; `INVALID_VALUE` when a value is not a number or is NaN.
 *
 * @example
 * ```ts
 * percentile([15, 20, 35, 40, 50], 30); // 20  (rank ⌈0.3 × 5⌉ = 2)
 * percentile([15, 20, 35, 40, 50], 100); // 50
 * ```
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (typeof p !== 'number' || !(p > 0 && p <= 100)) {
    throw new AnalyticsError('INVALID_PERCENTILE', `percentile: p must be a number in (0, 100], got ${String(p)}.`);
  }
  const n = values.length;
  if (n === 0) {
    throw new AnalyticsError('EMPTY_INPUT', 'percentile: values is empty; pass at least one number.');
  }
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new AnalyticsError('INVALID_VALUE', `percentile: values[${i}] is ${String(value)}, not a number.`);
    }
    copy[i] = value;
  }
  return selectInPlace(copy, nearestRank(n, p) - 1);
}
