import type { OnlineStatsAnalysis, OnlineStatsWithData, TimelineState } from '@org/plume-analytics';
import { ChartsError } from './errors';
import { formatDuration, formatPercent, timeAxisFormat } from './format';
import { chartLocale } from './locale';
import { resolveOptions, type ResolvedOptions } from './options';
import { baseConfig, paletteOf } from './theme';
import type { ChartOptions, ChartSpecResult, NoChartData, VegaLiteSpec } from './types';
import { wallClock } from './wall-clock';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const STATE_LABELS: Readonly<Record<TimelineState, string>> = {
  online: 'Online',
  intermittent: 'Intermittent',
  offline: 'Offline',
  noData: 'No data',
};
const STATES: readonly TimelineState[] = ['online', 'intermittent', 'offline', 'noData'];
/** At most this many outages get a duration label (the longest ones), so labels stay readable. */
const MAX_OUTAGE_LABELS = 6;
/** Bars get their percentage written on them up to this many bars. */
const MAX_BAR_LABELS = 31;
/** Height of the timeline strip, CSS pixels. */
const STRIP_HEIGHT = 28;
/** Room between the strip and the bars, for the bars' numbers, CSS pixels. */
const STRIP_GAP = 22;
/** Where the legend's top sits, above the strip and its outage labels (plot top = 0), CSS pixels. */
const LEGEND_Y = -(STRIP_GAP + STRIP_HEIGHT + 40);

/** The no-data result of an online analysis without a known sample. */
export function onlineNoData(analysis: OnlineStatsAnalysis): NoChartData {
  return analysis.totalSamples === 0
    ? {
        kind: 'no-data',
        reason: 'no-samples',
        message: `No online-time data was received for ${analysis.range.label.toLowerCase()}.`,
      }
    : {
        kind: 'no-data',
        reason: 'no-valid-samples',
        message: `None of the ${analysis.totalSamples} online-time samples received had a known state.`,
      };
}

function checkAnalysis(analysis: unknown): asserts analysis is OnlineStatsAnalysis {
  const candidate = analysis as (Partial<Omit<OnlineStatsWithData, 'hasData'>> & { hasData?: boolean }) | null;
  const ok =
    candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.range === 'object' &&
    (candidate.hasData === false ||
      (candidate.hasData === true &&
        Array.isArray(candidate.timeline?.segments) &&
        Array.isArray(candidate.uptimeBuckets)));
  if (!ok) {
    throw new ChartsError(
      'INVALID_ANALYSIS',
      'onlineChartSpec takes the result of analyzeOnlineStats from @org/plume-analytics (with timeline and uptimeBuckets); update @org/plume-analytics if it lacks them.',
    );
  }
}

