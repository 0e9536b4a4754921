import type { FormattedText } from '@org/bot-formatting';
import { renderOnlineChartCaption, renderWanChartCaption } from '@org/bot-formatting/plume';
import type { OnlineStatsAnalysis, WanAnalysis } from '@org/plume-analytics';
import type { PlumeClient } from '@org/plume-sdk';
import type { ChartView } from '../callback-data/actions';
import { fetchOnlineAnalysis, fetchWanAnalysis } from '../reports/analyses';
import type { LocationRef } from '../storage/user-state';

/** What a chart is drawn from: an analysis result, nothing raw. */
export type ChartSubject =
  | { readonly kind: 'wan'; readonly analysis: WanAnalysis }
  | { readonly kind: 'online'; readonly analysis: OnlineStatsAnalysis };

type Fetch = (client: PlumeClient, target: LocationRef, signal: AbortSignal) => Promise<ChartSubject>;

/** Each chart's fetch and analysis: the same as its report's. */
export const CHART_SUBJECTS: Readonly<Record<ChartView, Fetch>> = {
  wan: async (client, target, signal) => ({ kind: 'wan', analysis: await fetchWanAnalysis(client, target, signal) }),
  s3h: async (client, target, signal) => ({
    kind: 'online',
    analysis: await fetchOnlineAnalysis('3h', client, target, signal),
  }),
  s24h: async (client, target, signal) => ({
    kind: 'online',
    analysis: await fetchOnlineAnalysis('24h', client, target, signal),
  }),
  s7d: async (client, target, signal) => ({
    kind: 'online',
    analysis: await fetchOnlineAnalysis('7d', client, target, signal),
  }),
};

/** The last sample the analysis holds (ISO-8601), or `null` without data. */
export function endOfData(subject: ChartSubject): string | null {
  if (subject.kind === 'wan') return subject.analysis.coverage.lastSampleAt;
  return subject.analysis.hasData ? subject.analysis.lastSampleAt : null;
}

/** The caption under the chart: its headline numbers, at most 1,024 characters. */
export function chartCaption(subject: ChartSubject, target: LocationRef, timeZone: string): FormattedText {
  const options = { location: { id: target.locationId, name: target.name }, timeZone };
  return subject.kind === 'wan'
    ? renderWanChartCaption(subject.analysis, options)
    : renderOnlineChartCaption(subject.analysis, options);
}
