/** Options of {@link progressBar}. */
export interface ProgressBarOptions {
  /**
   * Number of cells.
   *
   * @default 10
   */
  readonly width?: number;
  /**
   * Character of a full cell.
   *
   * @default '█'
   */
  readonly full?: string;
  /**
   * Character of an empty cell.
   *
   * @default '░'
   */
  readonly empty?: string;
}

/**
 * A horizontal bar for a fraction between 0 and 1 (clamped). Full cells are rounded down, so a bar
 * is only completely full at 1: 99.8 % uptime never looks like 100 %.
 *
 * @throws {RangeError} When `fraction` is not a number (NaN) or `width` is not a positive integer.
 * @example
 * ```ts
 * progressBar(0.5, { width: 8 }); // '████░░░░'
 * progressBar(0.998, { width: 8 }); // '███████░'
 * ```
 */
export function progressBar(fraction: number, options: ProgressBarOptions = {}): string {
  const { width = 10, full = '█', empty = '░' } = options;
  if (Number.isNaN(fraction)) throw new RangeError('progressBar() needs a number between 0 and 1, got NaN');
  if (!Number.isInteger(width) || width < 1)
    throw new RangeError(`progressBar() width must be a positive integer, got ${width}`);
  const clamped = Math.min(1, Math.max(0, fraction));
  const cells = clamped === 1 ? width : Math.min(width - 1, Math.floor(clamped * width));
  return full.repeat(cells) + empty.repeat(width - cells);
}
