// Benchmark of the built package: render time per chart (first and warm, p50 and p99), module
// import time, bytes per PNG, and where a warm render's time goes (spec → Vega SVG → resvg PNG,
// measured side by side in the same rounds), in wall and CPU time. Reported, never asserted in tests. Goal: a warm
// 24-hour WAN chart in ≤ 60 ms.
// Run by hand after a build:  npx tsup && node bench/render.mjs   (add --quick for fewer rounds)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 20 : 100;
const GOAL_MS = 60;

if (process.argv[2] === '--child') {
  // One fresh process: how long loading takes and what the first render costs.
  const t0 = performance.now();
  const charts = await import('../dist/index.mjs');
  const { analyzeWanStats } = await import('@org/plume-analytics');
  const t1 = performance.now();
  const { wanDay } = await import('./data.mjs');
  const analysis = analyzeWanStats(wanDay());
  const t2 = performance.now();
  await charts.renderWanChart(analysis);
  const t3 = performance.now();
  await charts.renderWanChart(analysis);
  const t4 = performance.now();
  console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t3 - t2, secondMs: t4 - t3 }));
  process.exit(0);
}

const { renderWanChart, renderOnlineChart, wanChartSpec } = await import('../dist/index.mjs');
const { analyzeOnlineStats, analyzeWanStats } = await import('@org/plume-analytics');
const { wanDay, onlineSamples } = await import('./data.mjs');
const vega = await import('vega');
const vegaLite = await import('vega-lite');
const { Resvg } = await import('@resvg/resvg-js');

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;
/** CPU time of this process (all threads, user + system), ms: less disturbed by other processes' load than wall time. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

// 1. Fresh processes: import and first render.
const fresh = Array.from({ length: quick ? 3 : 5 }, () =>
  JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' })),
);
console.log(`Node ${process.version}, ${ROUNDS} warm rounds per chart`);
console.log(
  `module import (package + analytics, median of ${fresh.length} processes): ${ms(
    quantile(
      fresh.map((f) => f.importMs),
      0.5,
    ),
  )}`,
);
console.log(
  `first WAN render in a fresh process (loads vega, vega-lite, resvg): ${ms(
    quantile(
      fresh.map((f) => f.firstMs),
      0.5,
    ),
  )}, second: ${ms(
    quantile(
      fresh.map((f) => f.secondMs),
      0.5,
    ),
  )}`,
);

// 2. Warm renders, the charts taking turns round after round so load hits them alike.
const charts = {
  'WAN 24 h': () => renderWanChart(analyzeWanStats(wanDay()), { timeZone: 'Europe/Berlin' }),
  'WAN 24 h, scale 1': () => renderWanChart(analyzeWanStats(wanDay()), { timeZone: 'Europe/Berlin', scale: 1 }),
  'online 24 h': () => renderOnlineChart(analyzeOnlineStats(onlineSamples(1), '24h')),
  'online 7 days': () => renderOnlineChart(analyzeOnlineStats(onlineSamples(7), '7d')),
};
const times = Object.fromEntries(Object.keys(charts).map((name) => [name, []]));
const cpuTimes = Object.fromEntries(Object.keys(charts).map((name) => [name, []]));
const bytes = {};
for (const render of Object.values(charts)) await render(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, render] of Object.entries(charts)) {
    const t = performance.now();
    const c = cpuMs();
    const result = await render();
    times[name].push(performance.now() - t);
    cpuTimes[name].push(cpuMs() - c);
    bytes[name] = result.png.length;
  }
}
console.log('\nchart               wall p50   wall p99   CPU p50    CPU p99    PNG bytes');
for (const name of Object.keys(charts)) {
  const cells = [
    quantile(times[name], 0.5),
    quantile(times[name], 0.99),
    quantile(cpuTimes[name], 0.5),
    quantile(cpuTimes[name], 0.99),
  ].map((value) => ms(value).padStart(9));
  console.log(`${name.padEnd(18)}  ${cells.join('  ')}  ${String(bytes[name]).padStart(9)}`);
}

// 3. Where the time goes: the stages of one warm WAN render, side by side in the same rounds.
const stages = {
  spec: [],
  'vega-lite compile': [],
  'vega SVG': [],
  'resvg parse + fonts': [],
  'resvg raster': [],
  'PNG encode': [],
};
const analysis = analyzeWanStats(wanDay());
const logger = vega.logger(vega.None);
const fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  fileURLToPath(new URL(`../fonts/${f}`, import.meta.url)),
);
for (let round = 0; round < ROUNDS; round++) {
  let t = cpuMs();
  const built = wanChartSpec(analysis, { timeZone: 'Europe/Berlin' });
  stages.spec.push(cpuMs() - t);
  t = cpuMs();
  const compiled = vegaLite.compile(built.spec, { logger }).spec;
  stages['vega-lite compile'].push(cpuMs() - t);
  t = cpuMs();
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  const svg = await view.toSVG();
  view.finalize();
  stages['vega SVG'].push(cpuMs() - t);
  t = cpuMs();
  const font = { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' };
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font });
  stages['resvg parse + fonts'].push(cpuMs() - t);
  t = cpuMs();
  const rendered = resvg.render();
  stages['resvg raster'].push(cpuMs() - t);
  t = cpuMs();
  rendered.asPng();
  stages['PNG encode'].push(cpuMs() - t);
}
const total = Object.values(stages).reduce((sum, list) => sum + quantile(list, 0.5), 0);
console.log('\nwarm WAN render by stage (CPU p50, share of their sum)');
for (const [name, list] of Object.entries(stages)) {
  const p50 = quantile(list, 0.5);
  console.log(`${name.padEnd(18)}  ${ms(p50).padStart(9)}  ${((p50 / total) * 100).toFixed(0).padStart(3)} %`);
}
const scaleRatio = quantile(times['WAN 24 h'], 0.5) / quantile(times['WAN 24 h, scale 1'], 0.5);
console.log(`\nscale 2 ÷ scale 1 (warm WAN p50): ${scaleRatio.toFixed(2)}×`);
const warm = quantile(times['WAN 24 h'], 0.5);
const warmCpu = quantile(cpuTimes['WAN 24 h'], 0.5);
const verdict = (value) => (value <= GOAL_MS ? 'PASS' : 'FAIL');
console.log(
  `goal: warm 24-hour WAN chart ≤ ${GOAL_MS} ms: wall ${verdict(warm)} (${ms(warm)}), CPU ${verdict(warmCpu)} (${ms(warmCpu)})`,
);
