/**
 * Benchmark of several replicas on one PostgreSQL, run by hand (see README): `npm run bench:replicas`
 * in apps/telegram-bot. Each replica is `dist/main.js` in a process of its own, in webhook mode
 * behind a round-robin proxy, as compose runs them; this process runs the simulator (Plume), the
 * sandbox (Telegram) and the users. Reported side by side in one run, one replica versus two:
 * - /help (no Plume call) and /status: replies per second and the users' p50 and p99, BENCH_USERS
 *   users (default 20) sending again and again for BENCH_SECONDS (default 10); /status also with
 *   each replica on a Plume budget of its own (`PLUME_EGRESS_ID`), as replicas behind different
 *   addresses are, since one shared budget (6 calls a second, 2 per /status) bounds it otherwise;
 * - checks per interval of BENCH_CUSTOMERS watched customers (default 80, one location each) every
 *   BENCH_INTERVAL_SECONDS (default 10), under the budget the replicas share (6 calls a second, 4
 *   of them for monitoring): checks, node lists, token calls and Plume calls per check, measured
 *   from one interval after every location's first check;
 * - failover: two replicas checking BENCH_FAILOVER_CUSTOMERS customers (default 30, within the
 *   budget), one killed with `kill -9`: how long its customers wait for their next check, once per
 *   job heartbeat in BENCH_HEARTBEATS (`JOB_HEARTBEAT_SECONDS`, comma-separated; empty: the default).
 *
 * `BENCH_PARTS` picks what runs: any of `replies`, `checks`, `failover` (default all three).
 * Environment: also BENCH_LATENCY_MS (Plume's latency, default 50), BENCH_DATABASE_URL (a PostgreSQL
 * server to create the databases on; default a throwaway one, as the tests start).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures } from '@org/plume-simulator';
import { parseDatabaseUrl } from '../src/database-url';
import { measureReplies, warmUp, type Replies } from './load';
import { measureChecks, type Checks } from './replica-checks';
import { BENCH_KEY, startReplicaServers, type ReplicaServers } from './replica-servers';
import { seedUsers } from './support';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const USERS = Number(process.env.BENCH_USERS ?? 20);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 80);
const INTERVAL_S = Number(process.env.BENCH_INTERVAL_SECONDS ?? 10);
const FAILOVER_CUSTOMERS = Number(process.env.BENCH_FAILOVER_CUSTOMERS ?? 30);
/** The job heartbeats the failover is measured with (`JOB_HEARTBEAT_SECONDS`; empty: the bot's default). */
const HEARTBEATS = (process.env.BENCH_HEARTBEATS ?? ',10').split(',');
const MAIN = new URL('./main.js', import.meta.url).pathname;

let nextId = 50_000;

/** How the replicas of one measurement are set up. */
interface Setup {
  replicas: number;
  /** Each replica its own Plume budget (`PLUME_EGRESS_ID`), instead of one shared by all. */
  ownEgress: boolean;
  label: string;
}

const SETUPS: readonly Setup[] = [
  { replicas: 1, ownEgress: false, label: '1' },
  { replicas: 2, ownEgress: false, label: '2, one budget' },
  { replicas: 2, ownEgress: true, label: '2, a budget each' },
];

