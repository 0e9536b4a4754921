import { afterAll, describe, expect, it } from '@jest/globals';
import { pathToFileURL } from 'node:url';
import { analyzeOnlineStats, analyzeWanStats } from '@org/plume-analytics';
import { TEST_CHART_WORKER } from '../testing/chart-worker';
import { createChartRenderer } from './chart-renderer';
import type { WarmUpOutcome } from './render-worker';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** 96 quarter-hour samples of one day. */
const samples = Array.from({ length: 96 }, (_, i) => ({
  timestamp: new Date(Date.UTC(2024, 11, 4, 0, i * 15)).toISOString(),
  rxMbytes: 100,
  txMbytes: 10,
  rxMaxMbps: 20 + (i % 7),
  txMaxMbps: 2,
}));

describe('createChartRenderer', () => {
  const renderer = createChartRenderer({ worker: TEST_CHART_WORKER, chart: { timeZone: 'UTC' } });
  afterAll(() => renderer.close());

  it('draws a chart in its worker and hands back the PNG', async () => {
    const chart = await renderer.render({ kind: 'wan', analysis: analyzeWanStats(samples) });
    expect(chart.kind).toBe('chart');
    if (chart.kind !== 'chart') return;
    expect([...chart.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const header = new DataView(chart.png.buffer, chart.png.byteOffset, chart.png.byteLength);
    expect([header.getUint32(16), header.getUint32(20)]).toEqual([chart.width, chart.height]);
    expect([chart.width, chart.height]).toEqual([1600, 900]);
  }, 60_000);

  it('says why when there is nothing to draw', async () => {
    expect(await renderer.render({ kind: 'online', analysis: analyzeOnlineStats([], '24h') })).toEqual({
      kind: 'no-data',
      reason: expect.any(String),
    });
  }, 60_000);

  it('starts a new worker after close, and fails a drawing whose worker cannot start', async () => {
    await renderer.close();
    expect((await renderer.render({ kind: 'wan', analysis: analyzeWanStats(samples) })).kind).toBe('chart');
    const broken = createChartRenderer({ worker: pathToFileURL('/nonexistent/render-worker.ts') });
    await expect(broken.render({ kind: 'wan', analysis: analyzeWanStats(samples) })).rejects.toThrow(
      /^The chart worker failed: /,
    );
    await broken.close();
  }, 60_000);
});

describe('createChartRenderer with warmUp', () => {
  it('starts its worker at once, draws the warm-up charts, and then draws what is asked', async () => {
    let warmedUp!: (outcome: WarmUpOutcome) => void;
    const outcome = new Promise<WarmUpOutcome>((resolve) => (warmedUp = resolve));
    const renderer = createChartRenderer({ worker: TEST_CHART_WORKER, warmUp: true, onWarmUp: warmedUp });
    try {
      // Nothing was asked for yet: the report comes from the worker started by createChartRenderer.
      expect(await outcome).toEqual({ ok: true, ms: expect.any(Number) });
      const chart = await renderer.render({ kind: 'wan', analysis: analyzeWanStats(samples) });
      expect(chart.kind).toBe('chart');
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it('fails requests with the reason when its worker cannot start, reporting no warm-up', async () => {
    const outcomes: WarmUpOutcome[] = [];
    const renderer = createChartRenderer({
      worker: pathToFileURL('/nonexistent/render-worker.ts'),
      warmUp: true,
      onWarmUp: (o) => outcomes.push(o),
    });
    await expect(renderer.render({ kind: 'wan', analysis: analyzeWanStats(samples) })).rejects.toThrow(
      /^The chart worker failed: /,
    );
    expect(outcomes).toEqual([]);
    await renderer.close();
  }, 60_000);
});
