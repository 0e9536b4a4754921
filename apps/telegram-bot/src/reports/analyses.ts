import {
  analyzeOnlineStats,
  analyzeWanStats,
  ONLINE_STATS_RANGES,
  type OnlineStatsAnalysis,
  type OnlineStatsOptions,
  type OnlineStatsRangeKey,
  type WanAnalysis,
  type WanAnalysisOptions,
} from '@org/plume-analytics';
import type { PlumeClient } from '@org/plume-sdk';
import type { LocationRef } from '../storage/user-state';

/**
 * Fetches the location's WAN consumption (the Reports API's one period, the last 24 hours in
 * 15-minute intervals) and analyses it: what the WAN report and the WAN charts are made from.
 * `options` go to `analyzeWanStats` (a chart's window and time zone).
 */
export async function fetchWanAnalysis(
  client: PlumeClient,
  target: LocationRef,
  signal?: AbortSignal,
  options?: WanAnalysisOptions,
): Promise<WanAnalysis> {
  const { fifteenMins } = await client.reports.wanStats(target.customerId, target.locationId, {
    period: 'daily',
    ...(signal && { signal }),
  });
  return analyzeWanStats(fifteenMins, options);
}

/**
 * Fetches the location's online state over the range `key` and analyses it: for the report and the
 * chart. `options` go to `analyzeOnlineStats` (the time zone whose days the chart's bars follow).
 */
export async function fetchOnlineAnalysis(
  key: OnlineStatsRangeKey,
  client: PlumeClient,
  target: LocationRef,
  signal?: AbortSignal,
  options?: OnlineStatsOptions,
): Promise<OnlineStatsAnalysis> {
  const { granularity, limit } = ONLINE_STATS_RANGES[key];
  const { locationState } = await client.reports.onlineStats(target.customerId, target.locationId, {
    granularity,
    limit,
    ...(signal && { signal }),
  });
  return analyzeOnlineStats(locationState, key, options);
}
