import { lines, concat, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { plural } from '../plural';
import { formatDateTime } from '../time';
import { conditionLabel } from './conditions';
import { finish, resolveTimeZone, timeZoneNote, type RenderOptions } from './shared';

const labelOf = (condition: string) => conditionLabel(condition).short;

/** One watched location in {@link renderWatchList}. */
export interface WatchListItem {
  /** Names as the caller made them safe to show. */
  readonly locationName: string;
  readonly customerName?: string | null;
  /** Conditions switched off for this watch. */
  readonly conditionsOff?: readonly string[];
  /** Epoch ms until which this watch is muted, when it is. */
  readonly mutedUntil?: number | null;
  /** Conditions with an open incident now. */
  readonly openConditions?: readonly string[];
}

/** Options of {@link renderWatchList}. */
export interface WatchListOptions extends RenderOptions {
  /** The time mutes are compared with, epoch ms. @default Date.now() */
  readonly now?: number;
  /** The person's cap on watches, shown as "3 of 200". */
  readonly cap?: number;
  /**
   * Whose watches these are, when not the reader's own (a team member's name, made safe to show by
   * the caller): the heading names them, and the empty list gives no instructions.
   */
  readonly owner?: string;
}

/** Whether a watch is muted at `now` (one rule for the list and the team's overview). */
export const isMuted = (item: WatchListItem, now: number): item is WatchListItem & { readonly mutedUntil: number } =>
  item.mutedUntil != null && item.mutedUntil > now;

/**
 * A person's watched locations (/watches), numbered as the buttons under it are: each with its
 * customer, what is wrong now, a mute in force and the conditions switched off.
 *
 * @throws {RangeError} When the time zone is unknown.
 * @example
 * ```ts
 * renderWatchList([{ locationName: 'Flaky Flat', customerName: 'Fiona Flaky', openConditions: ['locationOffline'] }])[0].text;
 * // '👁 Watching 1 location\n\n1. Flaky Flat · Fiona Flaky\n   🔴 now: Offline\n\nTimes in UTC (UTC+00:00).'
 * ```
 */
export function renderWatchList(items: readonly WatchListItem[], options: WatchListOptions = {}): FormattedText[] {
  const zone = resolveTimeZone(options.timeZone);
  const now = options.now ?? Date.now();
  if (items.length === 0 && options.owner !== undefined)
    return finish([bold(`👁 ${options.owner} watches no location`)], options);
  if (items.length === 0)
    return finish(
      [
        bold('👁 You are not watching any location'),
        'Select one with /locations, then send /watch (or press 👁 Watch all locations under a customer’s list).',
      ],
      options,
    );
  const cap = options.cap === undefined ? '' : ` (of ${options.cap} allowed)`;
  const entries = items.map((item, index) => {
    const customer = item.customerName?.trim();
    const head = concat(
      `${index + 1}. `,
      bold(item.locationName.trim() || 'Unnamed location'),
      customer ? ` · ${customer}` : '',
    );
    const open = item.openConditions ?? [];
    const off = item.conditionsOff ?? [];
    return lines(
      head,
      ...(open.length > 0 ? [`   🔴 now: ${open.map(labelOf).join(', ')}`] : []),
      ...(isMuted(item, now) ? [`   🔕 muted until ${formatDateTime(item.mutedUntil, zone)}`] : []),
      ...(off.length > 0 ? [`   off: ${off.map(labelOf).join(', ')}`] : []),
    );
  });
  const anyTime = items.some((item) => isMuted(item, now));
  const heading =
    options.owner === undefined
      ? `👁 Watching ${plural(items.length, 'location')}${cap}`
      : `👁 ${options.owner} watches ${plural(items.length, 'location')}${cap}`;
  return finish([bold(heading), lines(...entries), anyTime ? italic(timeZoneNote(zone, now)) : null], options);
}
