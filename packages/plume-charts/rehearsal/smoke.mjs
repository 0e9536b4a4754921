// Publish-rehearsal smoke test: the installed package, loaded by ESM import() (kind 'esm') or CJS
// require() (kind 'cjs'), draws real charts from @org/plume-analytics results. Throws on the first
// wrong result.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default async function smoke(lib, kind) {
  const check = (condition, message) => {
    if (!condition) throw new Error(`plume-charts smoke (${kind}): ${message}`);
  };
  const { analyzeWanStats, analyzeOnlineStats } = require('@org/plume-analytics');
  const { renderWanChart, renderOnlineChart, wanChartSpec, ChartsError, isChartsError } = lib;

  const start = Date.UTC(2024, 11, 4);
  const day = Array.from({ length: 96 }, (_, i) => ({
    timestamp: new Date(start + i * 900_000).toISOString(),
    rxMbytes: 90,
    txMbytes: 9,
    rxMaxMbps: i + 1,
    txMaxMbps: (i + 1) / 10,
  }));
  const wan = await renderWanChart(analyzeWanStats(day), { width: 400, height: 240, timeZone: 'Europe/Berlin' });
  check(wan.kind === 'chart', `wan chart kind ${wan.kind}`);
  check(wan.width === 800 && wan.height === 480, `wan size ${wan.width}×${wan.height}`);
  const signature = [0x89, 0x50, 0x4e, 0x47];
  check(
    signature.every((byte, i) => wan.png[i] === byte),
    'the PNG starts with the PNG signature',
  );
  check(wan.svg.includes('p95 ↓ 92 Mbps') && wan.svg.includes('Europe/Berlin'), 'the SVG has its labels');

  const samples = Array.from({ length: 24 }, (_, i) => ({
    timestamp: start + i * 3_600_000,
    value: i === 5 ? 'offline' : 'online',
  }));
  const online = await renderOnlineChart(analyzeOnlineStats(samples, '24h'));
  check(online.kind === 'chart' && online.png.length > 1000, 'online chart');

  const none = await renderWanChart(analyzeWanStats([]));
  check(none.kind === 'no-data' && none.reason === 'no-samples', 'no-data result');
  check(wanChartSpec(analyzeWanStats(day)).kind === 'spec', 'spec builder');

  let error;
  try {
    wanChartSpec(analyzeWanStats(day), { width: 1 });
  } catch (caught) {
    error = caught;
  }
  check(error instanceof ChartsError && isChartsError(error) && error.code === 'INVALID_OPTION', 'typed option error');
}
