import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseDatabaseUrl } from '../src/database-url';
import { customerId, locationId, type Fleet } from './fleet';
import { startFleetProxy, type FleetCall } from './fleet-proxy';
import { BENCH_KEY, type ReplicaServers } from './replica-servers';
import { seedUsers, seedWatches } from './support';
import { percentile } from './support';

/** Plume's latency for the fleet's calls: long enough that some checks are in flight at a kill. */
const FLEET_LATENCY_MS = 200;
/** Intervals left to the first checks (tokens, every location's first node list), then measured. */
const WARM_INTERVALS = 4;
const MEASURED_INTERVALS = 3;
const OWNER = 90_000;

/** What {@link measureChecks} found. */
export interface Checks {
  replicas: number;
  /** Customer checks (one `locations` call each) per interval, on average. */
  perInterval: number;
  /** Times a customer was checked again less than half an interval after its last check. */
  twiceInInterval: number;
  /** Every Plume call of the fleet per second, on average. */
  callsPerSecond: number;
  /** The most calls that arrived within any one second. */
  maxInOneSecond: number;
  /** With `failover`: what happened after the kill -9, in words. */
  failover?: string;
}

const isCheck = (call: FleetCall) => call.path.endsWith('/locations');

/** The most calls in any window of `windowMs` (their arrival times). */
function densest(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Checks made again less than half an interval after the customer's previous one. */
function repeated(checks: readonly FleetCall[], intervalMs: number): number {
  const last = new Map<string, number>();
  let twice = 0;
  for (const call of checks) {
    const before = last.get(call.path);
    if (before !== undefined && call.at - before < intervalMs / 2) twice++;
    last.set(call.path, call.at);
  }
  return twice;
}

/** After a kill at `killedAt`: when the checks it cut off were made again, and the longest gap of any customer. */
function failoverReport(log: readonly FleetCall[], killedAt: number, intervalMs: number): string {
  const checks = log.filter(isCheck);
  const cut = checks.filter((c) => c.outcome === 'cut' && c.at <= killedAt);
  const retaken = cut.map((c) => {
    const again = checks.find((d) => d.path === c.path && d.at > killedAt && d.outcome === 'answered');
    return again === undefined ? Number.POSITIVE_INFINITY : again.at - killedAt;
  });
  let longestGap = 0;
  for (const path of new Set(checks.map((c) => c.path))) {
    const times = checks.filter((c) => c.path === path).map((c) => c.at);
    const before = times.filter((t) => t <= killedAt).at(-1);
    const after = times.find((t) => t > killedAt);
    if (before !== undefined && after !== undefined) longestGap = Math.max(longestGap, after - before);
  }
  const s = (ms: number) => (ms === Number.POSITIVE_INFINITY ? 'never' : `${(ms / 1000).toFixed(1)} s`);
  const cutText =
    cut.length === 0
      ? 'no check was in flight at the kill'
      : `${cut.length} check(s) in flight on the killed replica were made by the other after p50 ${s(percentile(retaken, 50))}, max ${s(Math.max(...retaken))}`;
  return `${cutText}; the longest gap between two checks of one customer across the kill was ${s(longestGap)} (interval ${s(intervalMs)}).`;
}

/**
 * `customers` generated customers of one location each, all watched by one person, checked by
 * `replicas` replicas every `intervalS`: the checks and Plume calls over {@link MEASURED_INTERVALS}
 * intervals after {@link WARM_INTERVALS}; with `failover`, then a kill -9 of the first replica.
 */
export async function measureChecks(
  servers: ReplicaServers,
  options: { replicas: number; customers: number; intervalS: number; failover: boolean },
): Promise<Checks> {
  const intervalMs = options.intervalS * 1000;
  const fleet: Fleet = { perCustomer: 1, onlineSince: Date.now() - 3_600_000, offlineSince: new Map() };
  const proxy = await startFleetProxy({ fleet, upstream: servers.simulator.url, latencyMs: FLEET_LATENCY_MS });
  const database = await servers.database();
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-seed-'));
  const targets = Array.from({ length: options.customers }, (_, c) => ({
    cloud: proxy.apiBase,
    customerId: customerId(c),
    customerName: `Customer ${c}`,
    locationId: locationId(c),
    locationName: `Bench ${c}`,
  }));
  const seed = {
    dataDir,
    key: Buffer.from(BENCH_KEY, 'hex'),
    ids: [OWNER],
    credentials: servers.simulator.credentials,
    location: { customerId: customerId(0), id: locationId(0), name: 'Bench 0' },
    database: parseDatabaseUrl(database.url),
  };
  await seedUsers(seed);
  await seedWatches({ ...seed, userId: OWNER, targets });
  const replicas = await servers.replicas(options.replicas, database, {
    env: {
      PLUME_API_BASE: proxy.apiBase,
      WATCH_INTERVAL_SECONDS: String(options.intervalS),
      MAX_WATCHES_PER_PERSON: String(options.customers),
    },
  });
  try {
    await sleep(WARM_INTERVALS * intervalMs);
    const from = Date.now();
    await sleep(MEASURED_INTERVALS * intervalMs);
    const to = Date.now();
    const window = proxy.log().filter((c) => c.at >= from && c.at < to);
    const checks = window.filter(isCheck);
    const result: Checks = {
      replicas: options.replicas,
      perInterval: checks.length / MEASURED_INTERVALS,
      twiceInInterval: repeated(checks, intervalMs),
      callsPerSecond: (window.length * 1000) / (to - from),
      maxInOneSecond: densest(
        window.map((c) => c.at),
        1000,
      ),
    };
    if (!options.failover) return result;
    const killedAt = Date.now();
    await replicas.replicas()[0]?.process.kill('SIGKILL');
    await sleep(3 * intervalMs);
    return { ...result, failover: failoverReport(proxy.log(), killedAt, intervalMs) };
  } finally {
    await replicas.stop();
    await proxy.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