/** `command` from USERS fresh users through the replicas of `setup`, on a fresh database. */
async function replies(servers: ReplicaServers, setup: Setup, command: string): Promise<Replies> {
  const database = await servers.database();
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-seed-'));
  const ids = Array.from({ length: USERS }, () => nextId++);
  const { customerId, id, name } = fixtures.locations.adaBeach;
  await seedUsers({
    dataDir,
    key: Buffer.from(BENCH_KEY, 'hex'),
    ids,
    credentials: servers.simulator.credentials,
    location: { customerId, id, name },
    database: parseDatabaseUrl(database.url),
  });
  const fleet = await servers.replicas(setup.replicas, database, { ownEgress: setup.ownEgress });
  try {
    const users = ids.map((userId) => servers.sandbox.createUser({ id: userId }));
    await warmUp(users, command);
    return await measureReplies(users, command, SECONDS);
  } finally {
    await fleet.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (v: number) => v.toFixed(1);
const ratio = (two: number, one: number) => `${(two / one).toFixed(2)}×`;
const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;

/** One replica against two: /help and /status, replies per second and the users' latency. */
async function replyTable(servers: ReplicaServers): Promise<void> {
  console.log(`${USERS} users, ${SECONDS} s each:\n`);
  console.log('| command | replicas | replies/s | p50 ms | p99 ms | replies/s ÷ one replica |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const command of ['/help', '/status']) {
    // /help makes no Plume call: one budget or two is the same, so it runs once with two replicas.
    const setups = command === '/help' ? SETUPS.slice(0, 2) : SETUPS;
    let one: Replies | undefined;
    for (const setup of setups) {
      const r = await replies(servers, setup, command);
      one ??= r;
      const label = command === '/help' ? String(setup.replicas) : setup.label;
      console.log(
        `| ${command} | ${label} | ${ms(r.perSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ratio(r.perSecond, one.perSecond)} |`,
      );
    }
  }
}

const checkRow = (c: Checks, label: string) =>
  `| ${label} | ${c.perInterval.toFixed(1)} | ${c.nodeListsPerInterval.toFixed(1)} | ${c.callsPerCheck.toFixed(2)} | ${c.tokenCalls} | ${c.twiceInInterval} | ${c.callsPerSecond.toFixed(2)} | ${c.maxInOneSecond} | ${c.warmS.toFixed(0)} s |`;

/** One replica against two: checks per interval under one shared budget (6 calls a second, 4 of them for monitoring). */
async function checkTable(servers: ReplicaServers): Promise<void> {
  const rows: string[] = [];
  for (const replicas of [1, 2]) {
    const c = await measureChecks(servers, { replicas, customers: CUSTOMERS, intervalS: INTERVAL_S, failover: false });
    rows.push(checkRow(c, String(replicas)));
  }
  console.log(
    `\n${CUSTOMERS} watched customers (one location each), checked every ${INTERVAL_S} s, one budget of 6 calls/s:\n`,
  );
  console.log(
    '| replicas | checks per interval | node lists per interval | Plume calls per check | token calls | customers checked twice in one interval | Plume calls/s | most calls in any 1 s | first checks took |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  rows.forEach((row) => console.log(row));
}

/** Two replicas, FAILOVER_CUSTOMERS watched (within the budget), one killed with kill -9, per job heartbeat. */
async function failoverTable(servers: ReplicaServers): Promise<void> {
  const rows: string[] = [];
  for (const heartbeat of HEARTBEATS) {
    const env: Record<string, string> = heartbeat === '' ? {} : { JOB_HEARTBEAT_SECONDS: heartbeat };
    const c = await measureChecks(servers, {
      replicas: 2,
      customers: FAILOVER_CUSTOMERS,
      intervalS: INTERVAL_S,
      failover: true,
      env,
    });
    const f = c.failover;
    if (f === undefined) continue;
    const open = f.never > 0 ? '>' : '';
    rows.push(
      `| ${heartbeat === '' ? 'default' : `${heartbeat} s`} | ${c.perInterval.toFixed(1)} | ${f.inFlight} | ${f.late} of ${f.customers} | ${sec(f.lateP50)} | ${open}${sec(f.longest)} | ${open}${sec(f.longestGap)} |`,
    );
  }
  console.log(
    `\nFailover: two replicas, ${FAILOVER_CUSTOMERS} watched customers checked every ${INTERVAL_S} s (within the budget), the first replica killed with kill -9:\n`,
  );
  console.log(
    '| job heartbeat | checks per interval before | calls in flight at the kill | customers next checked over an interval after the kill | their wait p50 | longest wait from the kill | longest gap between two checks |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  rows.forEach((row) => console.log(row));
}

async function main(): Promise<void> {
  const parts = (process.env.BENCH_PARTS ?? 'replies,checks,failover').split(',');
  const servers = await startReplicaServers({ latencyMs: LATENCY_MS, main: MAIN });
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; Plume latency ${LATENCY_MS} ms\n`,
  );
  if (parts.includes('replies')) await replyTable(servers);
  if (parts.includes('checks')) await checkTable(servers);
  if (parts.includes('failover')) await failoverTable(servers);
  console.log(
    `\nLoad average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  await servers.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
