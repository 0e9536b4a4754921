/**
 * Benchmark of /status through the whole bot, run by hand (see README): `npm run bench` in
 * apps/telegram-bot. A child process runs the simulator (answering after a fixed latency L), the
 * Telegram stand-in and N users who each send /status and wait for the reply, again and again; this
 * process runs only the bot. /help (no Plume call) is measured the same way as a baseline.
 *
 * Environment: BENCH_LATENCY_MS (L, default 50), BENCH_SECONDS per level (default 8),
 * BENCH_USERS (levels, default "1,10,100"), BENCH_STORED_USERS (default 10000).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app';
import { createConfig } from '../src/config';
import { createBotMetrics } from '../src/http/bot-metrics';
import { createMetricsRegistry } from '../src/http/metrics';
import { createLogger } from '../src/logger';
import { runLoadProcess, type FromLoad, type ToLoad } from './load';
import { measureStorage } from './storage';
import { percentile, seedUsers } from './support';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LEVELS = (process.env.BENCH_USERS ?? '1,10,100').split(',').map(Number);
const KEY = '00'.repeat(32);

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

async function level(
  child: ChildProcess,
  servers: Extract<FromLoad, { type: 'ready' }>,
  ids: number[],
  command: string,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-'));
  await seedUsers({ dataDir, key: Buffer.from(KEY, 'hex'), ids, credentials: servers, location: servers.location });
  const handled: number[] = [];
  const metrics = createBotMetrics(createMetricsRegistry());
  const histogram = metrics.updateSeconds;
  metrics.updateSeconds = {
    observe: (seconds, labels) => (handled.push(seconds * 1000), histogram.observe(seconds, labels)),
  };
  const app = await startApp({
    metrics,
    config: createConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', BOT_ENCRYPTION_KEY: KEY }),
    logger: createLogger({ level: 'silent' }),
    token: servers.token,
    apiRoot: servers.apiRoot,
    dataDir,
    chartWorker: new URL('./render-worker.js', import.meta.url),
    plume: { ssoUrl: servers.ssoUrl, apiBase: servers.apiBase },
    plumeClient: { rateLimit: false },
  });
  const send = (message: ToLoad) => child.send(message);
  send({ type: 'run', ids, command, seconds: SECONDS });
  await receive(child, 'warmed');
  handled.length = 0;
  const cpuBefore = process.cpuUsage();
  send({ type: 'go' });
  const result = await receive(child, 'result');
  const cpu = process.cpuUsage(cpuBefore);
  await app.stop('bench');
  rmSync(dataDir, { recursive: true, force: true });
  return {
    ...result,
    botP50: percentile(handled, 50),
    botP99: percentile(handled, 99),
    cpuMsPerReply: (cpu.user + cpu.system) / 1000 / handled.length,
  };
}

async function main(): Promise<void> {
  const child = fork(process.argv[1] ?? '', ['--load'], { stdio: 'inherit' });
  const servers = await receive(child, 'ready');
  console.log(`Node ${process.version}, simulator latency L = ${LATENCY_MS} ms, ${SECONDS} s per level\n`);
  console.log(
    '| users | command | replies/s | user p50 ms | user p99 ms | bot p50 ms | bot p99 ms | bot p50 − L | bot p99 − L | bot CPU ms/reply |',
  );
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  let nextId = 10_000;
  for (const users of LEVELS) {
    for (const command of ['/help', '/status']) {
      const ids = Array.from({ length: users }, () => nextId++);
      const r = await level(child, servers, ids, command);
      const ms = (v: number) => v.toFixed(1);
      const minus = (v: number) => (command === '/status' ? ms(v - LATENCY_MS) : '–');
      console.log(
        `| ${users} | ${command} | ${ms(r.perSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.botP50)} | ${ms(r.botP99)} | ${minus(r.botP50)} | ${minus(r.botP99)} | ${r.cpuMsPerReply.toFixed(2)} |`,
      );
    }
  }
  child.send({ type: 'close' } satisfies ToLoad);
  const storage = await measureStorage(Number(process.env.BENCH_STORED_USERS ?? 10_000));
  console.log(
    `\nStorage: ${storage.users} users → ${(storage.bytesPer1000 / 1024).toFixed(1)} KiB of SQLite per 1,000 users; ` +
      `heap +${(storage.heapPer1000 / 1024).toFixed(1)} KiB per 1,000 users while open (RSS +${(storage.rssGrowth / 2 ** 20).toFixed(1)} MiB in all); ` +
      `${storage.readsPerSecond.toFixed(0)} reads/s.`,
  );
}

if (process.argv.includes('--load')) {
  void runLoadProcess(LATENCY_MS);
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
