import type { FormattedText } from '@org/bot-formatting';
import { renderOnlineChartCaption, renderWanChartCaption } from '@org/bot-formatting/plume';
import type { OnlineStatsAnalysis, OnlineStatsRangeKey, WanAnalysis } from '@org/plume-analytics';
import type { PlumeClient } from '@org/plume-sdk';
import type { ChartView } from '../callback-data/actions';
import { fetchOnlineAnalysis, fetchWanAnalysis } from '../reports/analyses';
import type { LocationRef } from '../storage/user-state';

/** What a chart is drawn from: an analysis result, nothing raw. */
export type ChartSubject =
  | { readonly kind: 'wan'; readonly analysis: WanAnalysis }
  | { readonly kind: 'online'; readonly analysis: OnlineStatsAnalysis };

type Fetch = (client: PlumeClient, target: LocationRef, signal: AbortSignal, timeZone: string) => Promise<ChartSubject>;

/**
 * A WAN chart over the newest `windowHours` of the one period Plume reports WAN for (the last 24
 * hours): the analysis decides which samples fall in the window.
 */
const wan =
  (windowHours: number): Fetch =>
  async (client, target, signal, timeZone) => ({
    kind: 'wan',
    analysis: await fetchWanAnalysis(client, target, signal, { windowHours, timeZone }),
  });

/** An online-time chart over the range `key`, its days in `timeZone`. */
const online =
  (key: OnlineStatsRangeKey): Fetch =>
  async (client, target, signal, timeZone) => ({
    kind: 'online',
    analysis: await fetchOnlineAnalysis(key, client, target, signal, { timeZone }),
  });

/** Each chart's fetch and analysis: its report's, over the chart's range and in the person's time zone. */
export const CHART_SUBJECTS: Readonly<Record<ChartView, Fetch>> = {
  wan: wan(24),
  w3h: wan(3),
  s3h: online('3h'),
  s24h: online('24h'),
  s7d: online('7d'),
};

/** The last sample the analysis holds (ISO-8601), or `null` without data. */
export function endOfData(subject: ChartSubject): string | null {
  if (subject.kind === 'wan') return subject.analysis.coverage.lastSampleAt;
  return subject.analysis.hasData ? subject.analysis.lastSampleAt : null;
}

/** The caption under the chart: its headline numbers, at most 1,024 characters, times in `timeZone`. */
export function chartCaption(subject: ChartSubject, target: LocationRef, timeZone: string): FormattedText {
  const options = { location: { id: target.locationId, name: target.name }, timeZone };
  return subject.kind === 'wan'
    ? renderWanChartCaption(subject.analysis, options)
    : renderOnlineChartCaption(subject.analysis, options);
}
