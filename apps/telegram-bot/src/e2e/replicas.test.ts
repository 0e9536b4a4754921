import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocationAlertState } from '@org/plume-analytics';
import { fixtures, startSimulator, type Simulator } from '@org/plume-simulator';
import { createHarness, type SandboxUser } from '@org/telegram-sandbox';
import { Client } from 'pg';
import { buildBot, type BuiltBot } from '../testing/bot-process';
import { completeSetup, selectLocation } from '../testing/bot-world';
import { botAnswers, countAlerts, repeatedOutageAlerts } from '../testing/chat-counts';
import { checksPerInterval } from '../testing/interval-windows';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { startReplicaFleet, type ReplicaFleet } from '../testing/replica-fleet';
import { until } from '../testing/until';

const INTERVAL_S = 10;
const REPORT = 'pods connected';
const HELP = 'I report on the Plume networks';
const PEOPLE = 6;
/** Full intervals of Grace's observed before the kill, and after the failover. */
const INTERVALS_SEEN = 3;
const GRACE = fixtures.customers.grace;
/** The stores that go offline (a few: Telegram lets one chat get a message a second). */
const OUTAGE = ['chainStore01', 'chainStore02', 'chainStore03', 'chainStore04'];

/** Watches every location of the customer `accountId`, from /locations. */
async function watchAll(user: SandboxUser, accountId: string): Promise<void> {
  await user.send('/locations');
  await user.waitForMessage('Which customer?');
  await user.send(accountId);
  await user.waitForMessage('Pick one');
  await user.press('👁 Watch all locations');
  await user.waitForMessage('Now watching');
}

/** Times at which Plume was asked for Grace's locations: one `locations.list` call per check of a customer. */
const graceChecks = (simulator: Simulator) =>
  simulator.log
    .requests('locations.list')
    .filter((r) => r.params['customerId'] === GRACE.id)
    .map((r) => r.receivedAt);

/**
 * Grace's job key (`cloud\ncustomerId`, as the monitor groups her locations) once every watched
 * location was checked and none of Grace's alerts awaits a confirmation (her cabin is offline: her
 * first checks open its alerts), else undefined. From then on each of her checks is a regular one.
 */
async function settledKey(sql: Client): Promise<string | undefined> {
  const { rows } = await sql.query<{
    cloud: string;
    customer_id: string;
    checked_at: string | null;
    alert_state: string | null;
  }>('SELECT cloud, customer_id, checked_at, alert_state FROM monitored_locations');
  const grace = rows.filter((row) => row.customer_id === GRACE.id);
  const changing = (row: { alert_state: string | null }) =>
    Object.values((JSON.parse(row.alert_state ?? '{"keys":{}}') as LocationAlertState).keys).some(
      (key) => key.phase === 'pending' || key.phase === 'recovering',
    );
  const settled = grace.length > 0 && rows.every((row) => row.checked_at !== null) && !grace.some(changing);
  return settled ? `${grace[0]?.cloud}\n${GRACE.id}` : undefined;
}

