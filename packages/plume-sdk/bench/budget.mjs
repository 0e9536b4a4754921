// Benchmark, run by hand after `tsup` (in packages/plume-sdk): `node bench/budget.mjs`
// Options: --scale 20 --windows 2 --locations 2000 --tenants 10 --people 4
//
// 2,000 locations watched in the background at Plume's limits (6 calls/s, 2,000 calls per rolling
// 5 minutes per address, enforced by the simulator's WAF), while a few people make interactive
// calls. Time is scaled: --scale 20 runs 20 times faster (120 calls/s, 15-s windows), so one
// request slot is 1/(6 × scale) s. Two variants side by side, each for --windows windows:
//   - shared budget: every client (one per tenant, one per person) shares one PlumeBudget
//     (background share 80 %, 1,800 calls per window);
//   - separate limiters: each client keeps its own 6/s limiter (today's default without a budget).
// Reported per variant: background calls in the last full window and their share of the budget's
// background allowance (target ≥ 95 %), interactive waits (call → request sent) at p50/p99 in
// request slots (target p99 ≤ 1 slot), interactive calls that failed, and firewall 403s.
// Nothing is asserted.
import { parseArgs } from 'node:util';
import { startSimulator } from '@org/plume-simulator';
import { MemoryTokenCache, PlumeBudget, PlumeClient } from '../dist/index.mjs';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '20' },
    windows: { type: 'string', default: '2' },
    locations: { type: 'string', default: '2000' },
    tenants: { type: 'string', default: '10' },
    people: { type: 'string', default: '4' },
  },
});
const SCALE = Number(values.scale);
const WINDOWS = Number(values.windows);
const LOCATIONS = Number(values.locations);
const TENANTS = Number(values.tenants);
const PEOPLE = Number(values.people);
const RATE = 6 * SCALE;
const WINDOW_MS = 300_000 / SCALE;
const SLOT_MS = 1000 / RATE;
const CUSTOMER = 'c0ffee000000000000000001';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function run(variant) {
  const sim = await startSimulator({ wafLimit: { max: 2000, windowMs: WINDOW_MS } });
  const tokenCache = new MemoryTokenCache();
  const budget =
    variant === 'shared budget'
      ? new PlumeBudget({ requestsPerSecond: RATE, windowMs: WINDOW_MS, callsPerWindow: 1800 })
      : undefined;
  const backgroundStarts = [];
  const make = (onRequest) =>
    new PlumeClient({
      authorization: sim.credentials.authorization,
      partnerId: sim.credentials.partnerId,
      ssoUrl: sim.ssoUrl,
      apiBase: sim.apiBase,
      retry: false,
      tokenCache,
      ...(budget ? { budget } : { rateLimit: { requestsPerSecond: RATE } }),
      onEvent: (event) => event.type === 'request' && onRequest(),
    });
  const started = performance.now();
  const end = started + WINDOWS * WINDOW_MS;
  let firewall = 0;
  let otherErrors = 0;
  const countFirewall = (error) => {
    if (error?.status === 403 || error?.source === 'waf') firewall++;
    else if (error?.name !== 'TimeoutError' && otherErrors++ === 0)
      console.error(`(${variant}) first unexpected error:`, error?.message ?? error);
  };

  // Background: each tenant's monitor checks its share of the locations in a loop, many at once.
  const tenants = Array.from({ length: TENANTS }, () => make(() => backgroundStarts.push(performance.now())));
  await tenants[0].verifyCredentials();
  const perTenant = Math.ceil(LOCATIONS / TENANTS);
  const monitors = tenants.flatMap((client) =>
    Array.from({ length: Math.min(perTenant, 32) }, async () => {
      while (performance.now() < end) {
        try {
          await client.customers.locations(CUSTOMER, {
            priority: 'background',
            signal: AbortSignal.timeout(Math.max(1, Math.ceil(end - performance.now()))),
          });
        } catch (error) {
          countFirewall(error);
          if (error?.source === 'waf') await sleep(SLOT_MS * 10);
        }
      }
    }),
  );

  // Interactive: people call now and then (on average every 20 slots each), one call at a time.
  const waits = [];
  let failed = 0;
  const people = Array.from({ length: PEOPLE }, async () => {
    let sentAt = 0;
    const client = make(() => (sentAt = performance.now()));
    while (performance.now() < end - SLOT_MS * 40) {
      await sleep(-Math.log(1 - Math.random()) * SLOT_MS * 20 * PEOPLE);
      const calledAt = performance.now();
      try {
        await client.locations.list(CUSTOMER);
        waits.push((sentAt - calledAt) / SLOT_MS);
      } catch (error) {
        countFirewall(error);
        failed++;
      }
    }
  });
  await Promise.all([...monitors, ...people]);
  await sim.close();
  const lastWindowStart = started + (WINDOWS - 1) * WINDOW_MS;
  const background = backgroundStarts.filter(
    (time) => time >= lastWindowStart && time < lastWindowStart + WINDOW_MS,
  ).length;
  waits.sort((a, b) => a - b);
  return { variant, background, allowance: Math.floor(1800 * 0.8), waits, failed, firewall };
}

console.log(
  `Budget benchmark: ${LOCATIONS} locations, ${TENANTS} tenants, ${PEOPLE} people; scale ×${SCALE} (${RATE} calls/s, ${WINDOW_MS / 1000}-s windows, slot ${SLOT_MS.toFixed(2)} ms), ${WINDOWS} windows per variant\n`,
);
const rows = [];
for (const variant of ['shared budget', 'separate limiters']) rows.push(await run(variant));
console.log(
  'variant            | background calls (last window) | of the 80 % allowance | interactive p50 / p99 wait | interactive failed | firewall 403s',
);
for (const row of rows) {
  const p50 = percentile(row.waits, 50).toFixed(2);
  const p99 = percentile(row.waits, 99).toFixed(2);
  console.log(
    `${row.variant.padEnd(18)} | ${String(row.background).padStart(30)} | ${`${((100 * row.background) / row.allowance).toFixed(1)} %`.padStart(21)} | ${`${p50} / ${p99} slots`.padStart(26)} | ${`${row.failed} of ${row.failed + row.waits.length}`.padStart(18)} | ${String(row.firewall).padStart(13)}`,
  );
}
console.log(
  '\nTargets: background ≥ 95 % of its allowance; interactive p99 ≤ 1 slot while the background lane is saturated.',
);
