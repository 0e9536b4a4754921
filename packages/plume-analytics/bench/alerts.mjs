// Benchmark of the alert state machine on the built package: observations per second over 10,000
// locations (target ≥ 100,000/s, so it is never the bottleneck of a poller), side by side with the
// health analysis the machine runs inside, in CPU time. Reported, never asserted in tests.
// Run by hand after a build:  npx tsup && node bench/alerts.mjs   (add --quick for fewer cycles)
import { analyzeLocationHealth, evaluateFleet, evaluateLocation } from '../dist/index.mjs';

const quick = process.argv.includes('--quick');
const LOCATIONS = 10_000;
const CYCLES = quick ? 4 : 12;
const TARGET = 100_000;
const T0 = Date.UTC(2024, 11, 4);

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
 * Poll cycles 5 minutes apart over the fleet. Each location has 4 pods; some are offline, lose a
 * pod or have a pod in fair health for a while (below), and 1 % of polls fail. `extra` adds what
 * a full check fetches: the last hour of WAN samples, the gateway's speed test (a new one every
 * third poll) and Plume's alerts. WAN buckets are 15 minutes long, so at 5-minute polls a new
 * window comes every third poll (`wanEvery: 3`); `wanEvery: 1` is the worst case, a new window
 * (a WAN analysis) with every observation.
 */
function cycles(extra, wanEvery = 3) {
  const next = random(7);
  return Array.from({ length: CYCLES }, (_, cycle) => {
    const at = T0 + cycle * 300_000;
    const observations = Array.from({ length: LOCATIONS }, (_, i) => {
      const locationId = `L${i}`;
      if (next() < 0.01) return { locationId, at, failed: true };
      // Conditions last: one location in 50 is offline 4 polls in 12, one in 33 loses a pod 3
      // polls in 8, one in 20 has a pod in fair health throughout.
      const offline = i % 50 === 0 && (cycle + i) % 12 < 4;
      const podDown = i % 33 === 1 && (cycle + i) % 8 < 3;
      const nodes = ['A', 'B', 'C', 'D'].map((id, p) => ({
        id: `${locationId}-${id}`,
        connectionState: offline || (p === 3 && podDown) ? 'disconnected' : 'connected',
        health: { status: p === 1 && i % 20 === 2 ? 'fair' : 'excellent' },
        ...(extra && p === 0
          ? {
              networkMode: 'router',
              speedTest: {
                status: 'succeeded',
                download: 200 + 50 * next(),
                startedAt: new Date(at - 3_600_000 * (cycle % 3)).toISOString(),
              },
            }
          : {}),
      }));
      const observation = {
        locationId,
        at,
        networkStatus: { status: offline ? 'offline' : 'online', statusChangedAt: '2024-12-01T00:00:00.000Z' },
        nodes,
      };
      if (!extra) return observation;
      const newest = T0 + Math.floor(cycle / wanEvery) * wanEvery * 300_000;
      const wanSamples = [0, 1, 2, 3].map((k) => ({
        timestamp: new Date(newest - k * 900_000).toISOString(),
        rxMbytes: 100,
        txMbytes: 10,
        rxMaxMbps: 60 + 40 * next(),
        txMaxMbps: 5,
      }));
      return {
        ...observation,
        wanSamples,
        planSpeed: { downloadMbps: 100, uploadMbps: 20 },
        plumeAlerts: next() < 0.02 ? ['highInterference'] : [],
      };
    });
    return { at, observations };
  });
}

/** CPU time of this process (all its threads, garbage collection included) while `fn` runs, ms. */
function cpuMs(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Median CPU times of several functions measured side by side, ms: each is warmed up, then every
 * round calls each once, in turn. CPU time, not wall time: on a shared machine other jobs take
 * turns on the cores, which stretches wall time but not the work done here.
 */
function measureTogether(fns, { minRuns = 3, maxRuns = 15, budgetMs = 20_000 } = {}) {
  for (const fn of fns) fn();
  const times = fns.map(() => []);
  const deadline = performance.now() + budgetMs;
  for (let round = 0; round < maxRuns && (round < minRuns || performance.now() < deadline); round++) {
    fns.forEach((fn, i) => times[i].push(cpuMs(fn)));
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

const perSecond = (ms) => Math.round((LOCATIONS * CYCLES) / (ms / 1000));
const fmt = (n) => n.toLocaleString('en-US');

function fleetRun(batches) {
  let state = null;
  let decisions = 0;
  for (const batch of batches) {
    const result = evaluateFleet(state, batch);
    state = result.state;
    decisions += result.decisions.length;
  }
  return decisions;
}

function locationRun(batches) {
  const states = new Map();
  let decisions = 0;
  for (const batch of batches) {
    for (const observation of batch.observations) {
      const result = evaluateLocation(states.get(observation.locationId) ?? null, observation);
      states.set(observation.locationId, result.state);
      decisions += result.decisions.length;
    }
  }
  return decisions;
}

function healthRun(batches) {
  let offline = 0;
  for (const batch of batches) {
    for (const o of batch.observations) {
      if (analyzeLocationHealth({ location: { networkStatus: o.networkStatus }, nodes: o.nodes }).online === false)
        offline++;
    }
  }
  return offline;
}

console.log(`\n## Alert state machine: ${fmt(LOCATIONS)} locations × ${CYCLES} poll cycles\n`);
console.log(
  '| observations | evaluateFleet | evaluateLocation (one by one) | analyzeLocationHealth alone | machine ÷ health |',
);
console.log('|---|---:|---:|---:|---:|');
let slowest = Infinity;
for (const [label, extra, wanEvery] of [
  ['status + 4 pods', false, 3],
  ['+ WAN hour (new every 3rd poll), speed test, Plume alerts', true, 3],
  ['+ WAN hour new at every poll (worst case)', true, 1],
]) {
  const batches = cycles(extra, wanEvery);
  const [fleet, one, health] = measureTogether([
    () => fleetRun(batches),
    () => locationRun(batches),
    () => healthRun(batches),
  ]);
  if (wanEvery === 3) slowest = Math.min(slowest, perSecond(fleet), perSecond(one));
  console.log(
    `| ${label} | ${fmt(perSecond(fleet))}/s | ${fmt(perSecond(one))}/s | ${fmt(perSecond(health))}/s | ${(fleet / health).toFixed(1)}× |`,
  );
}
console.log(
  `\ntarget: ≥ ${fmt(TARGET)} observations/s at 5-minute polls: ${slowest >= TARGET ? 'PASS' : 'FAIL'} (slowest ${fmt(slowest)}/s)`,
);
