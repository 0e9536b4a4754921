// Benchmark of @org/plume-analytics against sort-based baselines, on the built package.
// Run by hand after a build:  npx tsup && node bench/benchmark.mjs   (add --quick for 1e3…1e5 only)
// Figures are reported, never asserted in tests; the last results are recorded in the README.
import { analyzeLocationHealth, analyzeOnlineStats, analyzeWanStats, percentile } from '../dist/index.mjs';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1e3, 1e4, 1e5] : [1e3, 1e4, 1e5, 1e6];
const START = Date.UTC(2024, 0, 1);

/** A deterministic PRNG (mulberry32), so every run measures the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Median wall times of several functions measured side by side, ms: each is warmed up (JIT), then
 * every round calls each function once, in turn, until every one has run `minRuns` times and the
 * time budget is spent (at most `maxRuns`). Interleaving means a burst of load from other processes
 * hits all of them alike, so the ratios between them stay meaningful on a shared machine.
 */
function measureTogether(fns, { minRuns = 5, maxRuns = 50, budgetMs = 1500 } = {}) {
  for (const fn of fns) {
    const warm = performance.now() + 300;
    for (let i = 0; i < 20 && performance.now() < warm; i++) fn();
  }
  const times = fns.map(() => []);
  const deadline = performance.now() + budgetMs;
  for (let round = 0; round < maxRuns && (round < minRuns || performance.now() < deadline); round++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      fn();
      times[i].push(performance.now() - t0);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

/** Median wall time of one function, ms. */
const measure = (fn) => measureTogether([fn])[0];

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

/** The sort-based definition: copy, sort ascending, take the ⌈p·n/100⌉-th. */
const sortedRank = (sorted, p) => {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p * sorted.length) / 100)));
  return sorted[rank - 1];
};
const byArraySort = (values, p) =>
  sortedRank(
    [...values].sort((a, b) => a - b),
    p,
  );
const byTypedSort = (values, p) => sortedRank(Float64Array.from(values).sort(), p);

function benchPercentile() {
  console.log('\n## percentile(values, 95): selection vs sorting a copy\n');
  console.log('| n | percentile | Array sort | Float64Array sort | vs Array sort | vs typed sort |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  const rows = [];
  for (const n of SIZES) {
    const next = random(n);
    const values = Array.from({ length: n }, () => next() * 1000);
    if (percentile(values, 95) !== byTypedSort(values, 95)) throw new Error(`mismatch at n=${n}`);
    const [select, arraySort, typedSort] = measureTogether([
      () => percentile(values, 95),
      () => byArraySort(values, 95),
      () => byTypedSort(values, 95),
    ]);
    rows.push({ n, select, typedSort });
    const ratios = `${(arraySort / select).toFixed(1)}× | ${(typedSort / select).toFixed(1)}×`;
    console.log(`| ${n.toExponential(0)} | ${fmt(select)} | ${fmt(arraySort)} | ${fmt(typedSort)} | ${ratios} |`);
  }
  const last = rows.at(-1);
  const speedUp = last.typedSort / last.select;
  const verdict = speedUp >= 2 ? 'PASS' : 'FAIL';
  console.log(
    `\ncheck: selection ≥ 2× faster than the fastest sort at n=${last.n.toExponential(0)}: ${verdict} (${speedUp.toFixed(1)}×)`,
  );
}

/** n 15-minute samples from 2024-01-01, about 1 % of them with a null, ascending. */
function wanSamples(n, seed) {
  const next = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const busy = 1 + 3 * Math.max(0, Math.sin(((i % 96) / 96) * 2 * Math.PI));
    return {
      timestamp: new Date(START + i * 900_000).toISOString(),
      rxMbytes: next() < 0.01 ? null : Math.round(next() * 900 * busy),
      txMbytes: Math.round(next() * 90 * busy),
      rxMaxMbps: next() * 300 * busy,
      txMaxMbps: next() * 30 * busy,
    };
  });
}

/** The old bot's way, as a baseline: filter, sort by time, sum, and sort each direction's rates for p95. */
function wanBySorting(samples) {
  const valid = samples
    .filter((s) => s.rxMbytes != null && s.txMbytes != null && s.rxMaxMbps != null && s.txMaxMbps != null)
    .map((s) => ({ ...s, t: Date.parse(s.timestamp) }))
    .sort((a, b) => a.t - b.t);
  const direction = (rate, bytes) => {
    let peak = -Infinity;
    let sum = 0;
    let total = 0;
    for (const s of valid) {
      if (s[rate] > peak) peak = s[rate];
      sum += s[rate];
      total += s[bytes];
    }
    const sorted = valid.map((s) => s[rate]).sort((a, b) => a - b);
    return { peak, mean: sum / valid.length, total, p95: sortedRank(sorted, 95) };
  };
  const hours = new Float64Array(24);
  for (const s of valid) hours[new Date(s.t).getUTCHours()] += s.rxMaxMbps;
  return { rx: direction('rxMaxMbps', 'rxMbytes'), tx: direction('txMaxMbps', 'txMbytes'), hours };
}

