import type { WanAnalysis, WanAnalysisWithData, WanIntervalPoint } from '@org/plume-analytics';
import { ChartsError } from './errors';
import { formatMbps, lastSpan, timeAxisFormat } from './format';
import { chartLocale, type ChartLocale } from './locale';
import { resolveOptions, type ResolvedOptions } from './options';
import { baseConfig, paletteOf, type Palette } from './theme';
import type { ChartOptions, ChartSpecResult, NoChartData, VegaLiteSpec } from './types';
import { wallClock, type WallClock } from './wall-clock';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SERIES = ['Download peak', 'Upload peak', 'Download average', 'Upload average'] as const;

interface Row {
  t: number;
  series: (typeof SERIES)[number];
  kind: 'peak' | 'average';
  mbps: number | null;
  isolated: boolean;
}

interface Marker {
  y: number;
  label: string;
  colour: string;
  /** Where the label sits, Mbps: at the line unless moved apart from a neighbour. */
  labelY: number;
}

function rowsOf(points: readonly WanIntervalPoint[], wall: WallClock): Row[] {
  const rows: Row[] = [];
  const fields = ['rxPeakMbps', 'txPeakMbps', 'rxAverageMbps', 'txAverageMbps'] as const;
  fields.forEach((field, s) => {
    points.forEach((point, i) => {
      const mbps = point[field];
      const isolated =
        mbps !== null && (points[i - 1]?.[field] ?? null) === null && (points[i + 1]?.[field] ?? null) === null;
      rows.push({
        t: wall(Date.parse(point.at)),
        series: SERIES[s]!,
        kind: s < 2 ? 'peak' : 'average',
        mbps,
        isolated,
      });
    });
  });
  return rows;
}

/** Runs of missing intervals, as wall-clock [start, end) bands. */
function gapsOf(points: readonly WanIntervalPoint[], intervalMs: number, wall: WallClock) {
  const gaps: { start: number; end: number }[] = [];
  for (const point of points) {
    if (point.rxPeakMbps !== null) continue;
    const start = wall(Date.parse(point.at));
    const last = gaps[gaps.length - 1];
    if (last !== undefined && last.end === start) last.end = start + intervalMs;
    else gaps.push({ start, end: start + intervalMs });
  }
  return gaps;
}

function markersOf(analysis: WanAnalysisWithData, palette: Palette, locale: ChartLocale): Marker[] {
  const marker = (y: number, label: string, colour: string): Marker => ({
    y,
    labelY: y,
    label: `${label} ${formatMbps(locale, y)}`,
    colour,
  });
  const markers = [
    marker(analysis.rx.p95Mbps, 'p95 ↓', palette.download),
    marker(analysis.tx.p95Mbps, 'p95 ↑', palette.upload),
  ];
  const plan = analysis.utilisation;
  if (plan?.rx) markers.push(marker(plan.rx.planMbps, 'plan ↓', palette.plan));
  if (plan?.tx) markers.push(marker(plan.tx.planMbps, 'plan ↑', palette.plan));
  return markers;
}

/**
 * Moves the labels (not the lines) apart so that no two overlap: at least `gap` (in Mbps, the
 * height of a label on the value axis) between neighbours, all within [0, top].
 */
function spreadLabels(markers: readonly Marker[], gap: number, top: number): Marker[] {
  const sorted = [...markers].sort((a, b) => a.y - b.y).map((m) => ({ ...m }));
  for (let i = 1; i < sorted.length; i++) sorted[i]!.labelY = Math.max(sorted[i]!.labelY, sorted[i - 1]!.labelY + gap);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const ceiling = i === sorted.length - 1 ? top - gap / 2 : sorted[i + 1]!.labelY - gap;
    sorted[i]!.labelY = Math.max(0, Math.min(sorted[i]!.labelY, ceiling));
  }
  return sorted;
}

/** The no-data result of a WAN analysis without valid samples. */
export function wanNoData(analysis: WanAnalysis): NoChartData {
  return analysis.coverage.totalSamples === 0
    ? { kind: 'no-data', reason: 'no-samples', message: 'No WAN data was received for this location.' }
    : {
        kind: 'no-data',
        reason: 'no-valid-samples',
        message: `None of the ${analysis.coverage.totalSamples} WAN samples received was usable.`,
      };
}

function checkAnalysis(analysis: unknown): asserts analysis is WanAnalysis {
  const candidate = analysis as (Partial<Omit<WanAnalysisWithData, 'hasData'>> & { hasData?: boolean }) | null;
  const ok =
    candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.coverage === 'object' &&
    (candidate.hasData === false || (candidate.hasData === true && Array.isArray(candidate.intervalSeries?.points)));
  if (!ok) {
    throw new ChartsError(
      'INVALID_ANALYSIS',
      'wanChartSpec takes the result of analyzeWanStats from @org/plume-analytics (with intervalSeries); update @org/plume-analytics if it lacks it.',
    );
  }
}

