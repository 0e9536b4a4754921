import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type Simulator } from '@org/plume-simulator';
import { createHarness, type SandboxUser } from '@org/telegram-sandbox';
import { buildBot, startBotProcess, type BotProcess, type BuiltBot } from '../testing/bot-process';
import { completeSetup, selectLocation } from '../testing/bot-world';
import { until } from '../testing/until';

const REPORT = 'pods connected';
const botTexts = (user: SandboxUser) =>
  user
    .messages()
    .filter((m) => m.from?.is_bot)
    .map((m) => m.text ?? '');

describe('a real bot process killed (kill -9) or stopped (SIGTERM) with updates in flight', () => {
  let built: BuiltBot;
  let simulator: Simulator;
  const harness = createHarness({ timeoutMs: 30_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-crash-'));
  const key = randomBytes(32).toString('hex');
  let bot: BotProcess | undefined;

  const start = async () => {
    bot = await startBotProcess(built.main, {
      TELEGRAM_BOT_TOKEN: harness.token,
      TELEGRAM_API_ROOT: harness.apiRoot,
      PLUME_SSO_URL: simulator.ssoUrl,
      PLUME_API_BASE: simulator.apiBase,
      PLUME_REPORTS_BASE: simulator.reportsBase,
      DATA_DIR: dataDir,
      BOT_ENCRYPTION_KEY: key,
      LOG_LEVEL: 'debug',
      RATE_LIMIT_PER_MINUTE: '600',
      STOP_GRACE_SECONDS: '1',
    });
    return bot;
  };

  /** Users with credentials and a selected location, ready for /status. */
  const readyUsers = async (count: number, name: string) => {
    const users = Array.from({ length: count }, (_, i) => harness.createUser({ firstName: `${name}${i}` }));
    for (const user of users) {
      await completeSetup({ simulator }, user);
      await selectLocation(user, fixtures.customers.ada.email, 'Home');
    }
    return users;
  };

  beforeAll(async () => {
    built = buildBot();
    simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
    await harness.start();
    await start();
  }, 120_000);
  afterEach(() => simulator.faults.reset());
  afterAll(async () => {
    await bot?.kill('SIGTERM');
    await harness.stop();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
    built.remove();
  });

  it('answers after a restart the updates that were in flight at a kill -9, each once', async () => {
    const users = await readyUsers(6, 'Kay');
    simulator.faults.setLatency(60_000);
    const arrived = simulator.log.inFlight();
    for (const user of users) await user.send('/status');
    // Each /status fetches the location and its nodes: all of them are now waiting on Plume.
    await until(() => simulator.log.inFlight() >= arrived + 2 * users.length, 'every /status to reach Plume');
    expect((await bot?.kill('SIGKILL'))?.signal).toBe('SIGKILL');
    simulator.faults.reset();

    const restarted = await start();
    for (const user of users) await user.waitForMessage(REPORT);
    for (const user of users) expect(botTexts(user).filter((text) => text.includes(REPORT))).toHaveLength(1);
    expect(restarted.logs().some((line) => line.includes('Resuming the updates the last run left unfinished'))).toBe(
      true,
    );
  });

  it('loses nothing when Plume is slower than the grace of a SIGTERM: the next start answers', async () => {
    const users = await readyUsers(4, 'Lou');
    simulator.faults.setLatency(60_000);
    const arrived = simulator.log.inFlight();
    for (const user of users) await user.send('/status');
    await until(() => simulator.log.inFlight() >= arrived + 2 * users.length, 'every /status to reach Plume');
    const stopping = bot;
    expect(await stopping?.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(stopping?.logs().some((line) => line.includes('they stay in the inbox'))).toBe(true);
    // Nothing was said while stopping: no error, no "try again".
    for (const user of users) expect(user.messages().at(-1)?.text).toBe('/status');
    simulator.faults.reset();

    await start();
    for (const user of users) await user.waitForMessage(REPORT);
    for (const user of users) expect(botTexts(user).filter((text) => text.includes(REPORT))).toHaveLength(1);
  });

  it('resumes a /setup credential check cut off by a kill -9, without saying "Checking…" twice', async () => {
    const { authorization, partnerId } = simulator.credentials;
    const max = harness.createUser({ firstName: 'Max' });
    await max.send('/setup');
    await max.waitForMessage('Step 1 of 2');
    await max.send(authorization);
    await max.waitForMessage('Step 2 of 2');
    await max.send(partnerId);
    await max.waitForMessage('Is your partner account on the public Plume cloud');
    simulator.faults.setLatency(60_000);
    const tokenCalls = simulator.log.inFlight('token');
    await max.press('Public Plume cloud: check now');
    await max.waitForMessage('Checking these credentials with Plume');
    // The check has reached Plume, so the bot had recorded its "Checking…" message before.
    await until(() => simulator.log.inFlight('token') > tokenCalls, 'the credential check to reach Plume');
    await bot?.kill('SIGKILL');
    simulator.faults.reset();

    await start();
    await max.waitForMessage('✅ Connected');
    expect(botTexts(max).filter((text) => text.includes('Checking these credentials'))).toHaveLength(1);
    await max.send('/status');
    await max.waitForMessage('Pick a location first');
  });
});
