import type { OnlineStatsAnalysis, WanAnalysis } from '@org/plume-analytics';
import { onlineChartSpec } from './online-spec';
import { renderSpec } from './render';
import type { ChartOptions, ChartResult } from './types';
import { wanChartSpec } from './wan-spec';

/**
 * Draws the WAN chart of an `analyzeWanStats` result as a PNG (and the SVG it came from); see
 * {@link wanChartSpec} for what it shows. No network, no global state: the same analysis and
 * options give the same picture.
 *
 * @param analysis - the result of `analyzeWanStats`
 * @param options - size, scale, time zone, locale, theme, title; see {@link ChartOptions}
 * @returns `{ kind: 'chart', png, svg, width, height }` (PNG size in pixels), or
 * `{ kind: 'no-data', reason, message }` when there is nothing to draw: never an empty picture
 * @throws {@link ChartsError} `INVALID_OPTION`, `INVALID_ANALYSIS`, or `RENDER_FAILED` (a bug).
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { analyzeWanStats } from '@org/plume-analytics';
 * import { renderWanChart } from '@org/plume-charts';
 *
 * const chart = await renderWanChart(analyzeWanStats(fifteenMins), { timeZone: 'Europe/Berlin' });
 * if (chart.kind === 'chart') await writeFile('wan.png', chart.png);
 * else console.log(chart.message);
 * ```
 */
export async function renderWanChart(analysis: WanAnalysis, options?: ChartOptions | null): Promise<ChartResult> {
  const built = wanChartSpec(analysis, options);
  return built.kind === 'spec' ? renderSpec(built) : built;
}

/**
 * Draws the online-time chart of an `analyzeOnlineStats` result as a PNG (and the SVG it came
 * from); see {@link onlineChartSpec} for what it shows.
 *
 * @param analysis - the result of `analyzeOnlineStats`
 * @param options - size, scale, time zone, locale, theme, title; see {@link ChartOptions}
 * @returns `{ kind: 'chart', png, svg, width, height }`, or `{ kind: 'no-data', reason, message }`
 * @throws {@link ChartsError} `INVALID_OPTION`, `INVALID_ANALYSIS`, or `RENDER_FAILED` (a bug).
 *
 * @example
 * ```ts
 * import { analyzeOnlineStats } from '@org/plume-analytics';
 * import { renderOnlineChart } from '@org/plume-charts';
 *
 * const stats = analyzeOnlineStats(locationState, '24h', { timeZone: 'Europe/Berlin' });
 * const chart = await renderOnlineChart(stats, { timeZone: 'Europe/Berlin' });
 * if (chart.kind === 'chart') await ctx.replyWithPhoto({ source: Buffer.from(chart.png) });
 * ```
 */
export async function renderOnlineChart(
  analysis: OnlineStatsAnalysis,
  options?: ChartOptions | null,
): Promise<ChartResult> {
  const built = onlineChartSpec(analysis, options);
  return built.kind === 'spec' ? renderSpec(built) : built;
}
