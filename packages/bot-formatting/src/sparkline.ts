const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Options of {@link sparkline}. */
export interface SparklineOptions {
  /**
   * The value drawn as the lowest bar `▁`.
   *
   * @default the smallest value
   */
  readonly min?: number;
  /**
   * The value drawn as the highest bar `█`.
   *
   * @default the largest value
   */
  readonly max?: number;
  /**
   * Character for a missing value (`null`, `undefined` or NaN).
   *
   * @default ' '
   */
  readonly missing?: string;
}

/**
 * A one-line chart of values with the eight bars `▁▂▃▄▅▆▇█`, one character per value. Values are
 * scaled linearly between `min` and `max` and clamped to them; when all values are equal every bar
 * is `▁`. Missing values show as `missing`.
 *
 * @example
 * ```ts
 * sparkline([0, 1, 2, 3, 4, 5, 6, 7]); // '▁▂▃▄▅▆▇█'
 * sparkline([0, null, 10], { missing: '·' }); // '▁·█'
 * ```
 */
export function sparkline(values: readonly (number | null | undefined)[], options: SparklineOptions = {}): string {
  const present = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  const min = options.min ?? Math.min(...present);
  const max = options.max ?? Math.max(...present);
  const missing = options.missing ?? ' ';
  const range = max - min;
  return values
    .map((value) => {
      if (typeof value !== 'number' || Number.isNaN(value)) return missing;
      if (!(range > 0)) return BARS[0];
      const level = Math.round(((Math.min(max, Math.max(min, value)) - min) / range) * (BARS.length - 1));
      return BARS[level] ?? BARS[0];
    })
    .join('');
}
