import { displayWidth } from './graphemes';
import type { FormattedText } from './rich-text';
import { pre } from './styles';

/** How a table column is aligned. */
export type ColumnAlign = 'left' | 'right';

/** Options of {@link formatTable} and {@link table}. */
export interface TableOptions {
  /** Column titles, shown as the first row and underlined with `─`. */
  readonly header?: readonly string[];
  /**
   * Alignment per column; numbers read best right-aligned.
   *
   * @default 'left' for every column
   */
  readonly align?: readonly ColumnAlign[];
  /**
   * Spaces between columns.
   *
   * @default 2
   */
  readonly gap?: number;
}

function pad(cell: string, width: number, align: ColumnAlign): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return align === 'right' ? fill + cell : cell + fill;
}

/**
 * Lays rows out as aligned monospace lines (no trailing spaces). Widths are measured in display
 * cells ({@link displayWidth}); emoji widths differ between fonts, so keep emoji out of every column
 * that must line up (the last column is safe). Rows may have fewer cells than others.
 *
 * @throws {RangeError} When `gap` is negative or not an integer.
 * @example
 * ```ts
 * formatTable([['Living room', '12'], ['Hall', '3']], { header: ['Pod', 'Devices'], align: ['left', 'right'] });
 * // 'Pod          Devices\n───────────  ───────\nLiving room       12\nHall               3'
 * ```
 */
export function formatTable(rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const gap = options.gap ?? 2;
  if (!Number.isInteger(gap) || gap < 0) throw new RangeError(`Table gap must be a non-negative integer, got ${gap}`);
  const all = options.header ? [options.header, ...rows] : rows;
  const columns = Math.max(0, ...all.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...all.map((row) => displayWidth(row[c] ?? ''))),
  );
  const align = (c: number): ColumnAlign => options.align?.[c] ?? 'left';
  const render = (row: readonly string[]) =>
    row
      .map((cell, c) => pad(cell, widths[c] ?? 0, align(c)))
      .join(' '.repeat(gap))
      .trimEnd();
  const out = rows.map(render);
  if (options.header) {
    const rule = widths
      .map((w) => '─'.repeat(w))
      .join(' '.repeat(gap))
      .trimEnd();
    out.unshift(render(options.header), rule);
  }
  return out.join('\n');
}

/**
 * A table as a `pre` block, so Telegram shows it in a monospace font and its columns line up.
 * See {@link formatTable} for the layout rules.
 *
 * @throws {RangeError} When `gap` is negative or not an integer.
 * @example
 * ```ts
 * const message = concat(bold('Pods'), '\n', table(rows, { header: ['Pod', 'State'] }));
 * ```
 */
export function table(rows: readonly (readonly string[])[], options: TableOptions = {}): FormattedText {
  return pre(formatTable(rows, options));
}