function buildSpec(analysis: WanAnalysisWithData, options: ResolvedOptions): VegaLiteSpec {
  const palette = paletteOf(options.theme);
  const locale = chartLocale(options.locale);
  const wall = wallClock(options.timeZone);
  const series = analysis.intervalSeries;
  const intervalMs = series.intervalMinutes * 60_000;
  const start = wall(Date.parse(series.startAt));
  const end = wall(Date.parse(series.endAt));
  const markers = markersOf(analysis, palette, locale);
  const highest = Math.max(
    ...series.points.flatMap((p) => [p.rxPeakMbps ?? 0, p.txPeakMbps ?? 0, p.rxAverageMbps ?? 0, p.txAverageMbps ?? 0]),
    ...markers.map((m) => m.y),
  );
  const top = highest > 0 ? highest * 1.12 : 1;
  const x = {
    field: 't',
    type: 'temporal',
    scale: { type: 'utc', domain: { expr: 'timeDomain' } },
    axis: {
      format: timeAxisFormat(locale, end - start),
      title: `Time (${options.timeZone})`,
      tickCount: 8,
      grid: false,
    },
  };
  const xData = { field: 't', type: 'temporal' };
  const y = {
    field: 'mbps',
    type: 'quantitative',
    scale: { domain: { expr: 'mbpsDomain' }, nice: false },
    axis: { title: 'Mbps', format: ',~r', tickCount: 6 },
  };
  const colour = {
    field: 'series',
    type: 'nominal',
    scale: { domain: [...SERIES], range: [palette.download, palette.upload, palette.download, palette.upload] },
    legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
  const gaps = gapsOf(series.points, intervalMs, wall);
  // About what the title, legend and time axis leave of the height for the plot, CSS pixels.
  const plotHeight = Math.max(60, options.height - 165);
  const labels = spreadLabels(markers, (15 * top) / plotHeight, top);
  const subtitle = `${lastSpan(Date.parse(series.endAt) - Date.parse(series.startAt))}, per ${series.intervalMinutes} minutes: peaks (solid), averages (faded), 95th percentiles (dashed)`;
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
      { name: 'mbpsDomain', value: [0, top] },
    ],
    datasets: {
      timeAxis: [{ t: start }, { t: end }],
      gaps,
      rows: rowsOf(series.points, wall),
      markers: labels,
    },
    title: { text: { expr: 'chartTitle' }, subtitle: { expr: 'chartSubtitle' } },
    config: { ...baseConfig(palette), locale: locale.vega },
    layer: [
      // The time axis: its scale is set here once, on a layer without x2 (Vega-Lite reads an
      // explicit domain twice where x2 is used and warns about the copies).
      { data: { name: 'timeAxis' }, mark: { type: 'point', opacity: 0 }, encoding: { x } },
      // Faded with fillOpacity/strokeOpacity, not opacity: resvg draws an element with opacity in a
      // layer of its own and blends it, which took half of the rasterising time for the same look.
      {
        data: { name: 'gaps' },
        mark: { type: 'rect', color: palette.noData, fillOpacity: 0.35 },
        encoding: { x: { field: 'start', type: 'temporal' }, x2: { field: 'end' } },
      },
      {
        data: { name: 'rows' },
        layer: [
          {
            transform: [{ filter: "datum.kind === 'average'" }],
            mark: { type: 'line', strokeWidth: 1.5, strokeOpacity: 0.45, invalid: 'break-paths-show-domains' },
            encoding: { x: xData, y, color: colour },
          },
          {
            transform: [{ filter: "datum.kind === 'peak'" }],
            mark: { type: 'line', strokeWidth: 2, invalid: 'break-paths-show-domains' },
            encoding: { x: xData, y, color: colour },
          },
          {
            transform: [{ filter: 'datum.isolated' }],
            mark: { type: 'point', filled: true, size: 36 },
            encoding: { x: xData, y, color: colour },
          },
        ],
      },
      {
        data: { name: 'markers' },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
            encoding: { y: { ...y, field: 'y' }, color: { field: 'colour', type: 'nominal', scale: null } },
          },
          {
            // Labels to the right of the plot, beside their lines (autosize makes room for them).
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 12, fontWeight: 'bold' },
            encoding: {
              x: { value: { expr: 'width' } },
              y: { ...y, field: 'labelY' },
              text: { field: 'label' },
              color: { field: 'colour', type: 'nominal', scale: null },
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

/**
 * Builds the Vega-Lite specification of the WAN chart: the 15-minute download and upload peaks
 * (solid) and averages (faded) of `analysis.intervalSeries` (24 hours, or the `windowHours` the
 * analysis was asked for, named in the subtitle), the 95th percentiles as dashed
 * lines labelled with their values, the plan speed when the analysis had one (`utilisation`),
 * missing intervals as gaps in the lines over grey bands (never as zero), a time axis in
 * `options.timeZone` with its name, and Mbps on the value axis. The specification is plain data
 * (no URLs): what the data decides (the rows, gaps, labels, the axes' domains, the titles) sits in
 * its top-level `datasets` and `params`, so specifications of the same shape differ only there;
 * the same analysis and options always give the same JSON.
 *
 * @param analysis - the result of `analyzeWanStats`
 * @param options - size, time zone, locale, theme, title; see {@link ChartOptions}
 * @returns `{ kind: 'spec', spec, width, height, scale }`, or `{ kind: 'no-data', reason, message }`
 * when the analysis has no valid sample
 * @throws {@link ChartsError} `INVALID_OPTION` for a bad option, `INVALID_ANALYSIS` when `analysis`
 * is not an `analyzeWanStats` result.
 *
 * @example
 * ```ts
 * import { analyzeWanStats } from '@org/plume-analytics';
 * import { wanChartSpec } from '@org/plume-charts';
 *
 * const built = wanChartSpec(analyzeWanStats(fifteenMins, { planSpeed: { downloadMbps: 500 } }), {
 *   timeZone: 'Europe/Berlin',
 * });
 * if (built.kind === 'spec') console.log(JSON.stringify(built.spec).length);
 * ```
 */
export function wanChartSpec(analysis: WanAnalysis, options?: ChartOptions | null): ChartSpecResult {
  checkAnalysis(analysis);
  const resolved = resolveOptions(options, 'WAN usage');
  if (!analysis.hasData) return wanNoData(analysis);
  return {
    kind: 'spec',
    spec: buildSpec(analysis, resolved),
    width: resolved.width,
    height: resolved.height,
    scale: resolved.scale,
  };
}
