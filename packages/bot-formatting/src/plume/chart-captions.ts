import type { OnlineStatsAnalysis, WanAnalysis } from '@org/plume-analytics';
import { formatDuration } from '../duration';
import { graphemes } from '../graphemes';
import { plural } from '../plural';
import { concat, lines, type FormattedText } from '../rich-text';
import { CAPTION_LIMIT } from '../split';
import { bold } from '../styles';
import { formatDateTime } from '../time';
import { formatMbps, formatPercent, formatVolume } from '../units';
import { UPTIME_LABEL_EMOJI } from './online';
import { finish, locationLine, resolveTimeZone, timeZoneNote, type LocationRef } from './shared';
import { wanPeriod } from './wan-period';

/** Options of {@link renderWanChartCaption} and {@link renderOnlineChartCaption}. */
export interface ChartCaptionOptions {
  /** The location the chart shows, named under the title (a long name is shortened). */
  readonly location?: LocationRef | null;
  /**
   * IANA time zone of the times in the caption; use the chart's.
   *
   * @default the WAN analysis' zone; 'UTC' for online time
   */
  readonly timeZone?: string;
}

/** Longest location name a caption shows, in graphemes: a caption holds 1,024 characters in all. */
const NAME_GRAPHEMES = 60;

function shortLocation(location: LocationRef | null | undefined): FormattedText[] {
  if (!location) return [];
  const name = graphemes(location.name?.trim() ?? '');
  const shortened = name.length > NAME_GRAPHEMES ? `${name.slice(0, NAME_GRAPHEMES - 1).join('')}…` : location.name;
  return [locationLine({ ...location, name: shortened ?? null })];
}

/** One caption, at most {@link CAPTION_LIMIT} long: the sections are short, so this cuts nothing in practice. */
function caption(sections: readonly (FormattedText | string | null)[]): FormattedText {
  const [first] = finish(sections, { limit: CAPTION_LIMIT });
  return first ?? concat('');
}

/**
 * The caption of a WAN chart: its headline numbers (period, download and upload peaks with their
 * times and 95th percentiles, volumes, data coverage) from the same analysis the chart was drawn
 * from, at most 1,024 characters (Telegram's caption limit). The full report stays the text one
 * (`renderWanReport`); an analysis without data gives a one-line "no data" caption.
 *
 * @param analysis `analyzeWanStats` of `@org/plume-analytics`.
 * @throws {RangeError} When `timeZone` is unknown.
 * @example
 * ```ts
 * const caption = renderWanChartCaption(analyzeWanStats(fifteenMins), { location: { name: 'Home' } });
 * // '📊 WAN consumption\n🏠 Home\n2024-12-04 00:00 → 2024-12-05 00:00 (24 h)\n↓ Download: peak 240.0 Mbps at 18:45 · 95th percentile 23.0 Mbps\n…'
 * ```
 */
export function renderWanChartCaption(analysis: WanAnalysis, options: ChartCaptionOptions = {}): FormattedText {
  const timeZone = resolveTimeZone(options.timeZone, analysis.timeZone);
  const title = [bold('📊 WAN consumption'), ...shortLocation(options.location)];
  if (!analysis.hasData) return caption([lines(...title, 'No usable WAN samples: nothing to chart.')]);
  const { coverage, rx, tx } = analysis;
  const period = wanPeriod(analysis, timeZone);
  const direction = (name: string, stats: typeof rx) =>
    concat(
      bold(name),
      `: peak ${formatMbps(stats.peak.mbps)} at ${period.at(stats.peak.at)} · 95th percentile ${formatMbps(stats.p95Mbps)}`,
    );
  const gaps = coverage.gaps.length;
  return caption([
    lines(...title, period.line),
    lines(
      direction('↓ Download', rx),
      direction('↑ Upload', tx),
      `💾 ↓ ${formatVolume(rx.totalMbytes)} · ↑ ${formatVolume(tx.totalMbytes)}`,
      `📁 ${formatPercent(coverage.validPercent)} of samples valid${gaps > 0 ? `, ${plural(gaps, 'gap')}` : ''}${
        coverage.belowQualityThreshold ? ': check the connection' : ''
      }`,
    ),
    timeZoneNote(timeZone, coverage.lastSampleAt as string),
  ]);
}

/**
 * The caption of an online-time chart: range, uptime with its label, incidents, the longest outage
 * and downtime, from the same analysis the chart was drawn from, at most 1,024 characters. An
 * analysis without data gives a one-line "no data" caption.
 *
 * @param analysis `analyzeOnlineStats` of `@org/plume-analytics`.
 * @throws {RangeError} When `timeZone` is unknown.
 * @example
 * ```ts
 * const caption = renderOnlineChartCaption(analyzeOnlineStats(locationState, '24h'), { location });
 * // '📶 Online time · Last 24 Hours\n🏠 Home\n✅ 99.9% online · Excellent\n🔔 1 incident · longest outage 15 min from …'
 * ```
 */
export function renderOnlineChartCaption(
  analysis: OnlineStatsAnalysis,
  options: ChartCaptionOptions = {},
): FormattedText {
  const timeZone = resolveTimeZone(options.timeZone);
  const title = [bold(`📶 Online time · ${analysis.range.label}`), ...shortLocation(options.location)];
  if (!analysis.hasData) return caption([lines(...title, 'No usable online-state samples: nothing to chart.')]);
  const outage = analysis.longestOutage;
  const incidents = [
    plural(analysis.incidents, 'incident'),
    ...(outage
      ? [`longest outage ${formatDuration(outage.durationMs)} from ${formatDateTime(outage.startedAt, timeZone)}`]
      : []),
    ...(analysis.downtimeMs > 0 ? [`downtime ${formatDuration(analysis.downtimeMs)}`] : []),
  ];
  return caption([
    lines(...title),
    lines(
      bold(`${UPTIME_LABEL_EMOJI[analysis.label]} ${formatPercent(analysis.uptimePercent)} online · ${analysis.label}`),
      `🔔 ${incidents.join(' · ')}`,
    ),
    timeZoneNote(timeZone, analysis.lastSampleAt),
  ]);
}
