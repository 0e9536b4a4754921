/**
 * Benchmark of /status while monitoring is idle versus saturating its lane of the Plume budget, run
 * by hand (see README): `npm run bench:status-monitoring` in apps/telegram-bot. A child process runs
 * the simulator, a loopback Plume API in front of it that adds a generated fleet of BENCH_CUSTOMERS
 * customers (default 60, one location each, answered after the same latency L), the Telegram
 * sandbox and BENCH_PEOPLE people (default 2) who each send /status, wait for the answer, pause
 * (exponential, mean BENCH_THINK_MS, default 3000) and again. This process runs only the bot, with
 * its real budget (6 calls/s; monitoring in the background lane). Phases alternate, BENCH_ROUNDS
 * times (default 3), BENCH_SECONDS each (default 60): idle (nothing watched), then saturated (every
 * fleet location watched, checked every 10 s: about 6 calls/s wanted, more than the lane allows).
 * Reported, not asserted: /status p50 and p99 per phase, their ratio (goal ≤ 1.2×), and the
 * fleet's calls per second in each phase (the lane's pace when saturated).
 *
 * Environment: BENCH_LATENCY_MS (L, default 50).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtures, startSimulator } from '@org/plume-simulator';
import { startSandbox, type SandboxUser } from '@org/telegram-sandbox';
import { startApp } from '../src/app';
import { createConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openMonitoringDatabase } from '../src/storage/sqlite-monitoring-db';
import { createWatchStore } from '../src/storage/watch-store';
import { customerId, locationId } from './fleet';
import { startFleetProxy } from './fleet-proxy';
import { percentile, seedUsers } from './support';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 60);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const INTERVAL_S = 10;
const KEY = '00'.repeat(32);
const WATCHER = 50_000;

type Phase = 'idle' | 'saturated';
type ToLoad = { type: 'measure'; phase: Phase; seconds: number } | { type: 'calls' } | { type: 'close' };
type FromLoad =
  | {
      type: 'ready';
      token: string;
      apiRoot: string;
      ssoUrl: string;
      apiBase: string;
      authorization: string;
      partnerId: string;
      location: { customerId: string; id: string; name: string };
    }
  | { type: 'measured'; samples: number[]; fleetCalls: number; seconds: number }
  | { type: 'calls'; fleetCalls: number };

const next = () => new Promise<ToLoad>((resolve) => process.once('message', (m) => resolve(m as ToLoad)));

/** One /status, from send to the answer, in ms. */
async function status(user: SandboxUser): Promise<number> {
  const started = performance.now();
  await user.send('/status');
  await user.lastMessage({ timeoutMs: 60_000 });
  return performance.now() - started;
}

/** The load process: simulator, fleet proxy, sandbox and the people sending /status. */
async function runLoad(): Promise<void> {
  const simulator = await startSimulator({ port: 0, latencyMs: LATENCY_MS, wafLimit: false });
  const fleet = { perCustomer: 1, onlineSince: Date.now() - 3_600_000, offlineSince: new Map<number, number>() };
  const proxy = await startFleetProxy({ fleet, upstream: simulator.url, latencyMs: LATENCY_MS });
  const sandbox = await startSandbox({ port: 0, timeoutMs: 60_000 });
  const { customerId: cid, id, name } = fixtures.locations.adaBeach;
  const send = (message: FromLoad) => process.send?.(message);
  send({
    type: 'ready',
    token: sandbox.token,
    apiRoot: sandbox.apiRoot,
    ssoUrl: simulator.ssoUrl,
    apiBase: proxy.apiBase,
    ...simulator.credentials,
    location: { customerId: cid, id, name },
  });
  const users = Array.from({ length: PEOPLE }, (_, i) => sandbox.createUser({ id: 10_000 + i }));
  await Promise.all(users.map(status)); // warm-up: token, JIT, SQLite pages
  for (let message = await next(); message.type !== 'close'; message = await next()) {
    if (message.type === 'calls') {
      send({ type: 'calls', fleetCalls: proxy.fleetCalls() });
      continue;
    }
    const samples: number[] = [];
    const callsBefore = proxy.fleetCalls();
    const began = performance.now();
    const deadline = began + message.seconds * 1000;
    await Promise.all(
      users.map(async (user) => {
        while (performance.now() < deadline) {
          samples.push(await status(user));
          await sleep(-Math.log(1 - Math.random()) * THINK_MS);
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    send({ type: 'measured', samples, fleetCalls: proxy.fleetCalls() - callsBefore, seconds });
  }
  await sandbox.close();
  await proxy.close();
  await simulator.close();
  process.exit(0);
}

function receive<T extends FromLoad['type']>(child: ChildProcess, type: T): Promise<Extract<FromLoad, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (message: FromLoad) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message as Extract<FromLoad, { type: T }>);
    };
    child.on('message', listener);
  });
}

