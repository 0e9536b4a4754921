import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type Simulator } from '@org/plume-simulator';
import { createHarness } from '@org/telegram-sandbox';
import { buildBot, startBotProcess, type BotProcess, type BuiltBot } from '../testing/bot-process';
import { completeSetup } from '../testing/bot-world';
import { countAlerts, repeatedOutageAlerts } from '../testing/chat-counts';
import { until } from '../testing/until';

const STORES = Object.keys(fixtures.locations).filter((key) => key.startsWith('chainStore'));

describe('a bot process killed (kill -9) during a burst of alerts', () => {
  let built: BuiltBot;
  let simulator: Simulator;
  const harness = createHarness({ timeoutMs: 30_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-watch-crash-'));
  const key = randomBytes(32).toString('hex');
  let bot: BotProcess | undefined;

  const start = async () =>
    (bot = await startBotProcess(built.main, {
      TELEGRAM_BOT_TOKEN: harness.token,
      TELEGRAM_API_ROOT: harness.apiRoot,
      PLUME_SSO_URL: simulator.ssoUrl,
      PLUME_API_BASE: simulator.apiBase,
      PLUME_REPORTS_BASE: simulator.reportsBase,
      DATA_DIR: dataDir,
      BOT_ENCRYPTION_KEY: key,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '600',
      WATCH_INTERVAL_SECONDS: '10',
    }));

  beforeAll(async () => {
    built = buildBot();
    simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
    await harness.start();
    await start();
  }, 120_000);
  afterAll(async () => {
    await bot?.kill('SIGTERM');
    await harness.stop();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
    built.remove();
  });

  it('delivers every alert and recovery after a restart, a duplicate only where it was being sent', async () => {
    const dan = harness.createUser({ firstName: 'Dan' });
    await completeSetup({ simulator }, dan);
    await dan.send('/locations');
    await dan.waitForMessage('Which customer?');
    await dan.send(fixtures.customers.chain.accountId);
    await dan.waitForMessage('Pick one');
    await dan.press('👁 Watch all locations');
    expect((await dan.waitForMessage('Now watching')).text).toContain(`all ${STORES.length} locations`);

    simulator.scenarios.load({
      locations: Object.fromEntries(STORES.map((store) => [store, [{ kind: 'offline', at: '1s', for: '35s' }]])),
    });
    // 14 alerts at once, one a second to one chat (Telegram's limit): kill the bot in the middle.
    await until(() => [...countAlerts(dan, '🔴 Offline').values()].length >= 3, 'the first alerts', 90_000);
    await bot?.kill('SIGKILL');
    const db = new DatabaseSync(join(dataDir, 'bot.sqlite'), { readOnly: true });
    const inWindow = (
      db.prepare(`SELECT kind, body FROM outbox WHERE state = 'sending'`).all() as Array<{
        kind: string;
        body: string;
      }>
    ).map((row) => `${row.kind}:${(JSON.parse(row.body) as { location: { name: string } }).location.name}`);
    const unsent = Number(
      (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n,
    );
    db.close();
    expect(unsent).toBeGreaterThan(0);

    await start();
    await until(() => countAlerts(dan, '🔴 Offline').size === STORES.length, 'every alert', 120_000);
    await until(() => countAlerts(dan, '✅ Back online').size === STORES.length, 'every recovery', 120_000);
    for (const { alert, times } of repeatedOutageAlerts(dan)) {
      expect(inWindow).toContain(alert);
      expect(times).toBe(2);
    }
  }, 300_000);
});
