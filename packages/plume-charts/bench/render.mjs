// Benchmark of the built package: render time per chart (first and warm, p50 and p99), module
// import time, bytes per PNG, and where a warm render's time goes: the Vega stages, and the ways of
// turning the SVG into a PNG side by side in the same rounds (bench/pipelines.mjs), in wall and
// CPU time. Reported, never asserted in tests. Goal: a warm 24-hour WAN chart in ≤ 60 ms.
// Run:  npm run nx -- run plume-charts:bench   (or, in this folder, npm run bench; add -- --quick
// for 20 rounds instead of 100)
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
if (process.argv[2] === '--child-resvg') {
  // One fresh process: loading one resvg build and its first SVG → PNG (the SVG comes on stdin).
  const { firstUse } = await import('./pipelines.mjs');
  const { readFileSync } = await import('node:fs');
  console.log(JSON.stringify(await firstUse(process.argv[3], readFileSync(0, 'utf8'))));
  process.exit(0);
}

const { renderWanChart, renderOnlineChart, wanChartSpec } = await import('../dist/index.mjs');
const { analyzeOnlineStats, analyzeWanStats } = await import('@org/plume-analytics');
const { wanDay, onlineSamples } = await import('./data.mjs');
const vega = await import('vega');
const vegaLite = await import('vega-lite');
const { cpuMs, pipelines } = await import('./pipelines.mjs');

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;

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

// The resvg builds on first use, each in fresh processes, taking turns.
{
  const built = wanChartSpec(analyzeWanStats(wanDay()), { timeZone: 'Europe/Berlin' });
  const quiet = vega.logger(vega.None);
  const compiled = vegaLite.compile(built.spec, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: quiet });
  const svg = await view.toSVG();
  view.finalize();
  const runs = { native: [], wasm: [] };
  for (let i = 0; i < fresh.length; i++) {
    for (const kind of Object.keys(runs)) {
      const args = [fileURLToPath(import.meta.url), '--child-resvg', kind];
      runs[kind].push(JSON.parse(execFileSync(process.execPath, args, { input: svg, encoding: 'utf8' })));
    }
  }
  for (const [kind, list] of Object.entries(runs)) {
    const load = ms(
      quantile(
        list.map((r) => r.loadMs),
        0.5,
      ),
    );
    const renders = list[0].renders.map((_, i) =>
      quantile(
        list.map((r) => r.renders[i]),
        0.5,
      ).toFixed(0),
    );
    console.log(
      `resvg ${kind.padEnd(6)} in a fresh process: load ${load}, SVG → PNG 1st to 10th: ${renders.join(', ')} ms`,
    );
  }
}

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

// 3. Where the time goes: a warm WAN render by stage, and the SVG → PNG pipelines side by side
// in the same rounds (the ratios are the steady figures on a loaded machine).
const analysis = analyzeWanStats(wanDay());
const logger = vega.logger(vega.None);
const ways = await pipelines();
const stages = { spec: [], 'vega-lite compile': [], 'vega SVG': [] };
const ways50 = Object.fromEntries(Object.keys(ways).map((name) => [name, { wall: [], cpu: [], bytes: 0, stages: {} }]));
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
  for (const [name, way] of Object.entries(ways)) {
    const record = ways50[name];
    const wall = performance.now();
    const cpu = cpuMs();
    const result = await way(svg, 2);
    record.wall.push(performance.now() - wall);
    record.cpu.push(cpuMs() - cpu);
    record.bytes = result.bytes;
    for (const [stage, value] of Object.entries(result.stages)) (record.stages[stage] ??= []).push(value);
  }
}
console.log('\nwarm WAN render, Vega stages (CPU p50)');
for (const [name, list] of Object.entries(stages))
  console.log(`${name.padEnd(18)}  ${ms(quantile(list, 0.5)).padStart(9)}`);
const before = Object.values(ways50)[0];
console.log(
  '\nSVG → PNG at 2× (same SVG, same rounds)  wall p50  CPU p50  ÷ before   parse   raster   encode   PNG bytes',
);
for (const [name, record] of Object.entries(ways50)) {
  const p50 = (list) => quantile(list, 0.5);
  const ratio = p50(record.cpu) / p50(before.cpu);
  const cells = [p50(record.wall), p50(record.cpu)].map((v) => ms(v).padStart(9));
  const stageCells = ['parse', 'raster', 'encode'].map((s) => ms(p50(record.stages[s])).padStart(8));
  console.log(
    `${name.padEnd(40)} ${cells.join('')}  ${ratio.toFixed(2).padStart(6)}× ${stageCells.join('')}  ${String(record.bytes).padStart(9)}`,
  );
}
const scaleRatio = quantile(times['WAN 24 h'], 0.5) / quantile(times['WAN 24 h, scale 1'], 0.5);
console.log(`\nscale 2 ÷ scale 1 (warm WAN p50): ${scaleRatio.toFixed(2)}×`);
const warm = quantile(times['WAN 24 h'], 0.5);
const warmCpu = quantile(cpuTimes['WAN 24 h'], 0.5);
const verdict = (value) => (value <= GOAL_MS ? 'PASS' : 'FAIL');
console.log(
  `goal: warm 24-hour WAN chart ≤ ${GOAL_MS} ms: wall ${verdict(warm)} (${ms(warm)}), CPU ${verdict(warmCpu)} (${ms(warmCpu)})`,
);
