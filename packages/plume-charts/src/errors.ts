/**
 * What went wrong in `@org/plume-charts`:
 * - `INVALID_OPTION`: an option is out of range (the message names it and says what fits);
 * - `INVALID_ANALYSIS`: the analysis passed in is not a `@org/plume-analytics` result;
 * - `RENDER_FAILED`: Vega or resvg failed on a specification (a bug here: please report it).
 *
 * @example
 * ```ts
 * const code: ChartsErrorCode = 'INVALID_OPTION';
 * ```
 */
export type ChartsErrorCode = 'INVALID_OPTION' | 'INVALID_ANALYSIS' | 'RENDER_FAILED';

/**
 * The one error class of `@org/plume-charts`; `code` tells the cases apart and `cause` holds the
 * underlying error, if any. No data is not an error: it is a `{ kind: 'no-data' }` result.
 *
 * @example
 * ```ts
 * try {
 *   wanChartSpec(analysis, { width: 10 });
 * } catch (error) {
 *   if (isChartsError(error) && error.code === 'INVALID_OPTION') console.error(error.message);
 * }
 * ```
 */
export class ChartsError extends Error {
  override readonly name = 'ChartsError';
  readonly code: ChartsErrorCode;

  /**
   * @param code - the case, see {@link ChartsErrorCode}
   * @param message - what to fix
   * @param options - `cause`, the underlying error
   */
  constructor(code: ChartsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Brand checked by {@link isChartsError}, so the check works across realms and copies. */
  get isChartsError(): true {
    return true;
  }
}

/**
 * Tells whether a value is a {@link ChartsError}, also one from another copy of the package.
 *
 * @example
 * ```ts
 * isChartsError(new ChartsError('INVALID_OPTION', 'width must be 200–4000')); // true
 * isChartsError(new Error('x')); // false
 * ```
 */
export function isChartsError(value: unknown): value is ChartsError {
  if (value instanceof ChartsError) return true;
  return (
    value instanceof Error &&
    value.name === 'ChartsError' &&
    (value as { isChartsError?: unknown }).isChartsError === true &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