async function fleetCallsPerSecond(child: ChildProcess, overMs: number): Promise<number> {
  child.send({ type: 'calls' } satisfies ToLoad);
  const before = (await receive(child, 'calls')).fleetCalls;
  await sleep(overMs);
  child.send({ type: 'calls' } satisfies ToLoad);
  return (((await receive(child, 'calls')).fleetCalls - before) * 1000) / overMs;
}

async function main(): Promise<void> {
  const child = fork(process.argv[1] ?? '', ['--load'], { stdio: 'inherit' });
  const servers = await receive(child, 'ready');
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-status-monitoring-'));
  const ids = [...Array.from({ length: PEOPLE }, (_, i) => 10_000 + i), WATCHER];
  await seedUsers({ dataDir, key: Buffer.from(KEY, 'hex'), ids, credentials: servers, location: servers.location });
  const app = await startApp({
    config: createConfig({
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
      BOT_ENCRYPTION_KEY: KEY,
      MAX_WATCHES_PER_PERSON: String(CUSTOMERS),
      WATCH_INTERVAL_SECONDS: String(INTERVAL_S),
    }),
    logger: createLogger({ level: 'silent' }),
    token: servers.token,
    apiRoot: servers.apiRoot,
    dataDir,
    chartWorker: new URL('./render-worker.js', import.meta.url),
    plume: { ssoUrl: servers.ssoUrl, apiBase: servers.apiBase },
  });
  const database = openMonitoringDatabase(join(dataDir, 'bot.sqlite'));
  const watches = createWatchStore(database);
  const targets = Array.from({ length: CUSTOMERS }, (_, c) => ({
    cloud: servers.apiBase,
    customerId: customerId(c),
    customerName: `Customer ${c}`,
    locationId: locationId(c),
    locationName: `Bench ${c}`,
  }));

  const samples: Record<Phase, number[]> = { idle: [], saturated: [] };
  const rates: Record<Phase, number[]> = { idle: [], saturated: [] };
  const measure = async (phase: Phase) => {
    child.send({ type: 'measure', phase, seconds: SECONDS } satisfies ToLoad);
    const result = await receive(child, 'measured');
    samples[phase].push(...result.samples);
    rates[phase].push(result.fleetCalls / result.seconds);
  };
  for (let round = 0; round < ROUNDS; round++) {
    await measure('idle');
    await watches.watch(WATCHER, targets, CUSTOMERS);
    // Saturated once the first checks (each customer's state and nodes) have passed.
    await sleep(2 * INTERVAL_S * 1000);
    await measure('saturated');
    for (const watch of await watches.list(WATCHER)) await watches.unwatch(WATCHER, watch.monitoredId);
    // Idle again once the checks already started have drained.
    while ((await fleetCallsPerSecond(child, 3000)) > 0);
  }
  child.send({ type: 'close' } satisfies ToLoad);
  await database.close();
  await app.stop('bench', 1000);
  rmSync(dataDir, { recursive: true, force: true });

  const ms = (v: number) => v.toFixed(0);
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' ',
      )}; L = ${LATENCY_MS} ms, ${PEOPLE} people, ${CUSTOMERS} customers watched every ${INTERVAL_S} s, ${ROUNDS} × ${SECONDS} s per phase`,
  );
  console.log('| monitoring | /status answers | p50 ms | p99 ms | fleet calls/s |');
  console.log('|---|---:|---:|---:|---:|');
  for (const phase of ['idle', 'saturated'] as const) {
    const values = samples[phase];
    console.log(
      `| ${phase} | ${values.length} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 99))} | ${mean(rates[phase]).toFixed(2)} |`,
    );
  }
  const ratio = (p: number) => (percentile(samples.saturated, p) / percentile(samples.idle, p)).toFixed(2);
  console.log(`\nsaturated ÷ idle: p50 ${ratio(50)}×, p99 ${ratio(99)}× (goal ≤ 1.2×)`);
}

if (process.argv.includes('--load')) {
  void runLoad();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
