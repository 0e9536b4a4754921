// The chart worker: a thread of its own that draws charts with @org/plume-charts, so that drawing
// (CPU work, tens of ms a chart, more for the first) never holds up the bot's event loop. It
// answers each request of `chart-renderer.ts` with the picture or the error. It is plain,
// erasable TypeScript (Node runs it from source in tests) and imports nothing of the bot.
import { parentPort } from 'node:worker_threads';
import type { OnlineStatsAnalysis, WanAnalysis } from '@org/plume-analytics';
import type { ChartOptions, ChartResult } from '@org/plume-charts';

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

const trim = (result: ChartResult): RenderedResult =>
  result.kind === 'chart'
    ? { kind: 'chart', png: result.png, width: result.width, height: result.height }
    : { kind: 'no-data', message: result.message };

const port = parentPort;
if (port === null) throw new Error('render-worker runs as a worker thread of the bot, not on its own.');
let library: Promise<typeof import('@org/plume-charts')> | undefined;

port.on('message', (request: RenderRequest) => {
  void (async (): Promise<RenderReply> => {
    try {
      const charts = await (library ??= import('@org/plume-charts'));
      const { subject, options } = request;
      const result =
        subject.kind === 'wan'
          ? await charts.renderWanChart(subject.analysis, options)
          : await charts.renderOnlineChart(subject.analysis, options);
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
