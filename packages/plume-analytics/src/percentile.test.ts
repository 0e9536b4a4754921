import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AnalyticsError, isAnalyticsError } from './errors';
import { percentile } from './percentile';
import { deepFreeze } from './test-support';

/** The definition, by sorting: the ⌈p·n/100⌉-th smallest (1-based), rank kept within [1, n]. */
function byFullSort(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p * sorted.length) / 100)));
  return sorted[rank - 1]!;
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('percentile', () => {
  it('takes the nearest rank of the worked textbook example', () => {
    const values = deepFreeze([15, 20, 35, 40, 50]);
    // n = 5. p = 5: ⌈0.25⌉ = 1 → 15; p = 30: ⌈1.5⌉ = 2 → 20; p = 40: ⌈2⌉ = 2 → 20;
    // p = 50: ⌈2.5⌉ = 3 → 35; p = 100: ⌈5⌉ = 5 → 50.
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
  });

  it('gives the 92nd smallest of 96 values as the 95th percentile, as burstable billing does', () => {
    // 1..96 shuffled deterministically; ⌈0.95 × 96⌉ = ⌈91.2⌉ = 92 → the value 92.
    const values = deepFreeze(Array.from({ length: 96 }, (_, i) => ((i * 37) % 96) + 1));
    expect(percentile(values, 95)).toBe(92);
  });

  it('does not return the maximum for the 95th percentile of 20 values', () => {
    // ⌈0.95 × 20⌉ = 19 → the 19th smallest of 1..20 is 19 (floor indexing would give 20).
    const values = deepFreeze(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(percentile(values, 95)).toBe(19);
  });

  it('computes the rank exactly for integer p, where 0.07 × 100 would round up', () => {
    // p = 7, n = 100: 7 × 100 / 100 = 7 exactly → 7th smallest (0.07 × 100 = 7.000000000000001 → 8).
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 7)).toBe(7);
  });

  it('accepts a typed array and leaves every input unchanged', () => {
    const typed = Float64Array.from([9, 1, 5, 3]);
    expect(percentile(typed, 50)).toBe(3); // ⌈2⌉ = 2 → second smallest, 3
    expect(Array.from(typed)).toEqual([9, 1, 5, 3]);
  });

  it('orders infinities like any number', () => {
    expect(percentile([Infinity, 1, -Infinity], 100)).toBe(Infinity);
    expect(percentile([Infinity, 1, -Infinity], 1)).toBe(-Infinity);
  });

  it('throws EMPTY_INPUT for an empty list', () => {
    const error = thrown(() => percentile([], 50));
    expect(error).toBeInstanceOf(AnalyticsError);
    expect(error).toBeInstanceOf(RangeError);
    expect(isAnalyticsError(error) && error.code).toBe('EMPTY_INPUT');
  });

  it.each([0, -1, 100.5, Number.NaN, Infinity])('throws INVALID_PERCENTILE for p = %p', (p) => {
    const error = thrown(() => percentile([1, 2, 3], p));
    expect(isAnalyticsError(error) && error.code).toBe('INVALID_PERCENTILE');
  });

  it('throws INVALID_VALUE for a NaN among the values', () => {
    const error = thrown(() => percentile([1, Number.NaN, 3], 50));
    expect(isAnalyticsError(error) && error.code).toBe('INVALID_VALUE');
  });

  it('equals the sort-based definition for any values and integer p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const frozen = deepFreeze([...values]);
          // == rather than Object.is: -0 and 0 are the same value here.
          expect(percentile(frozen, p) === byFullSort(values, p)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the sort-based definition on lists long enough for the sampling step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 601, maxLength: 4000 }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (values, p) => {
          expect(percentile(values, p)).toBe(byFullSort(values, p));
        },
      ),
      { numRuns: 40 },
    );
  });
});
