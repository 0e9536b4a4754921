import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Resvg } from '@resvg/resvg-wasm';
import { analyzeOnlineStats, analyzeWanStats } from '@org/plume-analytics';
import { renderOnlineChart, renderWanChart, type ChartImage, type ChartResult } from './index';
import { countColourInRow, decodePng } from './testing/png';
import { DAY_START, onlineSamples, wanDay } from './testing/fixtures';

function image(result: ChartResult): ChartImage {
  if (result.kind !== 'chart') throw new Error(`expected a chart, got ${result.reason}`);
  return result;
}

/** The plot's origin in the SVG: Vega's outermost group is translated by the padding and axes. */
function plotOrigin(svg: string): [number, number] {
  const match = /translate\(([\d.]+),([\d.]+)\)/.exec(svg);
  if (match === null) throw new Error('no translate in the SVG');
  return [Number(match[1]), Number(match[2])];
}

describe('renderWanChart', () => {
  it('draws a PNG at twice the CSS size, with text in it', async () => {
    const chart = image(await renderWanChart(analyzeWanStats(wanDay()), { width: 640, height: 360 }));
    const png = decodePng(chart.png);
    expect([chart.width, chart.height]).toEqual([1280, 720]);
    expect([png.width, png.height]).toEqual([1280, 720]);
    expect(chart.svg.startsWith('<svg')).toBe(true);
    // The title "WAN usage" is drawn in the text colour at the top left: text came out, not a blank.
    let titlePixels = 0;
    for (let y = 20; y < 90; y++) titlePixels += countColourInRow(png, y, '#1F2328', 0, 400);
    expect(titlePixels).toBeGreaterThan(500);
  });

  it('holds exactly the pixels resvg draws from its SVG, in a smaller file than resvg writes', async () => {
    const chart = image(await renderWanChart(analyzeWanStats(wanDay()), { timeZone: 'Europe/Berlin' }));
    // resvg's own rendering of the returned SVG, with the shipped fonts, as resvg's own PNG.
    const fontBuffers = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(
      (file) => new Uint8Array(readFileSync(join(__dirname, '..', 'fonts', file))),
    );
    const resvg = new Resvg(chart.svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: { fontBuffers, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    });
    const rendered = resvg.render();
    const reference = rendered.asPng();
    rendered.free();
    resvg.free();
    expect(Buffer.from(decodePng(chart.png).rgba).equals(Buffer.from(decodePng(reference).rgba))).toBe(true);
    expect(chart.png.length).toBeLessThan(reference.length);
  });

  it('draws the download 95th percentile where it belongs on the value axis', async () => {
    // Peaks 1..96 Mbps: p95 = 92; the axis tops out at 96 × 1.12.
    const chart = image(await renderWanChart(analyzeWanStats(wanDay()), { width: 800, height: 450 }));
    const png = decodePng(chart.png);
    const [, plotTop] = plotOrigin(chart.svg);
    const plotHeight = Number(/d="M0,0h[\d.]+v([\d.]+)h/.exec(chart.svg)?.[1]);
    const expectedRow = 2 * (plotTop + plotHeight * (1 - 92 / (96 * 1.12)));
    let bestRow = 0;
    let bestCount = 0;
    for (let y = 0; y < png.height; y++) {
      const count = countColourInRow(png, y, '#0072B2', 200, png.width - 40);
      if (count > bestCount) [bestRow, bestCount] = [y, count];
    }
    expect(bestCount).toBeGreaterThan(400); // a dashed line across the plot, not the rising peak line
    expect(Math.abs(bestRow - expectedRow)).toBeLessThanOrEqual(3);
  });

  it.each([
    ['one sample', [{ timestamp: '2024-12-04T10:00:00Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 }]],
    ['all zeros', wanDay().map((s) => ({ ...s, rxMbytes: 0, txMbytes: 0, rxMaxMbps: 0, txMaxMbps: 0 }))],
    ['10 Gbps', wanDay().map((s) => ({ ...s, rxMaxMbps: 10_000, txMaxMbps: 10_000 }))],
    [
      '10,000 samples',
      Array.from({ length: 10_000 }, (_, i) => ({
        timestamp: DAY_START + i * 900_000,
        rxMbytes: i % 500,
        txMbytes: i % 50,
        rxMaxMbps: i % 997,
        txMaxMbps: i % 97,
      })),
    ],
  ])('renders %s', async (_name, samples) => {
    const chart = image(await renderWanChart(analyzeWanStats(samples, { planSpeed: { downloadMbps: 1000 } })));
    expect(decodePng(chart.png).width).toBe(1600);
  });

  it('writes 10 Gbps peaks in Mbps on the chart', async () => {
    const chart = image(await renderWanChart(analyzeWanStats(wanDay().map((s) => ({ ...s, rxMaxMbps: 10_000 })))));
    expect(chart.svg).toContain('p95 ↓ 10,000 Mbps');
  });

  it('gives no picture for no data', async () => {
    await expect(renderWanChart(analyzeWanStats(null))).resolves.toMatchObject({
      kind: 'no-data',
      reason: 'no-samples',
    });
  });
});

describe('renderOnlineChart', () => {
  it('draws the timeline in the state colours', async () => {
    const stats = analyzeOnlineStats(
      onlineSamples(96, 15, (i) => (i >= 40 && i < 48 ? 'offline' : 'online')),
      '24h',
    );
    const chart = image(await renderOnlineChart(stats));
    const png = decodePng(chart.png);
    expect([png.width, png.height]).toEqual([1600, 900]);
    let online = 0;
    let offline = 0;
    for (let y = 0; y < png.height; y += 2) {
      online += countColourInRow(png, y, '#009E73', 0, png.width, 10);
      offline += countColourInRow(png, y, '#D55E00', 0, png.width, 10);
    }
    expect(online).toBeGreaterThan(10_000);
    expect(offline).toBeGreaterThan(100);
    expect(chart.svg).toContain('2 h');
  });

  it.each([
    ['one sample', onlineSamples(1, 60, () => 'online'), '3h'],
    [
      '10,000 samples',
      onlineSamples(10_000, 15, (i) => (i % 7 === 0 ? 'offline' : i % 5 === 0 ? null : 'online')),
      '7d',
    ],
  ] as const)('renders %s', async (_name, samples, range) => {
    const chart = image(await renderOnlineChart(analyzeOnlineStats(samples, range), { width: 700, height: 400 }));
    expect([chart.width, chart.height]).toEqual([1400, 800]);
    expect(decodePng(chart.png).height).toBe(chart.height);
  });
});

describe('charts of a shape drawn before', () => {
  const pixels = (result: ChartResult) => Buffer.from(decodePng(image(result).png).rgba);
  // A size no other test draws, so the first chart of each test is drawn by a new view; two charts
  // drawn at once then take the view the first left (reused) and a new one (fresh).
  const options = { width: 720, height: 400, timeZone: 'Asia/Tokyo' };

  it('come out as a new view draws them, after other data', async () => {
    const day = analyzeWanStats(wanDay());
    // Wider labels: the plot is fitted narrower.
    const wide = analyzeWanStats(
      wanDay().map((s) => ({ ...s, rxMaxMbps: 10_000 })),
      { planSpeed: { downloadMbps: 1000 } },
    );
    const first = pixels(await renderWanChart(day, options));
    const [reused, fresh] = await Promise.all([wide, wide].map((analysis) => renderWanChart(analysis, options)));
    expect(pixels(fresh!).equals(first)).toBe(false);
    expect(pixels(reused!).equals(pixels(fresh!))).toBe(true);
    const again = await Promise.all([day, day].map((analysis) => renderWanChart(analysis, options)));
    expect(again.map((chart) => pixels(chart).equals(first))).toEqual([true, true]);
  });

  it('come out as a new view draws them for the online chart too', async () => {
    const allDay = analyzeOnlineStats(
      onlineSamples(96, 15, () => 'online'),
      '24h',
    );
    const outage = analyzeOnlineStats(
      onlineSamples(96, 15, (i) => (i >= 40 && i < 48 ? 'offline' : 'online')),
      '24h',
    );
    await renderOnlineChart(allDay, { ...options, width: 710 });
    const [reused, fresh] = await Promise.all(
      [outage, outage].map((analysis) => renderOnlineChart(analysis, { ...options, width: 710 })),
    );
    expect(pixels(reused!).equals(pixels(fresh!))).toBe(true);
  });
});
