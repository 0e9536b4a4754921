import { lines, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { finish, locationLine, type LocationRef, type RenderOptions } from './shared';

/** Options of {@link renderNoData}. */
export interface NoDataOptions extends RenderOptions {
  /** The location the report is about. */
  readonly location?: LocationRef | null;
  /**
   * What is missing, in one sentence.
   *
   * @default 'Plume Cloud returned no data for this period.'
   */
  readonly detail?: string;
  /** What the user can do about it, shown in italics. */
  readonly hint?: string;
}

/**
 * A plain "no data" report, used instead of a report full of zeros when an analysis has nothing to
 * say (the earlier bot showed 0 % "Critical" and all-zero WAN tables).
 *
 * @param subject What the report would have been about, e.g. `WAN consumption`.
 * @returns The message, already split to `limit`.
 * @throws {RangeError} When `limit` is invalid.
 * @example
 * ```ts
 * renderNoData('WAN consumption', { location: { name: 'Home' }, hint: 'Try again in an hour.' });
 * // '⚪ No data: WAN consumption\n🏠 Home\nPlume Cloud returned no data for this period.\nTry again in an hour.'
 * ```
 */
export function renderNoData(subject: string, options: NoDataOptions = {}): FormattedText[] {
  const body = [
    bold(`⚪ No data: ${subject}`),
    ...(options.location ? [locationLine(options.location)] : []),
    options.detail ?? 'Plume Cloud returned no data for this period.',
    ...(options.hint ? [italic(options.hint)] : []),
  ];
  return finish([lines(...body)], options);
}
