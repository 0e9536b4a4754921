import type { BusyHour, WanAnalysis, WanAnalysisWithData, WanHourlyPeaks, WanPeak } from '@org/plume-analytics';
import { formatDuration } from '../duration';
import { plural } from '../plural';
import { concat, lines, type FormattedText } from '../rich-text';
import { sparkline } from '../sparkline';
import { bold, code } from '../styles';
import { table } from '../table';
import { formatTime } from '../time';
import { formatMbps, formatNumber, formatPercent, formatVolume } from '../units';
import { renderNoData } from './no-data';
import { wanPeriod } from './wan-period';
import { finish, locationLine, resolveTimeZone, timeZoneNote, type LocationRef, type RenderOptions } from './shared';

/** Options of {@link renderWanReport}. */
export interface WanReportOptions extends RenderOptions {
  /** The location the data belongs to, shown under the title. */
  readonly location?: LocationRef | null;
}

function rateTable(analysis: WanAnalysisWithData): FormattedText {
  const { rx, tx } = analysis;
  const n = (value: number) => formatNumber(value, 1);
  return table(
    [
      ['Peak', n(rx.peak.mbps), n(tx.peak.mbps)],
      ['95th percentile', n(rx.p95Mbps), n(tx.p95Mbps)],
      ['Mean peak', n(rx.meanPeakMbps), n(tx.meanPeakMbps)],
      ['Average throughput', n(rx.averageThroughputMbps), n(tx.averageThroughputMbps)],
    ],
    { header: ['Mbps', 'Download', 'Upload'], align: ['left', 'right', 'right'] },
  );
}

function utilisationTable(analysis: WanAnalysisWithData): FormattedText | null {
  const use = analysis.utilisation;
  if (!use || (!use.rx && !use.tx)) return null;
  const cell = (value: number | undefined) => (value === undefined ? 'n/a' : formatPercent(value));
  return lines(
    bold('📏 Share of the line speed'),
    table(
      [
        [
          'Line speed (Mbps)',
          use.rx ? formatNumber(use.rx.planMbps, 1) : 'n/a',
          use.tx ? formatNumber(use.tx.planMbps, 1) : 'n/a',
        ],
        ['Peak', cell(use.rx?.peakPercent), cell(use.tx?.peakPercent)],
        ['95th percentile', cell(use.rx?.p95Percent), cell(use.tx?.p95Percent)],
        ['Average throughput', cell(use.rx?.averagePercent), cell(use.tx?.averagePercent)],
      ],
      { header: ['', 'Download', 'Upload'], align: ['left', 'right', 'right'] },
    ),
  );
}

function busyHourLine(hour: BusyHour): string {
  const range = `${String(hour.hour).padStart(2, '0')}:00–${String((hour.hour + 1) % 24).padStart(2, '0')}:00`;
  return `• ${range} ${hour.level}: mean download peak ${formatMbps(hour.meanRxPeakMbps)}, ${formatNumber(hour.ratioToMean, 1)}× the mean`;
}

function sparklineSection(hourly: WanHourlyPeaks, timeZone: string): FormattedText {
  return lines(
    bold('📈 Download peak per hour, last 24 hours'),
    code(sparkline(hourly.peaks, { min: 0, missing: '·' })),
    `${formatTime(hourly.startAt, timeZone)} → ${formatTime(hourly.endAt, timeZone)}, highest ${formatMbps(hourly.highestMbps)}${
      hourly.missingHours > 0 ? '; · no data' : ''
    }`,
  );
}

/**
 * Renders a WAN consumption analysis (`analyzeWanStats` of `@org/plume-analytics`): the period
 * covered, download and upload peaks at their local times, a rate table (peak, 95th percentile,
 * mean peak, average throughput; Mbps stated once in its header), line utilisation when the
 * analysis has it, data volumes (decimal units, stated once), busy hours, a 24-hour sparkline of the
 * analysis' hourly download peaks, and data coverage with duplicates ignored, gaps and the
 * analysis' quality verdict. An analysis without data renders as
 * {@link renderNoData} instead of a table of zeros.
 *
 * @param analysis The analysis result.
 * @returns The message, already split to `limit`.
 * @throws {RangeError} When `timeZone` is unknown or `limit` is invalid.
 * @example
 * ```ts
 * const analysis = analyzeWanStats(response.fifteenMins, { timeZone: 'Europe/Berlin' });
 * const parts = renderWanReport(analysis, { location });
 * ```
 */
export function renderWanReport(analysis: WanAnalysis, options: WanReportOptions = {}): FormattedText[] {
  const timeZone = resolveTimeZone(options.timeZone, analysis.timeZone);
  const coverage = analysis.coverage;
  if (!analysis.hasData) {
    const detail =
      coverage.totalSamples === 0
        ? 'Plume Cloud sent no WAN samples for this period.'
        : `None of the ${plural(coverage.totalSamples, 'sample')} Plume Cloud sent was usable.`;
    return renderNoData('WAN consumption', {
      ...options,
      detail,
      hint: 'Try again later; new data arrives every 15 minutes.',
    });
  }
  const last = coverage.lastSampleAt as string;
  const period = wanPeriod(analysis, timeZone);
  const at = (peak: WanPeak) => period.at(peak.at);

  const title = lines(
    bold('📊 WAN consumption'),
    ...(options.location ? [locationLine(options.location)] : []),
    period.line,
  );
  const peaks = lines(
    concat(bold('🔝 Peak download: '), `${formatMbps(analysis.rx.peak.mbps)} at ${at(analysis.rx.peak)}`),
    concat(bold('🔝 Peak upload: '), `${formatMbps(analysis.tx.peak.mbps)} at ${at(analysis.tx.peak)}`),
  );
  const volumes = concat(
    bold('💾 Transferred: '),
    `↓ ${formatVolume(analysis.rx.totalMbytes)} · ↑ ${formatVolume(analysis.tx.totalMbytes)} (decimal units: 1 GB = 1000 MB)`,
  );
  const busy =
    analysis.busyHours.length === 0
      ? null
      : lines(bold(`⏰ Busy hours (${analysis.timeZone})`), ...analysis.busyHours.map(busyHourLine));
  const gaps = coverage.gaps;
  const longestGap = gaps.reduce((longest, gap) => Math.max(longest, gap.durationMs), 0);
  const quality = concat(
    bold('📁 Data: '),
    `${formatNumber(coverage.validSamples)} of ${plural(coverage.totalSamples, 'sample')} valid (${formatPercent(coverage.validPercent)})`,
    coverage.duplicateSamples > 0 ? `; ${plural(coverage.duplicateSamples, 'duplicate sample')} ignored` : '',
    gaps.length > 0 ? `; ${plural(gaps.length, 'gap')}, longest ${formatDuration(longestGap)}` : '; no gaps',
    coverage.belowQualityThreshold ? '. Below 80%: check the connection.' : '',
  );
  return finish(
    [
      title,
      peaks,
      rateTable(analysis),
      utilisationTable(analysis),
      volumes,
      busy,
      sparklineSection(analysis.hourlyRxPeaks, timeZone),
      quality,
      timeZoneNote(timeZone, last),
    ],
    options,
  );
}
