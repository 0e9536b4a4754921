/**
 * What went wrong, as a stable discriminant:
 * - `EMPTY_INPUT`: a statistic was asked of an empty list;
 * - `INVALID_PERCENTILE`: `p` is not a number in (0, 100];
 * - `INVALID_VALUE`: a value that must be a number is not one (NaN, a non-number);
 * - `INVALID_OPTION`: an option is malformed (an unknown IANA time zone, a non-positive interval,
 *   an unknown range key).
 *
 * @example
 * ```ts
 * try {
 *   analyzeWanStats([], { timeZone: 'Mars/Olympus' });
 * } catch (error) {
 *   const code: AnalyticsErrorCode | null = isAnalyticsError(error) ? error.code : null; // 'INVALID_OPTION'
 * }
 * ```
 */
export type AnalyticsErrorCode = 'EMPTY_INPUT' | 'INVALID_PERCENTILE' | 'INVALID_VALUE' | 'INVALID_OPTION';

/**
 * The one error this library throws. It extends `RangeError` because every case is an argument
 * outside the domain the function is defined on; data that is merely odd (nulls, empty lists,
 * unsorted samples) never throws, it is reported in the result instead.
 *
 * @example
 * ```ts
 * try {
 *   percentile([], 95);
 * } catch (error) {
 *   if (isAnalyticsError(error)) console.log(error.code); // 'EMPTY_INPUT'
 * }
 * ```
 */
export class AnalyticsError extends RangeError {
  override name = 'AnalyticsError';

  /** The discriminant: which rule the argument broke. */
  readonly code: AnalyticsErrorCode;

  /**
   * @param code - the discriminant, see {@link AnalyticsErrorCode}
   * @param message - a prefixed, actionable message
   * @param options - `cause`, when another error triggered this one
   */
  constructor(code: AnalyticsErrorCode, message: string, options?: { cause?: unknown }) {
    super(`[@org/plume-analytics] ${message}`, options);
    this.code = code;
  }

  /** A brand that survives realms and bundling, used by {@link isAnalyticsError}. */
  get isAnalyticsError(): true {
    return true;
  }
}

/**
 * Tells whether a value is an {@link AnalyticsError}, also across realms or duplicated copies of
 * this package (it falls back to the `name` and the brand rather than `instanceof` alone).
 *
 * @example
 * ```ts
 * isAnalyticsError(new AnalyticsError('EMPTY_INPUT', 'no values')); // true
 * isAnalyticsError(new RangeError('x')); // false
 * ```
 */
export function isAnalyticsError(value: unknown): value is AnalyticsError {
  if (value instanceof AnalyticsError) return true;
  return (
    value instanceof Error &&
    value.name === 'AnalyticsError' &&
    (value as Partial<AnalyticsError>).isAnalyticsError === true
  );
}
