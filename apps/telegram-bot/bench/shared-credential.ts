/**
 * Benchmark of many people on one Plume credential, run by hand (see README): `npm run
 * bench:shared` in apps/telegram-bot. The simulator answers after BENCH_LATENCY_MS (default 50);
 * BENCH_USERS people (default 200), all set up with the same credential, each send /status once,
 * at the same moment, to a bot with the SDK's default limiter (6 calls/s) and the default queue
 * (PLUME_QUEUE_MAX_WAIT_SECONDS, default 30). Reported, not asserted:
 * - time to first feedback (the first message: a place in the queue, the busy answer or the report)
 *   and to the answer (the report or the busy answer), p50 and p99, from each person's send;
 * - how many got a report and how many the busy answer;
 * - Plume calls per report (2.0 = none wasted: /status is two calls).
 *
 * Everything runs in this process: the numbers are what people see, not the bot's own cost. A burst
 * of /locations (no Plume call) from the same people is printed first, as the floor of those times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, startSimulator } from '@org/plume-simulator';
import { startSandbox, type SandboxUser } from '@org/telegram-sandbox';
import { startApp } from '../src/app';
import { createConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { percentile, seedUsers } from './support';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const USERS = Number(process.env.BENCH_USERS ?? 200);
const MAX_WAIT_SECONDS = process.env.PLUME_QUEUE_MAX_WAIT_SECONDS ?? '30';
const KEY = '00'.repeat(32);
const BUSY = /^This Plume account is busy/;

interface Outcome {
  firstMs: number;
  answerMs: number;
  busy: boolean;
  sawPlace: boolean;
}

async function ask(user: SandboxUser, name: string): Promise<Outcome> {
  const started = performance.now();
  await user.send('/status');
  const first = await user.waitForMessage(() => true);
  const firstMs = performance.now() - started;
  const answer = await user.waitForMessage((m) => BUSY.test(m.text ?? '') || (m.text ?? '').includes(name));
  return {
    firstMs,
    answerMs: performance.now() - started,
    busy: BUSY.test(answer.text ?? ''),
    sawPlace: (first.text ?? '').startsWith('⏳'),
  };
}

async function main(): Promise<void> {
  const simulator = await startSimulator({ port: 0, latencyMs: LATENCY_MS, wafLimit: false });
  const sandbox = await startSandbox({ port: 0, timeoutMs: 180_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-shared-'));
  const location = fixtures.locations.adaBeach;
  const ids = Array.from({ length: USERS }, (_, i) => 20_000 + i);
  await seedUsers({ dataDir, key: Buffer.from(KEY, 'hex'), ids, credentials: simulator.credentials, location });
  const app = await startApp({
    config: createConfig({
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
      BOT_ENCRYPTION_KEY: KEY,
      PLUME_QUEUE_MAX_WAIT_SECONDS: MAX_WAIT_SECONDS,
    }),
    logger: createLogger({ level: 'silent' }),
    token: sandbox.token,
    apiRoot: sandbox.apiRoot,
    dataDir,
    chartWorker: new URL('./render-worker.js', import.meta.url),
    plume: { ssoUrl: simulator.ssoUrl, apiBase: simulator.apiBase },
  });
  const users = ids.map((id) => sandbox.createUser({ id }));
  // Warm-up without Plume (JIT, each person's SQLite row, the polling loop), then the same burst of
  // /locations (reads the person's row, asks "Which customer?") as the floor: how long the bot and the
  // stand-in take to answer everyone at once when nobody waits for Plume.
  const help = () =>
    Promise.all(
      users.map(async (user) => {
        const started = performance.now();
        await user.send('/locations');
        await user.lastMessage();
        return performance.now() - started;
      }),
    );
  await help();
  const floor = await help();
  const outcomes = await Promise.all(users.map((user) => ask(user, location.name)));
  while (simulator.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));

  const reports = outcomes.filter((o) => !o.busy);
  const busy = outcomes.filter((o) => o.busy);
  const calls = simulator.log.count('locations.get') + simulator.log.count('nodes.list');
  const ms = (values: number[], p: number) => (values.length === 0 ? '–' : (percentile(values, p) / 1000).toFixed(2));
  console.log(
    `Node ${process.version}, ${USERS} people on one credential, each /status once; Plume latency ${LATENCY_MS} ms; SDK limiter 6 calls/s; queue max wait ${MAX_WAIT_SECONDS} s\n`,
  );
  console.log(
    `Load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} on ${availableParallelism()} cores. Floor, ${USERS} × /locations at once (no Plume call): p50 ${ms(floor, 50)} s, p99 ${ms(floor, 99)} s.\n`,
  );
  console.log('| outcome | people | first feedback p50 s | p99 s | answer p50 s | p99 s |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [label, group] of [
    ['report', reports],
    ['busy answer', busy],
    ['all', outcomes],
  ] as const) {
    const first = group.map((o) => o.firstMs);
    const answer = group.map((o) => o.answerMs);
    console.log(
      `| ${label} | ${group.length} | ${ms(first, 50)} | ${ms(first, 99)} | ${ms(answer, 50)} | ${ms(answer, 99)} |`,
    );
  }
  console.log(
    `\nPlume calls: ${calls} for ${reports.length} reports = ${(calls / Math.max(1, reports.length)).toFixed(2)} per report (2.00 = none wasted); ${outcomes.filter((o) => o.sawPlace).length} people were shown their place first.`,
  );

  await app.stop('bench');
  await sandbox.close();
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
