import type { OnlineStatsAnalysis, OnlineStatsWithData, UptimeLabel, UptimeTrend } from '@org/plume-analytics';
import { formatDuration } from '../duration';
import { plural } from '../plural';
import { progressBar } from '../progress';
import { concat, lines, type FormattedText } from '../rich-text';
import { bold, code } from '../styles';
import { table } from '../table';
import { formatDateTime } from '../time';
import { formatNumber, formatPercent } from '../units';
import { renderNoData } from './no-data';
import { finish, locationLine, resolveTimeZone, timeZoneNote, type LocationRef, type RenderOptions } from './shared';

/** Options of {@link renderOnlineStats}. */
export interface OnlineStatsOptions extends RenderOptions {
  /** The location the statistics belong to, shown under the title. */
  readonly location?: LocationRef | null;
}

/**
 * The emoji shown with an uptime label.
 *
 * @example
 * ```ts
 * UPTIME_LABEL_EMOJI.Fair; // '🟡'
 * ```
 */
export const UPTIME_LABEL_EMOJI: Readonly<Record<UptimeLabel, string>> = Object.freeze({
  Excellent: '✅',
  Good: '✅',
  Fair: '🟡',
  Poor: '🟠',
  Critical: '🔴',
});

const TREND: Readonly<Record<UptimeTrend, string>> = {
  improving: '↗️ improving',
  stable: '➡️ stable',
  declining: '↘️ declining',
};

function signed(points: number): string {
  const text = formatNumber(points, 1);
  return points > 0 && text !== '0.0' ? `+${text}` : text;
}

function incidentsLine(stats: OnlineStatsWithData, timeZone: string): FormattedText {
  const outage = stats.longestOutage;
  const facts = [plural(stats.incidents, 'incident')];
  if (outage)
    facts.push(
      `longest outage ${formatDuration(outage.durationMs)} from ${formatDateTime(outage.startedAt, timeZone)}`,
    );
  if (stats.downtimeMs > 0) facts.push(`downtime ${formatDuration(stats.downtimeMs)}`);
  return concat(bold('🔔 Incidents: '), facts.join(' · '));
}

function breakdown(stats: OnlineStatsWithData): FormattedText {
  const { online, intermittent, offline, unknown } = stats.counts;
  const total = online + intermittent + offline + unknown;
  const share = (count: number) => formatPercent(total === 0 ? 0 : (count / total) * 100);
  const rows = [
    ['Online', formatNumber(online), share(online)],
    ['Intermittent', formatNumber(intermittent), share(intermittent)],
    ['Offline', formatNumber(offline), share(offline)],
  ];
  if (unknown > 0) rows.push(['Unknown', formatNumber(unknown), share(unknown)]);
  return table(rows, { header: ['State', 'Samples', 'Share'], align: ['left', 'right', 'right'] });
}

function samplesLine(stats: OnlineStatsWithData, timeZone: string): string {
  const skipped =
    stats.skippedSamples > 0 ? `; ${plural(stats.skippedSamples, 'sample')} skipped (no valid timestamp)` : '';
  const duplicates =
    stats.duplicateSamples > 0 ? `; ${plural(stats.duplicateSamples, 'duplicate sample')} ignored` : '';
  return (
    `${plural(stats.totalSamples, 'sample')} from ${formatDateTime(stats.firstSampleAt, timeZone)} to ` +
    `${formatDateTime(stats.lastSampleAt, timeZone)}, one per ${formatDuration(stats.sampleIntervalMs)}${skipped}${duplicates}.`
  );
}

/**
 * Renders online-time statistics (`analyzeOnlineStats` of `@org/plume-analytics`): uptime with a
 * progress bar and its label, the trend, incidents with the longest outage and total downtime, and
 * an aligned breakdown per state (a monospace table, unlike the earlier bot's box art). An analysis
 * without data renders as {@link renderNoData}, never as 0 % "Critical".
 *
 * @param analysis The analysis result; its range label (e.g. `Last 7 Days`) titles the report.
 * @returns The message, already split to `limit`.
 * @throws {RangeError} When `timeZone` is unknown or `limit` is invalid.
 * @example
 * ```ts
 * const stats = analyzeOnlineStats(response.locationState, '7d');
 * const parts = renderOnlineStats(stats, { location, timeZone: 'Europe/Berlin' });
 * ```
 */
export function renderOnlineStats(analysis: OnlineStatsAnalysis, options: OnlineStatsOptions = {}): FormattedText[] {
  const timeZone = resolveTimeZone(options.timeZone);
  if (!analysis.hasData) {
    return renderNoData(`online time, ${analysis.range.label}`, {
      ...options,
      detail:
        analysis.totalSamples === 0
          ? 'Plume Cloud sent no online-state samples for this range.'
          : `None of the ${plural(analysis.totalSamples, 'sample')} Plume Cloud sent had a known state and time.`,
      hint: 'Try a longer range.',
    });
  }
  const title = lines(
    bold(`📶 Online time · ${analysis.range.label}`),
    ...(options.location ? [locationLine(options.location)] : []),
  );
  const uptime = lines(
    bold(`${UPTIME_LABEL_EMOJI[analysis.label]} ${formatPercent(analysis.uptimePercent)} online · ${analysis.label}`),
    code(progressBar(analysis.uptimePercent / 100)),
    concat(bold('Trend: '), `${TREND[analysis.trend]} (${signed(analysis.trendDeltaPoints)} points)`),
    incidentsLine(analysis, timeZone),
  );
  return finish(
    [
      title,
      uptime,
      lines(breakdown(analysis), samplesLine(analysis, timeZone)),
      timeZoneNote(timeZone, analysis.lastSampleAt),
    ],
    options,
  );
}