function benchWan() {
  console.log('\n## analyzeWanStats(samples): whole analysis, cost per sample\n');
  console.log('| n | analyzeWanStats | per sample | sort-based baseline | per sample | speed-up |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  // Every size and both implementations in the same rounds, so the per-sample costs compared below
  // (1e4 against 1e6) are measured side by side rather than minutes apart.
  // Below 1e5 samples a timed run repeats the call so that it covers 1e5 samples (a few ms), and the
  // time is divided back: sub-millisecond single calls are mostly timer and scheduling noise.
  const reps = (n) => Math.max(1, Math.round(1e5 / n));
  const repeat = (n, fn) => () => {
    for (let r = reps(n); r > 0; r--) fn();
  };
  const sets = SIZES.map((n) => wanSamples(n, 7));
  const fns = sets.flatMap((samples) => [
    repeat(samples.length, () => analyzeWanStats(samples)),
    repeat(samples.length, () => wanBySorting(samples)),
  ]);
  const times = measureTogether(fns, { minRuns: 5, maxRuns: 15, budgetMs: 10_000 });
  const perSample = new Map();
  SIZES.forEach((n, i) => {
    const [ours, baseline] = [times[2 * i] / reps(n), times[2 * i + 1] / reps(n)];
    perSample.set(n, ours / n);
    const ns = (ms) => `${((ms / n) * 1e6).toFixed(0)} ns`;
    console.log(
      `| ${n.toExponential(0)} | ${fmt(ours)} | ${ns(ours)} | ${fmt(baseline)} | ${ns(baseline)} | ${(baseline / ours).toFixed(1)}× |`,
    );
  });
  const biggest = SIZES.at(-1);
  const ratio = perSample.get(biggest) / perSample.get(1e4);
  const verdict = ratio <= 2 ? 'PASS' : 'FAIL';
  console.log(
    `\ncheck: cost per sample at ${biggest.toExponential(0)} within 2× of 1e4 (linear): ${verdict} (${ratio.toFixed(2)}×)`,
  );
}

function benchFleet() {
  const LOCATIONS = quick ? 1000 : 10_000;
  console.log(`\n## Fleet: ${LOCATIONS.toLocaleString('en-US')} locations × 96 samples (one day each)\n`);
  const wan = Array.from({ length: LOCATIONS }, (_, i) => wanSamples(96, i + 1));
  const online = wan.map((day, i) =>
    day.map((s, j) => ({ timestamp: s.timestamp, value: (i + j) % 97 === 0 ? 'offline' : 'online' })),
  );
  const nodes = Array.from({ length: 4 }, (_, i) => ({
    id: `N${i}`,
    defaultName: `Pod ${i}`,
    connectionState: i === 3 ? 'disconnected' : 'connected',
    health: { status: 'good' },
    backhaulType: 'wifi',
    alerts: [],
    connectedDeviceCount: 5,
  }));
  const health = { location: { name: 'Home', serviceLevel: { status: 'fullService' } }, nodes };
  const cases = [
    [
      'analyzeWanStats, UTC',
      () => {
        for (const day of wan) analyzeWanStats(day);
      },
    ],
    [
      'analyzeWanStats, Europe/Berlin',
      () => {
        for (const day of wan) analyzeWanStats(day, { timeZone: 'Europe/Berlin' });
      },
    ],
    [
      'analyzeOnlineStats, 24h',
      () => {
        for (const day of online) analyzeOnlineStats(day, '24h');
      },
    ],
    [
      'analyzeLocationHealth, 4 pods',
      () => {
        for (let i = 0; i < LOCATIONS; i++) analyzeLocationHealth(health);
      },
    ],
  ];
  console.log('| analysis | whole fleet | per location |');
  console.log('|---|---:|---:|');
  for (const [name, run] of cases) {
    const ms = measure(run);
    console.log(`| ${name} | ${fmt(ms)} | ${fmt(ms / LOCATIONS)} |`);
  }
}

const today = new Date().toISOString().slice(0, 10);
console.log(`# @org/plume-analytics benchmark: Node ${process.version}, ${today}${quick ? ' (quick)' : ''}`);
benchPercentile();
benchWan();
benchFleet();
