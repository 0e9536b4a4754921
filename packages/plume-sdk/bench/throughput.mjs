// Benchmark, run by hand after `tsup` (in packages/plume-sdk): `node bench/throughput.mjs`
// Options: --requests 2000 --concurrency 16 --rounds 5 --latency 10
//
// Requests per second through PlumeClient (limiter off) versus bare fetch of the same URLs (and
// versus ky alone, with its defaults and as the SDK configures it, to show where the cost sits),
// side by side against the simulator, in alternating rounds. Two scenarios: a simulator answering
// at once (CPU-bound: the client's own cost per request decides) and one adding --latency ms per
// response (a fast network). Each line also gives the client process's CPU time per request (the
// simulator's is not counted). Then the minified + gzipped size of the SDK's own ESM build, ky and
// zod external. Nothing is asserted.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import ky from 'ky';
import { PlumeClient } from '../dist/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '5' },
    latency: { type: 'string', default: '10' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const CUSTOMER = 'c0ffee000000000000000001';
const LOCATION = '10ca7e000000000000000101';

/** Starts the simulator's CLI in a child process (so its CPU is not the client's) and reads its JSON line. */
async function startSimulator(latencyMs) {
  const cli = join(dirname(require.resolve('@org/plume-simulator/package.json')), 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, '--json', '--no-waf', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes('\n')) resolve(buffer.slice(0, buffer.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { ...JSON.parse(line), stop: () => child.kill('SIGTERM') };
}

/**
 * Runs `total` calls of `call(i)` with `concurrency` in flight; returns requests per second and
 * this process's CPU time per request in µs (GC threads included; the simulator's is not).
 */
async function rate(total, call) {
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await call(next++);
    }),
  );
  const used = process.cpuUsage(cpu);
  return { perSecond: total / ((performance.now() - started) / 1000), cpuUs: (used.user + used.system) / total };
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

async function scenario(latencyMs) {
  const sim = await startSimulator(latencyMs);
  try {
    const paths = [
      `Customers/${CUSTOMER}`,
      `Customers/${CUSTOMER}/locations`,
      `Customers/${CUSTOMER}/locations/${LOCATION}`,
      `Customers/${CUSTOMER}/locations/${LOCATION}/nodes`,
      `Customers/${CUSTOMER}/locations/${LOCATION}/wifiNetworks`,
    ];
    const urls = paths.map((path) => `${sim.apiBase}${path}`);
    const client = new PlumeClient({
      authorization: sim.credentials.authorization,
      partnerId: sim.credentials.partnerId,
      ssoUrl: sim.ssoUrl,
      apiBase: sim.apiBase,
      rateLimit: false,
    });
    const calls = [
      () => client.customers.get(CUSTOMER),
      () => client.locations.list(CUSTOMER),
      () => client.locations.get(CUSTOMER, LOCATION),
      () => client.nodes.list(CUSTOMER, LOCATION),
      () => client.wifiNetworks.list(CUSTOMER, LOCATION),
    ];
    await client.verifyCredentials();
    const tokenResponse = await fetch(sim.ssoUrl, {
      method: 'POST',
      headers: { authorization: sim.credentials.authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: `partnerId:${sim.credentials.partnerId} role:partnerIdAdmin`,
      }),
    });
    const { access_token: token } = await tokenResponse.json();
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const plainKy = ky.create({ headers });
    const untimedKy = ky.create({ headers, timeout: false, retry: 0 });

    const contenders = {
      'bare fetch': async (i) => {
        const response = await fetch(urls[i % urls.length], { headers });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        await response.json();
      },
      'ky alone': (i) => plainKy.get(urls[i % urls.length]).json(),
      'ky, no timeout': (i) => untimedKy.get(urls[i % urls.length]).json(),
      PlumeClient: (i) => calls[i % calls.length](),
    };
    const names = Object.keys(contenders);
    for (const name of names) await rate(Math.min(500, REQUESTS), contenders[name]); // warm-up
    const rates = Object.fromEntries(names.map((name) => [name, []]));
    const cpu = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order, so that drift on a shared machine hits every contender alike.
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length];
        const { perSecond, cpuUs } = await rate(REQUESTS, contenders[name]);
        rates[name].push(perSecond);
        cpu[name].push(cpuUs);
      }
    }
    const bare = median(rates['bare fetch']);
    console.log(
      `\nSimulator latency ${latencyMs} ms — ${REQUESTS} requests × ${ROUNDS} rounds, concurrency ${CONCURRENCY}, 5 endpoints in turn`,
    );
    for (const name of names) {
      const value = median(rates[name]);
      const rounds = rates[name].map((r) => r.toFixed(0)).join(', ');
      const share = `${((value / bare) * 100).toFixed(1).padStart(5)} % of bare fetch`;
      console.log(
        `  ${name.padEnd(14)} ${value.toFixed(0).padStart(6)} req/s  ${share}  ${median(cpu[name]).toFixed(0).padStart(4)} µs CPU/req  (rounds: ${rounds})`,
      );
    }
  } finally {
    sim.stop();
  }
}

async function sdkSize() {
  const { build } = await import(require.resolve('esbuild'));
  const result = await build({
    entryPoints: [join(here, '..', 'dist', 'index.mjs')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['ky', 'zod'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

console.log(`Node ${process.version} on ${process.platform}/${process.arch}; PlumeClient with rateLimit: false`);
await scenario(0);
await scenario(Number(values.latency));
const size = await sdkSize();
console.log(
  `\nSDK ESM build (dist/index.mjs): minified ${(size.minified / 1024).toFixed(1)} KiB, minified + gzipped ${(size.gzipped / 1024).toFixed(1)} KiB (ky and zod external)`,
);