function buildSpec(analysis: OnlineStatsWithData, options: ResolvedOptions): VegaLiteSpec {
  const palette = paletteOf(options.theme);
  const locale = chartLocale(options.locale);
  const wall = wallClock(options.timeZone);
  const at = (iso: string) => wall(Date.parse(iso));
  const start = at(analysis.timeline.startAt);
  const end = at(analysis.timeline.endAt);
  const segments = analysis.timeline.segments.map((s) => ({
    start: at(s.startAt),
    end: at(s.endAt),
    state: STATE_LABELS[s.state],
  }));
  const outageLabels = [...analysis.outages]
    .sort((a, b) => b.durationMs - a.durationMs || a.startedAt.localeCompare(b.startedAt))
    .slice(0, MAX_OUTAGE_LABELS)
    .map((o) => ({ mid: (at(o.startedAt) + at(o.endedAt)) / 2, label: formatDuration(o.durationMs) }));
  // Periods are clipped to the timeline: a partial first or last day is a narrower bar.
  const buckets = analysis.uptimeBuckets.map((b) => {
    const from = Math.max(at(b.startAt), start);
    const to = Math.min(at(b.endAt), end);
    return {
      start: from,
      end: to,
      mid: (from + to) / 2,
      uptime: b.uptimePercent,
      // A sliver of a period (e.g. the first hour of a new day) is too narrow for its number.
      label: b.uptimePercent === null || to - from < (end - start) / 40 ? '' : formatPercent(locale, b.uptimePercent),
      noData: b.uptimePercent === null,
    };
  });
  const x = {
    field: 'start',
    type: 'temporal',
    scale: { type: 'utc', domain: { expr: 'timeDomain' } },
    axis: {
      format: timeAxisFormat(locale, end - start),
      title: `Time (${options.timeZone})`,
      tickCount: 8,
      grid: false,
      // Day names start at their midnight tick and run into their day's bar; one that would run
      // past the end of the axis is left out.
      ...(end - start > 36 * 3_600_000 ? { labelAlign: 'left', labelOffset: 2, labelBound: true } : {}),
    },
  };
  // The time axis: its scale is set once, on a layer without x2 (Vega-Lite reads an explicit
  // domain twice where x2 is used and warns about the copies).
  const timeAxis = (encoding: Record<string, unknown>) => ({
    data: { name: 'timeAxis' },
    mark: { type: 'point', opacity: 0 },
    encoding: { x: encoding },
  });
  const stateColour = {
    field: 'state',
    type: 'nominal',
    scale: { domain: STATES.map((s) => STATE_LABELS[s]), range: STATES.map((s) => palette[s]) },
    // Placed by hand above the strip (and its outage labels), which sits outside the plot.
    legend: {
      orient: 'none',
      direction: 'horizontal',
      legendX: 0,
      legendY: LEGEND_Y,
      symbolType: 'square',
    },
  };
  const uptimeY = {
    field: 'uptime',
    type: 'quantitative',
    scale: { domain: [0, 100] },
    axis: { title: 'Uptime %', tickCount: 5 },
  };
  const outages = analysis.outages.length;
  const subtitle =
    `${analysis.range.label}: ${formatPercent(locale, analysis.uptimePercent)} % online (${analysis.label}), ` +
    (outages === 0
      ? 'no outages'
      : `${outages} ${outages === 1 ? 'outage' : 'outages'}, longest ${formatDuration(analysis.longestOutage?.durationMs ?? 0)}`);
  const labelBars = buckets.length <= MAX_BAR_LABELS;
  // One layered view, so that autosize makes the picture exactly width × height: the bars fill the
  // plot, and the timeline strip sits above it at fixed pixel offsets (negative y is above the plot).
  const stripTop = -(STRIP_GAP + STRIP_HEIGHT);
  return {
    $schema: SCHEMA,
    width: options.width,
    height: options.height,
    autosize: { type: 'fit', contains: 'padding' },
    // What the data decides is in `params` and `datasets`, the rest is the chart's shape.
    params: [
      { name: 'chartTitle', value: options.title },
      { name: 'chartSubtitle', value: subtitle },
      { name: 'timeDomain', value: [start, end] },
    ],
    datasets: { timeAxis: [{ start }, { start: end }], buckets, segments, outageLabels },
    title: { text: { expr: 'chartTitle' }, subtitle: { expr: 'chartSubtitle' } },
    config: { ...baseConfig(palette), locale: locale.vega },
    layer: [
      timeAxis(x),
      {
        data: { name: 'buckets' },
        layer: [
          {
            transform: [{ filter: 'datum.noData' }],
            // fillOpacity, not opacity: resvg blends an element with opacity through a layer of its own.
            mark: { type: 'rect', color: palette.noData, fillOpacity: 0.5, xOffset: 1, x2Offset: -1 },
            encoding: {
              x: { field: 'start', type: 'temporal' },
              x2: { field: 'end' },
              y: { datum: 100, type: 'quantitative' },
              y2: { datum: 0 },
            },
          },
          {
            transform: [{ filter: '!datum.noData' }],
            mark: { type: 'rect', color: palette.online, xOffset: 1, x2Offset: -1 },
            encoding: { x: { field: 'start', type: 'temporal' }, x2: { field: 'end' }, y: uptimeY, y2: { datum: 0 } },
          },
          ...(labelBars
            ? [
                {
                  transform: [{ filter: '!datum.noData' }],
                  mark: { type: 'text', baseline: 'bottom', dy: -2, fontSize: 10, color: palette.text },
                  encoding: { x: { field: 'mid', type: 'temporal' }, y: uptimeY, text: { field: 'label' } },
                },
              ]
            : []),
        ],
      },
      {
        data: { name: 'segments' },
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'start', type: 'temporal' },
          x2: { field: 'end' },
          y: { value: stripTop },
          y2: { value: -STRIP_GAP },
          color: stateColour,
        },
      },
      {
        // Invisible: stretches the chart's bounds up to the hand-placed legend, so the title clears it.
        data: { values: [{}] },
        mark: { type: 'rule', opacity: 0 },
        encoding: { x: { value: 0 }, x2: { value: 1 }, y: { value: LEGEND_Y - 4 } },
      },
      {
        data: { name: 'outageLabels' },
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: palette.offline, fontWeight: 'bold' },
        encoding: { x: { field: 'mid', type: 'temporal' }, y: { value: stripTop }, text: { field: 'label' } },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

/**
 * Builds the Vega-Lite specification of the online-time chart: a timeline strip of online,
 * intermittent, offline and no data over the range (from `analysis.timeline`), the longest outages
 * labelled with their duration, and uptime per day (per hour for the hourly ranges, 24 h and 3 h)
 * as bars from `analysis.uptimeBuckets`, periods without data in grey. Times are shown in
 * `options.timeZone` with its name; pass the same zone to `analyzeOnlineStats` so days start at
 * local midnight. Like the WAN chart's, the specification keeps what the data decides in its
 * top-level `datasets` and `params`.
 *
 * @param analysis - the result of `analyzeOnlineStats`
 * @param options - size, time zone, locale, theme, title; see {@link ChartOptions}
 * @returns `{ kind: 'spec', spec, width, height, scale }`, or `{ kind: 'no-data', reason, message }`
 * when no sample had a known state
 * @throws {@link ChartsError} `INVALID_OPTION` for a bad option, `INVALID_ANALYSIS` when `analysis`
 * is not an `analyzeOnlineStats` result.
 *
 * @example
 * ```ts
 * import { analyzeOnlineStats } from '@org/plume-analytics';
 * import { onlineChartSpec } from '@org/plume-charts';
 *
 * const stats = analyzeOnlineStats(locationState, '7d', { timeZone: 'Europe/Berlin' });
 * const built = onlineChartSpec(stats, { timeZone: 'Europe/Berlin' });
 * if (built.kind === 'no-data') console.log(built.message);
 * ```
 */
export function onlineChartSpec(analysis: OnlineStatsAnalysis, options?: ChartOptions | null): ChartSpecResult {
  checkAnalysis(analysis);
  const resolved = resolveOptions(options, 'Online time');
  if (!analysis.hasData) return onlineNoData(analysis);
  return {
    kind: 'spec',
    spec: buildSpec(analysis, resolved),
    width: resolved.width,
    height: resolved.height,
    scale: resolved.scale,
  };
}
