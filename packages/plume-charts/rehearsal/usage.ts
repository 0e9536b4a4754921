// Publish-rehearsal type check: a consumer's code against the published types, compiled with
// tsc --noEmit under moduleResolution node16 and bundler. It is never run.
import { analyzeOnlineStats, analyzeWanStats } from '@org/plume-analytics';
import {
  ChartsError,
  isChartsError,
  onlineChartSpec,
  renderOnlineChart,
  renderWanChart,
  wanChartSpec,
  type ChartImage,
  type ChartOptions,
  type ChartResult,
  type ChartSpecResult,
  type ChartsErrorCode,
  type NoChartData,
  type VegaLiteSpec,
} from '@org/plume-charts';

const options: ChartOptions = {
  width: 800,
  height: 450,
  scale: 2,
  timeZone: 'Europe/Berlin',
  locale: 'de-DE',
  theme: 'dark',
};
const wan = analyzeWanStats([
  { timestamp: '2024-12-04T00:00:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 2, txMaxMbps: 3 },
]);

export async function draw(): Promise<Uint8Array | string> {
  const result: ChartResult = await renderWanChart(wan, options);
  if (result.kind === 'chart') {
    const image: ChartImage = result;
    const size: [number, number] = [image.width, image.height];
    void size;
    return image.png;
  }
  const noData: NoChartData = result;
  return noData.message;
}

const spec: ChartSpecResult = onlineChartSpec(analyzeOnlineStats([], '7d'), { theme: 'light' });
const json: VegaLiteSpec | null = spec.kind === 'spec' ? spec.spec : null;
// @ts-expect-error: `spec` exists only once `kind` is known to be 'spec'.
const unchecked = spec.spec;
const online: Promise<ChartResult> = renderOnlineChart(analyzeOnlineStats([], '24h'));

try {
  wanChartSpec(wan, { width: 1 });
} catch (error) {
  if (isChartsError(error)) {
    const code: ChartsErrorCode = error.code;
    void code;
  }
  void (error instanceof ChartsError);
}

export const used = [json, unchecked, online];
