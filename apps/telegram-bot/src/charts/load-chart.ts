import type { ChartView } from '../callback-data/actions';
import type { BotContext } from '../context';
import { takeTurn } from '../plume/take-turn';
import type { Credentials, LocationRef } from '../storage/user-state';
import type { CachedChart, ChartCache } from './chart-cache';
import type { ChartRenderer } from './chart-renderer';
import { CHART_SUBJECTS, chartCaption, endOfData } from './chart-subject';

/** What the chart handlers use; passed in with the bot's services. */
export interface ChartServices {
  /** Rendered charts for a few minutes, per location and view. */
  cache: ChartCache;
  /** Draws the charts (in a worker thread). */
  renderer: ChartRenderer;
}

/**
 * The cache key of a chart: the cloud, the customer and location, the view (which holds the range)
 * and the time zone its axis, day bars and caption are drawn in.
 */
export function chartKey(credentials: Credentials, target: LocationRef, view: ChartView, timeZone: string): string {
  return [credentials.apiBase ?? '', target.customerId, target.locationId, view, timeZone].join('|');
}

/**
 * The chart `view` of `target`, in `timeZone` (the person's, from /settings). Fresh in the cache:
 * no Plume call and no drawing. Otherwise fetched in this person's turn of the credential's queue
 * (like any report) and analysed; drawn only when the data ends somewhere else than the cached
 * picture's.
 *
 * @throws what fetching throws (the SDK's errors, QueueBusyError), as a report would.
 * @example
 * const chart = await loadChart(ctx, ready.credentials, location, 'wan', 'Europe/Berlin');
 */
export async function loadChart(
  ctx: BotContext,
  credentials: Credentials,
  target: LocationRef,
  view: ChartView,
  timeZone: string,
): Promise<CachedChart & { key: string }> {
  const { charts, metrics } = ctx.services;
  const key = chartKey(credentials, target, view, timeZone);
  const chart = await charts.cache.get(key, async (previous) => {
    const subject = await takeTurn(ctx, credentials, (client, signal) =>
      CHART_SUBJECTS[view](client, target, signal, timeZone),
    );
    const end = endOfData(subject);
    if (previous?.kind === 'chart' && previous.endOfData === end) return previous;
    metrics.chartRenders.inc({ view });
    const rendered = await charts.renderer.render(subject, { timeZone });
    if (rendered.kind === 'no-data' || end === null) {
      return { kind: 'no-data', reason: rendered.kind === 'no-data' ? rendered.reason : 'No data to chart.' };
    }
    return { ...rendered, caption: chartCaption(subject, target, timeZone), endOfData: end };
  });
  metrics.charts.inc({ source: chart.source });
  return { ...chart, key };
}
