// The chart worker: a thread of its own that draws charts with @org/plume-charts, so that drawing
// (CPU work, tens of ms a chart, more for the first) never holds up the bot's event loop. It
// answers each request of `chart-renderer.ts` with the picture or the error. It is plain,
// erasable TypeScript (Node runs it from source in tests) and imports nothing of the bot.
import { parentPort, workerData } from 'node:worker_threads';
import type { OnlineStatsAnalysis, WanAnalysis } from '@org/plume-analytics';
import type { ChartOptions, ChartResult } from '@org/plume-charts';

/** What the worker is started with. */
export interface RenderWorkerData {
  /** Draw a few charts right away, before any request: see {@link warmUp}. */
  warmUp?: boolean;
}

/** A drawing request. */
export interface RenderRequest {
  id: number;
  subject: { kind: 'wan'; analysis: WanAnalysis } | { kind: 'online'; analysis: OnlineStatsAnalysis };
  options: ChartOptions;
}

/** What comes back of a drawing: the PNG and its size (not the SVG, which the bot does not send). */
export type RenderedResult =
  { kind: 'chart'; png: Uint8Array; width: number; height: number } | { kind: 'no-data'; message: string };

/** Its answer. */
export type RenderReply =
  | { id: number; ok: true; result: RenderedResult }
  | { id: number; ok: false; error: { name: string; message: string } };

/** How the warm-up went: its time in ms, or why it failed. */
export type WarmUpOutcome = { ok: true; ms: number } | { ok: false; message: string };

/** What the worker posts once it has drawn (or failed to draw) its warm-up chart. */
export interface WarmUpReport {
  warmUp: WarmUpOutcome;
}

const trim = (result: ChartResult): RenderedResult =>
  result.kind === 'chart'
    ? { kind: 'chart', png: result.png, width: result.width, height: result.height }
    : { kind: 'no-data', message: result.message };

const port = parentPort;
if (port === null) throw new Error('render-worker runs as a worker thread of the bot, not on its own.');
let library: Promise<typeof import('@org/plume-charts')> | undefined;
/** The charts library, loaded once; a failed load is tried again by the next drawing. */
const charts = () =>
  (library ??= import('@org/plume-charts').catch((error: unknown) => {
    library = undefined;
    throw error;
  }));

/**
 * How many charts the warm-up draws. The first charts in a thread are slow: the first loads Vega,
 * Vega-Lite, resvg and the fonts, and the next ones still run resvg's WebAssembly and Vega on
 * unoptimised code until V8 has optimised them. Measured in fresh processes (plume-charts' bench),
 * the 1st WAN chart took about 15 times a warm one, the 2nd to 4th 3 to 6 times, the 5th on about
 * 1.5 times: so three WAN and three online-time charts, which also warms both charts' code.
 */
const WARM_UP_CHARTS = 6;

/**
 * Draws {@link WARM_UP_CHARTS} charts of a made-up day and throws them away, so that the slow first
 * charts are drawn when the worker starts instead of when people press the first buttons. Requests
 * that come meanwhile are drawn between them. A failed warm-up is only reported: the first request
 * loads the library again.
 */
async function warmUp(): Promise<void> {
  const [{ renderWanChart, renderOnlineChart }, { analyzeWanStats, analyzeOnlineStats }] = await Promise.all([
    charts(),
    import('@org/plume-analytics'),
  ]);
  const start = Date.UTC(2024, 0, 1);
  const at = (i: number) => new Date(start + i * 900_000).toISOString();
  for (let n = 0; n < WARM_UP_CHARTS / 2; n++) {
    const day = Array.from({ length: 96 }, (_, i) => ({
      timestamp: at(i),
      rxMbytes: 90,
      txMbytes: 9,
      rxMaxMbps: 50 + ((i + n) % 13),
      txMaxMbps: 5 + (i % 5),
    }));
    await renderWanChart(analyzeWanStats(day));
    const states = Array.from({ length: 96 }, (_, i) => ({
      timestamp: at(i),
      value: i % 40 === n ? 'offline' : 'online',
    }));
    await renderOnlineChart(analyzeOnlineStats(states, '24h'));
  }
}

if ((workerData as RenderWorkerData | null)?.warmUp === true) {
  const started = performance.now();
  void warmUp().then(
    () =>
      port.postMessage({ warmUp: { ok: true, ms: Math.round(performance.now() - started) } } satisfies WarmUpReport),
    (error: unknown) => port.postMessage({ warmUp: { ok: false, message: String(error) } } satisfies WarmUpReport),
  );
}

port.on('message', (request: RenderRequest) => {
  void (async (): Promise<RenderReply> => {
    try {
      const lib = await charts();
      const { subject, options } = request;
      const result =
        subject.kind === 'wan'
          ? await lib.renderWanChart(subject.analysis, options)
          : await lib.renderOnlineChart(subject.analysis, options);
      return { id: request.id, ok: true, result: trim(result) };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { id: request.id, ok: false, error: { name, message } };
    }
  })().then((reply) => {
    const transfer = reply.ok && reply.result.kind === 'chart' ? [reply.result.png.buffer as ArrayBuffer] : [];
    port.postMessage(reply, transfer);
  });
});
