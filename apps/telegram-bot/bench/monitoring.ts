/**
 * Benchmark of monitoring, run by hand (see README): `npm run bench:monitoring` in apps/telegram-bot.
 * BENCH_LOCATIONS watched locations (default 1,000: 200 customers of 5), each watched by one of
 * BENCH_PEOPLE people (default 100), checked every BENCH_INTERVAL_SECONDS (default 60) by the real
 * bot (monitor, stores, relay) with Telegram played by the sandbox. Plume's token comes from the
 * simulator; the fleet's own calls (`customers.locations`, nodes) are answered in this process from
 * generated state, so that 1,000 locations exist and a state change is an assignment whose time is
 * known. The SDK's limiter is lifted (the budget's own benchmark is the SDK's bench/budget.mjs).
 * Reported, not asserted:
 * - alert latency: BENCH_CHANGES locations (default 100, each of another person) go offline at
 *   random moments over one interval; from each change to its alert in the person's chat, p50, p99
 *   and max (goal: at most one interval + 10 s);
 * - RSS before any watch and with every location watched and checked once, per 1,000 locations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '@org/plume-simulator';
import { startSandbox } from '@org/telegram-sandbox';
import { startApp } from '../src/app';
import { createConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openMonitoringDatabase } from '../src/storage/sqlite-monitoring-db';
import { createWatchStore } from '../src/storage/watch-store';
import { customerId, fleetAnswer, locationId, type Fleet } from './fleet';
import { percentile, seedUsers } from './support';

const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 1000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100);
const INTERVAL_S = Number(process.env.BENCH_INTERVAL_SECONDS ?? 60);
const CHANGES = Math.min(PEOPLE, Number(process.env.BENCH_CHANGES ?? 100));
const PER_CUSTOMER = 5;
const KEY = '00'.repeat(32);

/** The generated fleet: each location online since an hour ago, until told otherwise. */
const fleet: Fleet = { perCustomer: PER_CUSTOMER, onlineSince: Date.now() - 3_600_000, offlineSince: new Map() };

/** Answers the fleet's calls from the generated state; everything else goes to the simulator. */
function fleetFetch(): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = fleetAnswer(fleet, new URL(request.url).pathname);
    if (body === undefined) return fetch(request);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

const memoryMiB = () => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20 };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const simulator = await startSimulator({ port: 0, wafLimit: false });
  const sandbox = await startSandbox({ port: 0, timeoutMs: 10 * 60_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-monitoring-'));
  const ids = Array.from({ length: PEOPLE }, (_, i) => 30_000 + i);
  const location = { customerId: customerId(0), id: locationId(0), name: 'Bench 0' };
  await seedUsers({ dataDir, key: Buffer.from(KEY, 'hex'), ids, credentials: simulator.credentials, location });
  const app = await startApp({
    config: createConfig({
      LOG_LEVEL: 'silent',
      BOT_ENCRYPTION_KEY: KEY,
      MAX_WATCHES_PER_PERSON: String(LOCATIONS),
      WATCH_INTERVAL_SECONDS: String(INTERVAL_S),
    }),
    logger: createLogger({ level: 'silent' }),
    token: sandbox.token,
    apiRoot: sandbox.apiRoot,
    dataDir,
    plume: { ssoUrl: simulator.ssoUrl, apiBase: simulator.apiBase },
    plumeClient: { rateLimit: false, fetch: fleetFetch() },
    chartWorker: new URL('./render-worker.js', import.meta.url),
  });
  const users = ids.map((id) => sandbox.createUser({ id }));
  await sleep(2000);
  const before = memoryMiB();

  // Watches written straight to the bot's database (as /watch would), location l by person l % PEOPLE.
  const database = openMonitoringDatabase(join(dataDir, 'bot.sqlite'));
  const watches = createWatchStore(database);
  for (let p = 0; p < PEOPLE; p++) {
    const targets = [];
    for (let l = p; l < LOCATIONS; l += PEOPLE) {
      const c = Math.floor(l / PER_CUSTOMER);
      targets.push({
        cloud: simulator.apiBase,
        customerId: customerId(c),
        customerName: `Customer ${c}`,
        locationId: locationId(l),
        locationName: `Bench ${l}`,
      });
    }
    await watches.watch(ids[p] as number, targets, LOCATIONS);
  }
  await database.close();
  // Let every customer be checked once (at most twice the steady pace per tick), then measure.
  await sleep(INTERVAL_S * 1000 + 5000);
  const watched = memoryMiB();

  const changes = Array.from({ length: CHANGES }, (_, i) => {
    const person = i;
    const l = person + PEOPLE * Math.floor(Math.random() * Math.floor(LOCATIONS / PEOPLE));
    return { person, l, at: Date.now() + Math.random() * INTERVAL_S * 1000 };
  });
  const latencies = await Promise.all(
    changes.map(async ({ person, l, at }) => {
      await sleep(at - Date.now());
      const changedAt = Date.now();
      fleet.offlineSince.set(l, changedAt);
      await (users[person] as (typeof users)[number]).waitForMessage((m) => (m.text ?? '').includes(`Bench ${l}\n`));
      return Date.now() - changedAt;
    }),
  );
  await app.stop('bench', 1000);
  await sandbox.close();
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `${LOCATIONS} watched locations (${LOCATIONS / PER_CUSTOMER} customers), ${PEOPLE} people, interval ${INTERVAL_S} s`,
  );
  console.log(
    `alert latency over ${CHANGES} changes: p50 ${s(percentile(sorted, 50))} s, p99 ${s(percentile(sorted, 99))} s, max ${s(sorted.at(-1) ?? 0)} s (goal ≤ ${INTERVAL_S + 10} s)`,
  );
  const per1000 = (key: 'rss' | 'heap') => (((watched[key] - before[key]) * 1000) / LOCATIONS).toFixed(1);
  console.log(
    `RSS: ${before.rss.toFixed(1)} MiB before watches, ${watched.rss.toFixed(1)} MiB with them: ${per1000('rss')} MiB per 1,000 watched locations (heap ${before.heap.toFixed(1)} → ${watched.heap.toFixed(1)} MiB: ${per1000('heap')} MiB per 1,000)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
