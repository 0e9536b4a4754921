// Public surface of @org/plume-charts: WAN and online-time charts from @org/plume-analytics results.
// Internals (options parsing, palettes, the Intl-based Vega locale, wall-clock shifting, the
// renderer) are deliberately not exported: they are implementation details and may change.

export { renderWanChart, renderOnlineChart } from './charts';
export { wanChartSpec } from './wan-spec';
export { onlineChartSpec } from './online-spec';
export { ChartsError, isChartsError } from './errors';
export type { ChartsErrorCode } from './errors';
export type {
  ChartOptions,
  ChartTheme,
  ChartSpec,
  ChartSpecResult,
  ChartImage,
  ChartResult,
  NoChartData,
  NoDataReason,
  VegaLiteSpec,
} from './types';
