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
/** The first checks (every location's first node list) may take this many intervals at most before measuring. */
const MAX_WARM_INTERVALS = 20;
const MEASURED_INTERVALS = 3;
/** After a kill, how long every customer may take to be checked again before the benchmark gives up waiting. */
const MAX_FAILOVER_INTERVALS = 15;
const OWNER = 90_000;

/** What {@link measureChecks} found. */
export interface Checks {
  replicas: number;
  /** Customer checks (one `locations` call each) per interval, on average. */
  perInterval: number;
  /** Node lists fetched per interval (a location's first check, or its online state changed). */
  nodeListsPerInterval: number;
  /** Token calls in the measured intervals (every replica shares one token through the database). */
  tokenCalls: number;
  /** Every Plume call of the fleet (checks and node lists) per check. */
  callsPerCheck: number;
  /** Times a customer was checked again less than half an interval after its last check. */
  twiceInInterval: number;
  /** Every Plume call of the fleet per second, on average. */
  callsPerSecond: number;
  /** The most calls that arrived within any one second. */
  maxInOneSecond: number;
  /** How long the first checks took (until every location's first node list was answered), s. */
  warmS: number;
  /** With `failover`: what happened after the kill -9 of the first replica. */
  failover?: Failover;
}

const isCheck = (call: FleetCall) => call.path.endsWith('/locations');
const isNodeList = (call: FleetCall) => call.path.endsWith('/nodes');

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

/** Whether every one of `customers` has had a check answered after `since`. */
function allCheckedSince(log: readonly FleetCall[], customers: number, since: number, what: (c: FleetCall) => boolean) {
  const seen = new Set(log.filter((c) => c.at > since && c.outcome === 'answered' && what(c)).map((c) => c.path));
  return seen.size >= customers;
}

/** Waits (polling the log) until `done`, or `maxMs` passed; resolves with the time it waited. */
async function waitFor(done: () => boolean, maxMs: number): Promise<number> {
  const from = Date.now();
  while (!done() && Date.now() - from < maxMs) await sleep(250);
  return Date.now() - from;
}

/** What happened after the kill -9 of one of two replicas. */
export interface Failover {
  /** Calls of the killed replica still waiting for Plume's answer at the kill. */
  inFlight: number;
  /** Customers whose next check came more than one interval after the kill (the killed replica's). */
  late: number;
  customers: number;
  /** The late customers' waits from the kill to their next check, ms: p50 and the longest. */
  lateP50: number;
  longest: number;
  /** The longest gap between two checks of one customer across the kill, ms. */
  longestGap: number;
  /** Customers not checked again before the observation ended (their waits count until then). */
  never: number;
}

/**
 * After a kill at `killedAt`, observed until `until`: per customer, the wait from the kill to its
 * first check after it (the killed replica's customers wait for their jobs to be freed), and the
 * longest gap between two checks of one customer across the kill. A customer not checked again
 * before `until` counts with its wait so far.
 */
function failoverOf(log: readonly FleetCall[], killedAt: number, until: number, intervalMs: number): Failover {
  const checks = log.filter(isCheck);
  const waits: number[] = [];
  const gaps: number[] = [];
  let never = 0;
  for (const path of new Set(checks.map((c) => c.path))) {
    const times = checks.filter((c) => c.path === path).map((c) => c.at);
    const before = times.filter((t) => t <= killedAt).at(-1);
    const after = times.find((t) => t > killedAt);
    if (after === undefined) never++;
    waits.push((after ?? until) - killedAt);
    if (before !== undefined) gaps.push((after ?? until) - before);
  }
  const late = waits.filter((w) => w > intervalMs);
  return {
    inFlight: log.filter((c) => c.outcome === 'cut' && c.at <= killedAt).length,
    late: late.length,
    customers: waits.length,
    lateP50: late.length === 0 ? 0 : percentile(late, 50),
    longest: Math.max(...waits),
    longestGap: Math.max(...gaps),
    never,
  };
}

/**
 * `customers` generated customers of one location each, all watched by one person, checked by
 * `replicas` replicas every `intervalS`: the checks and Plume calls over {@link MEASURED_INTERVALS}
 * intervals, from one interval after every location's first check; with `failover`, then a kill -9
 * of the first replica, observed until every customer was checked again.
 */
export async function measureChecks(
  servers: ReplicaServers,
  options: {
    replicas: number;
    customers: number;
    intervalS: number;
    failover: boolean;
    /** Settings of every replica on top of the benchmark's (e.g. `JOB_HEARTBEAT_SECONDS`). */
    env?: Record<string, string>;
  },
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
      ...options.env,
    },
  });
  try {
    // Measured once every location had its first check (a node list each): those first calls are a
    // backlog of their own, not the steady state.
    const began = Date.now();
    const warmMs = await waitFor(
      () => allCheckedSince(proxy.log(), options.customers, began, isNodeList),
      MAX_WARM_INTERVALS * intervalMs,
    );
    await sleep(intervalMs);
    const tokensBefore = servers.simulator.log.count('token');
    const from = Date.now();
    await sleep(MEASURED_INTERVALS * intervalMs);
    const to = Date.now();
    const window = proxy.log().filter((c) => c.at >= from && c.at < to);
    const checks = window.filter(isCheck);
    const result: Checks = {
      replicas: options.replicas,
      perInterval: checks.length / MEASURED_INTERVALS,
      nodeListsPerInterval: window.filter(isNodeList).length / MEASURED_INTERVALS,
      tokenCalls: servers.simulator.log.count('token') - tokensBefore,
      callsPerCheck: window.length / Math.max(1, checks.length),
      twiceInInterval: repeated(checks, intervalMs),
      callsPerSecond: (window.length * 1000) / (to - from),
      maxInOneSecond: densest(
        window.map((c) => c.at),
        1000,
      ),
      warmS: warmMs / 1000,
    };
    if (!options.failover) return result;
    // From when the process is gone: a call it made while the signal was on its way is its last.
    await replicas.replicas()[0]?.process.kill('SIGKILL');
    const killedAt = Date.now();
    await waitFor(
      () => allCheckedSince(proxy.log(), options.customers, killedAt, isCheck),
      MAX_FAILOVER_INTERVALS * intervalMs,
    );
    return { ...result, failover: failoverOf(proxy.log(), killedAt, Date.now(), intervalMs) };
  } finally {
    await replicas.stop();
    await proxy.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