describe('two bot replicas on one PostgreSQL behind a round-robin proxy, one killed with kill -9', () => {
  let built: BuiltBot;
  let database: TestDatabase;
  let simulator: Simulator;
  let fleet: ReplicaFleet;
  const harness = createHarness({ timeoutMs: 60_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-replicas-'));

  beforeAll(async () => {
    built = buildBot();
    database = await createTestDatabase();
    simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
    await harness.start();
    fleet = await startReplicaFleet({
      main: built.main,
      ids: ['r1', 'r2'],
      env: {
        DATABASE_URL: database.url,
        TELEGRAM_BOT_TOKEN: harness.token,
        TELEGRAM_API_ROOT: harness.apiRoot,
        PLUME_SSO_URL: simulator.ssoUrl,
        PLUME_API_BASE: simulator.apiBase,
        PLUME_REPORTS_BASE: simulator.reportsBase,
        DATA_DIR: dataDir,
        BOT_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'debug',
        RATE_LIMIT_PER_MINUTE: '600',
        STOP_GRACE_SECONDS: '2',
        WATCH_INTERVAL_SECONDS: String(INTERVAL_S),
        // Short leases, so that what the killed replica held is taken over within the outage below.
        JOB_HEARTBEAT_SECONDS: '10',
        OUTBOX_LEASE_SECONDS: '15',
      },
    });
  }, 180_000);
  afterAll(async () => {
    await fleet?.stop();
    await harness.stop();
    await simulator?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    built?.remove();
  });

  /** What the first test saw, for the second: Grace's job key, and when she settled and which replica was killed. */
  const seen = { key: '', settled: 0, killedAt: 0, killed: '' };

  it('answers every update once and delivers every alert', async () => {
    // People set up through both replicas. Gil watches Grace's locations (her cabin is offline: its
    // alerts open with her first checks, then nothing changes there); Dan the chain's stores.
    const people = Array.from({ length: PEOPLE }, (_, i) => harness.createUser({ firstName: `Kay${i}` }));
    const [dan, gil] = people as [SandboxUser, SandboxUser];
    await Promise.all(
      people.map(async (person) => {
        await completeSetup({ simulator }, person);
        if (person === gil) await watchAll(gil, GRACE.accountId);
        await selectLocation(person, fixtures.customers.ada.email, 'Home');
      }),
    );
    await watchAll(dan, fixtures.customers.chain.accountId);
    // Both replicas took updates (a replica refusing posts, e.g. for a webhook secret it does not
    // know, would leave them all to the other).
    expect(fleet.proxy.taken().size).toBe(2);

    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    try {
      let key: string | undefined;
      await until(async () => (key = await settledKey(sql)) !== undefined, 'the watches to settle', 60_000);
      seen.key = key ?? '';
      seen.settled = Date.now();
      // Grace's regular checks, observed for a few intervals before the kill.
      const intervals = () => checksPerInterval([], seen.key, INTERVAL_S * 1000, seen.settled, Date.now()).length;
      await until(() => intervals() >= INTERVALS_SEEN, `${INTERVALS_SEEN} intervals of Grace's`, 60_000);

      // The outage begins; once its first alert reached Dan (the others are still being written or
      // sent: Telegram paces a chat), every person's /status waits on slow node lists and a replica is
      // killed. The monitor's own node lists are held back too, so a check may be interrupted: its job
      // is taken over once its heartbeat lapses (JOB_HEARTBEAT_SECONDS, well within the outage).
      simulator.scenarios.load({
        locations: Object.fromEntries(OUTAGE.map((store) => [store, [{ kind: 'offline', at: '2s', for: '60s' }]])),
      });
      await until(() => countAlerts(dan, '🔴 Offline').size > 0, 'the first alert of the outage', 60_000);
      simulator.faults.delayNext('nodes.list', 5_000, PEOPLE * 2);
      const arrived = simulator.log.inFlight('nodes.list');
      for (const person of people) await person.send('/status');
      await until(() => simulator.log.inFlight('nodes.list') >= arrived + PEOPLE / 2, 'the /status to reach Plume');
      const [victim] = fleet.replicas(); // the first to have started
      expect((await victim?.process.kill('SIGKILL'))?.signal).toBe('SIGKILL');
      seen.killedAt = Date.now();
      seen.killed = victim?.id ?? '';
      // The documented window: a notification being sent (state 'sending') when its replica died
      // may have reached Telegram already, and is sent again once its lease ends.
      const inWindow = (
        await sql.query<{ kind: string; body: string }>(`SELECT kind, body FROM outbox WHERE state = 'sending'`)
      ).rows.map((row) => `${row.kind}:${(JSON.parse(row.body) as { location: { name: string } }).location.name}`);
      const alertsBeforeKill = countAlerts(dan, '🔴 Offline').size;
      simulator.faults.reset();
      // Updates sent after the kill: the proxy skips the dead replica.
      for (const person of people) await person.send('/help');

      const answered = (fragment: string) => () => people.every((person) => botAnswers(person, fragment).length > 0);
      await until(answered(REPORT), 'every /status answered', 90_000);
      await until(answered(HELP), 'every /help answered', 60_000);
      await until(() => countAlerts(dan, '🔴 Offline').size === OUTAGE.length, 'every alert', 90_000);
      await until(() => countAlerts(dan, '✅ Back online').size === OUTAGE.length, 'every recovery', 90_000);

      for (const person of people) {
        expect(botAnswers(person, REPORT)).toHaveLength(1);
        expect(botAnswers(person, HELP)).toHaveLength(1);
      }
      let duplicates = 0;
      for (const { alert, times } of repeatedOutageAlerts(dan)) {
        expect(inWindow).toContain(alert);
        expect(times).toBe(2);
        duplicates += times - 1;
      }
      console.info(
        `Two replicas: ${OUTAGE.length * 2} alerts and recoveries (${alertsBeforeKill} alert(s) delivered before the kill), ${duplicates} duplicate(s) (in the window: ${inWindow.length} sending at the kill); ` +
          `updates per replica ${JSON.stringify(Object.fromEntries(fleet.proxy.taken()))}.`,
      );
    } finally {
      await sql.end();
    }
  }, 300_000);

  it('checks each watched location once per interval across replicas, before and after the kill', async () => {
    // Grace's checks, counted by the simulator, in her intervals as the monitor aligns them. Her
    // state no longer changes once settled, so every check is a regular one: no confirmation checks.
    const interval = INTERVAL_S * 1000;
    expect(seen.killedAt).toBeGreaterThan(seen.settled);
    const firstAfterKill = () => graceChecks(simulator).find((t) => t > seen.killedAt);
    // The failover window: from the kill to the first check after it. A check the killed replica
    // was running is taken over once its job's heartbeat lapses; otherwise the other replica's
    // next check comes on time. Then a few more intervals.
    await until(
      () => {
        const first = firstAfterKill();
        return (
          first !== undefined && checksPerInterval([], seen.key, interval, first, Date.now()).length >= INTERVALS_SEEN
        );
      },
      `${INTERVALS_SEEN} intervals of Grace's after the kill`,
      120_000,
    );
    const end = Date.now();
    const times = graceChecks(simulator);
    const first = firstAfterKill() ?? end;
    const counts = (from: number, to: number) =>
      checksPerInterval(times, seen.key, interval, from, to).map((w) => w.count);
    const before = counts(seen.settled, seen.killedAt);
    const after = counts(first, end);
    const all = counts(seen.settled, end);
    const lastBefore = Math.max(...times.filter((t) => t <= seen.killedAt));
    // The bots' own account of each check (debug log "Watch check"): who ran it, why, and how it went.
    const runs = fleet
      .replicas()
      .flatMap((replica) => replica.process.logs().filter((line) => line.includes('"Watch check"')))
      .map(
        (line) =>
          JSON.parse(line) as {
            time: number;
            replica: string;
            customer: string;
            reason: string | null;
            outcome: string;
          },
      )
      .filter((run) => run.outcome !== 'not due');
    const byReason = (reason: string) => runs.filter((run) => run.reason === reason).length;
    const grace = runs
      .filter((run) => run.customer.endsWith(GRACE.id))
      .sort((a, b) => a.time - b.time)
      .map((run) => `${run.replica}@${run.time - seen.settled}:${run.reason ?? '-'}/${run.outcome}`);
    console.info(
      `Grace's checks per interval: ${before.join(' ')} before the kill of ${seen.killed}, ${all.join(' ')} in all, ${after.join(' ')} after the failover; ` +
        `failover gap ${first - lastBefore} ms between checks (${first - seen.killedAt} ms after the kill). ` +
        `Her checks (ms from settled): ${grace.join(' ')}. All customers: ${byReason('regular')} regular, ${byReason('new')} new, ${byReason('confirm')} confirm checks.`,
    );
    expect(before.length).toBeGreaterThanOrEqual(INTERVALS_SEEN);
    expect(after.length).toBeGreaterThanOrEqual(INTERVALS_SEEN);
    // Never twice in one interval, anywhere; at least once in every interval outside the failover.
    expect(all.filter((count) => count > 1)).toEqual([]);
    expect(before.filter((count) => count !== 1)).toEqual([]);
    expect(after.filter((count) => count !== 1)).toEqual([]);
  }, 180_000);
});
