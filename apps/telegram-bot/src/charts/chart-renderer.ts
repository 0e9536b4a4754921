import { Worker } from 'node:worker_threads';
import type { ChartOptions } from '@org/plume-charts';
import type { ChartSubject } from './chart-subject';
import type {
  RenderedResult,
  RenderReply,
  RenderRequest,
  RenderWorkerData,
  WarmUpOutcome,
  WarmUpReport,
} from './render-worker';

/** A rendered picture, or why there is none. */
export type RenderedChart =
  | { readonly kind: 'chart'; readonly png: Uint8Array; readonly width: number; readonly height: number }
  | { readonly kind: 'no-data'; readonly reason: string };

/** Draws charts of analyses, off the bot's event loop. */
export interface ChartRenderer {
  /**
   * The chart of `subject`; `options` (e.g. the person's time zone) override the renderer's.
   * @throws {Error} when drawing fails or the worker stops.
   */
  render(subject: ChartSubject, options?: ChartOptions): Promise<RenderedChart>;
  /** Stops the worker (drawings under way fail); a later `render` starts a new one. */
  close(): Promise<void>;
}

/** Options of {@link createChartRenderer}. */
export interface ChartRendererOptions {
  /** The worker script, `render-worker.js` beside the bot's bundle (or `.ts` beside this file in tests). */
  worker: URL;
  /** Size, time zone, locale and theme of every chart (`@org/plume-charts`' options), unless a render says otherwise. */
  chart?: ChartOptions;
  /**
   * Start the worker now and have it draw a few charts of made-up data, so that the first charts
   * people ask for don't pay for loading the libraries and the slow first drawings (the bot does
   * this at start). Otherwise the worker starts at the first chart. @default false
   */
  warmUp?: boolean;
  /** Told how the warm-up went (how long it took, or why it failed), e.g. to log it. */
  onWarmUp?: (outcome: WarmUpOutcome) => void;
}

const toRendered = (result: RenderedResult): RenderedChart =>
  result.kind === 'chart'
    ? { kind: 'chart', png: result.png, width: result.width, height: result.height }
    : { kind: 'no-data', reason: result.message };

/**
 * Draws charts with `@org/plume-charts` in a worker thread, started at the first chart (or at once,
 * with `warmUp`): drawing is CPU work (tens of ms a chart; the first, which loads Vega and the
 * fonts, takes seconds), and in the worker it never holds up the updates the bot is handling. A
 * worker that fails or exits fails the drawings under way, and the next chart starts a new one
 * (without a warm-up: a chart is waiting).
 *
 * @example
 * const renderer = createChartRenderer({ worker: new URL('./render-worker.js', import.meta.url) });
 * const chart = await renderer.render({ kind: 'wan', analysis: analyzeWanStats(fifteenMins) }, { timeZone: 'Europe/Berlin' });
 * await renderer.close();
 */
export function createChartRenderer(options: ChartRendererOptions): ChartRenderer {
  const chartOptions = options.chart ?? {};
  const pending = new Map<number, { resolve: (chart: RenderedChart) => void; reject: (error: Error) => void }>();
  let worker: Worker | undefined;
  let nextId = 0;

  const failAll = (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  const start = (warmUp = false): Worker => {
    const started = new Worker(options.worker, { workerData: { warmUp } satisfies RenderWorkerData });
    started.unref(); // an idle worker never keeps the process alive
    started.on('message', (reply: RenderReply | WarmUpReport) => {
      if ('warmUp' in reply) {
        options.onWarmUp?.(reply.warmUp);
        return;
      }
      const request = pending.get(reply.id);
      if (request === undefined) return;
      pending.delete(reply.id);
      if (reply.ok) request.resolve(toRendered(reply.result));
      else request.reject(new Error(`Drawing the chart failed: ${reply.error.name}: ${reply.error.message}`));
    });
    started.on('error', (error: Error) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`The chart worker failed: ${error.message}`, { cause: error }));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`The chart worker stopped (exit code ${code}) before drawing the chart.`));
    });
    return started;
  };

  if (options.warmUp === true) worker = start(true);

  return {
    render(subject, overrides) {
      const current = (worker ??= start());
      const id = (nextId += 1);
      return new Promise<RenderedChart>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        current.postMessage({ id, subject, options: { ...chartOptions, ...overrides } } satisfies RenderRequest);
      });
    },
    async close() {
      const current = worker;
      worker = undefined;
      if (current !== undefined) await current.terminate();
    },
  };
}
