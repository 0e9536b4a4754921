/**
 * Benchmark of the job schedulers' own delays, run by hand (see README): `npm run bench:jobs` in
 * apps/telegram-bot. On PostgreSQL at BENCH_POSTGRES_URL (or TEST_POSTGRES_URL; else a throwaway
 * server started like the tests' one), in a new database per run. Reported, not asserted, pg-boss
 * side by side with the in-process scheduler:
 * - a new job, from `enqueue` to its run: in-process; pg-boss woken by LISTEN/NOTIFY; pg-boss polling only;
 * - a job whose key was busy, from the busy run's end to its own run (pg-boss: the next poll);
 * - a job whose replica was killed (kill -9) holding it, from its expiry to its run on another replica
 *   (expiry BENCH_EXPIRE_SECONDS, default 2; supervisor every BENCH_SUPERVISE_SECONDS, default 10,
 *   the scheduler's default). The other replica starts after the kill, so its first supervisor
 *   pass comes a whole interval later: the worst case.
 */
import { Client } from 'pg';
import { z } from 'zod';
import { createInProcessScheduler } from '../src/jobs/in-process-scheduler';
import type { JobKind, JobScheduler } from '../src/jobs/job-scheduler';
import { createPgBossScheduler } from '../src/jobs/pg-boss-scheduler';
import { createLogger } from '../src/logger';
import { claimInChildProcess } from '../src/testing/pg-boss-claimer';
import { percentile } from './support';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const EXPIRE_S = Number(process.env.BENCH_EXPIRE_SECONDS ?? 2);
const SUPERVISE_S = Number(process.env.BENCH_SUPERVISE_SECONDS ?? 10);
const FAILOVERS = Number(process.env.BENCH_FAILOVERS ?? 3);
const logger = createLogger({ level: 'warn' });

/** A kind whose runs resolve the waiter of their key, and can be held until released. */
function timedKind(name: string) {
  const waiters = new Map<string, (at: number) => void>();
  let hold: Promise<void> | undefined;
  const kind: JobKind<Record<string, never>> = {
    name,
    data: z.object({}).strict(),
    expireMs: EXPIRE_S * 1000,
    concurrency: 2,
    async run(jobs) {
      for (const job of jobs) waiters.get(`${job.key}@${job.slot}`)?.(performance.now());
      if (hold !== undefined) await hold;
    },
  };
  const ran = (key: string, slot: string) => new Promise<number>((resolve) => waiters.set(`${key}@${slot}`, resolve));
  return {
    kind,
    ran,
    hold(): () => void {
      let release = () => {};
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
  };
}

async function newJobDelays(scheduler: JobScheduler, timed: ReturnType<typeof timedKind>, samples: number) {
  const delays: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const ran = timed.ran('new', String(i));
    const start = performance.now();
    await scheduler.enqueue(timed.kind, [{ key: 'new', slot: String(i), data: {} }]);
    delays.push((await ran) - start);
  }
  return delays;
}

async function busyKeyDelays(scheduler: JobScheduler, timed: ReturnType<typeof timedKind>, samples: number) {
  const delays: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const release = timed.hold();
    const first = timed.ran('busy', `${i}a`);
    await scheduler.enqueue(timed.kind, [{ key: 'busy', slot: `${i}a`, data: {} }]);
    await first;
    const second = timed.ran('busy', `${i}b`);
    await scheduler.enqueue(timed.kind, [{ key: 'busy', slot: `${i}b`, data: {} }]);
    const end = performance.now();
    release();
    delays.push((await second) - end);
  }
  return delays;
}

async function failoverDelays(url: string, samples: number) {
  const delays: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const options = { url, name: 'bench', logger, superviseIntervalSeconds: SUPERVISE_S };
    const timed = timedKind(`failover-${i}`);
    const creator = createPgBossScheduler(options);
    creator.define(timed.kind);
    await creator.start();
    await creator.stop();
    const claimer = await claimInChildProcess(url, 'pgboss', timed.kind.name, { key: 'k', slot: '0', data: {} });
    const expiresAt = performance.now() + EXPIRE_S * 1000;
    await claimer.kill();
    const survivor = createPgBossScheduler(options);
    survivor.define(timed.kind);
    const rerun = timed.ran('k', '0');
    await survivor.start();
    delays.push((await rerun) - expiresAt);
    await survivor.stop();
  }
  return delays;
}

const row = (what: string, delays: number[]) =>
  `| ${what} | ${delays.length} | ${percentile(delays, 50).toFixed(1)} | ${percentile(delays, 99).toFixed(1)} | ${Math.max(...delays).toFixed(1)} |`;

async function server(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (given !== undefined && given !== '') return { url: given, stop: () => Promise.resolve() };
  const helper = new URL('../../../tools/jest/postgres.mjs', import.meta.url).href;
  const module = (await import(helper)) as {
    startPostgres: () => Promise<{ url: string; stop(): Promise<void> }>;
  };
  return module.startPostgres();
}

async function main(): Promise<void> {
  const pg = await server();
  const name = `bench_jobs_${process.pid}`;
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pg.url);
  url.pathname = `/${name}`;
  try {
    const inProcess = createInProcessScheduler({ logger });
    const notified = createPgBossScheduler({ url: url.href, name, logger });
    const polled = createPgBossScheduler({ url: url.href, name, logger, listen: false });
    const timed = {
      inProcess: timedKind('bench-new'),
      notified: timedKind('bench-new'),
      polled: timedKind('bench-poll'),
    };
    inProcess.define(timed.inProcess.kind);
    notified.define(timed.notified.kind);
    polled.define(timed.polled.kind);
    await Promise.all([inProcess.start(), notified.start(), polled.start()]);
    const lines = [
      '| delay (ms) | samples | p50 | p99 | max |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('in-process: new job', await newJobDelays(inProcess, timed.inProcess, SAMPLES)),
      row('pg-boss, LISTEN/NOTIFY: new job', await newJobDelays(notified, timed.notified, SAMPLES)),
      row(
        'pg-boss, polling only (every 2 s): new job',
        await newJobDelays(polled, timed.polled, Math.ceil(SAMPLES / 2)),
      ),
      row(
        "in-process: key was busy, from the busy run's end",
        await busyKeyDelays(inProcess, timed.inProcess, SAMPLES),
      ),
      row(
        "pg-boss: key was busy, from the busy run's end",
        await busyKeyDelays(notified, timed.notified, Math.ceil(SAMPLES / 2)),
      ),
    ];
    await Promise.all([inProcess.stop(), notified.stop(), polled.stop()]);
    lines.push(
      row(
        `pg-boss: a \`kill -9\`'d replica's job, from its expiry (supervisor every ${SUPERVISE_S} s)`,
        await failoverDelays(url.href, FAILOVERS),
      ),
    );
    console.log(lines.join('\n'));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await pg.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
