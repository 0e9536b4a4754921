import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorClock } from '@org/plume-simulator';
import { createHarness, type SandboxHarness, type SandboxUser } from '@org/telegram-sandbox';
import { startApp, type AppOptions, type RunningApp } from '../app';
import { createConfig } from '../config';
import { captureLogger } from './capture-logger';
import { TEST_CHART_WORKER } from './chart-worker';

/** The whole system for an end-to-end test: the simulator, the Telegram stand-in and the real bot. */
export interface BotWorld {
  simulator: Simulator;
  harness: SandboxHarness;
  dataDir: string;
  /** The bot's log lines so far (JSON). */
  logs(): string[];
  app(): RunningApp;
  /** Starts the bot (again, after `stopBot`), on the same data folder; `env` adds to the world's environment for this start. */
  startBot(options?: { env?: Record<string, string> }): Promise<void>;
  stopBot(): Promise<void>;
  close(): Promise<void>;
}

export interface BotWorldOptions {
  /** Extra environment for createConfig, e.g. ALLOWED_USERS. */
  env?: Record<string, string>;
  /** Plume client transport overrides; tests default to short timeouts and one quick retry. */
  plumeClient?: AppOptions['plumeClient'];
  /** The bot's default Plume cloud; default the simulator. */
  plumeDefaults?: (simulator: Simulator) => AppOptions['plume'];
  /** Monitoring's interval (below the configurable 10 s minimum, so tests run fast), clock and timers. */
  monitoring?: AppOptions['monitoring'];
  /** How long one update may hold up its person's later ones, and its timers. */
  updateDeadline?: AppOptions['updateDeadline'];
  /** The simulator's clock (e.g. an accelerated one, for data that changes every 15 minutes); default real time. */
  simulatorClock?: SimulatorClock;
}

/** Starts the simulator and the sandbox; the bot starts with `startBot()`. */
export async function createBotWorld(options: BotWorldOptions = {}): Promise<BotWorld> {
  const simulator = await startSimulator({
    port: 0,
    host: '127.0.0.1',
    ...(options.simulatorClock === undefined ? {} : { clock: options.simulatorClock }),
  });
  const harness = createHarness({ timeoutMs: 15_000 });
  await harness.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-e2e-'));
  const webhook = options.env?.WEBHOOK_URL === undefined ? {} : { TELEGRAM_BOT_TOKEN: harness.token };
  // A journey is faster than a person: the rate limit has its own test (RATE_LIMIT_PER_MINUTE in `env`).
  const configFor = (env: Record<string, string> = {}) =>
    createConfig({ LOG_LEVEL: 'debug', RATE_LIMIT_PER_MINUTE: '600', ...webhook, ...options.env, ...env });
  const { logger, lines } = captureLogger({ level: 'debug' });
  let app: RunningApp | undefined;

  return {
    simulator,
    harness,
    dataDir,
    logs: lines,
    app: () => {
      if (app === undefined) throw new Error('The bot is not running: call startBot() first.');
      return app;
    },
    async startBot(start = {}) {
      await harness.startBot(async ({ token, apiRoot }) => {
        const running = await startApp({
          config: configFor(start.env),
          logger,
          token,
          apiRoot,
          dataDir,
          chartWorker: TEST_CHART_WORKER,
          plume: options.plumeDefaults?.(simulator) ?? {
            ssoUrl: simulator.ssoUrl,
            apiBase: simulator.apiBase,
            reportsBase: simulator.reportsBase,
          },
          ...(options.monitoring === undefined ? {} : { monitoring: options.monitoring }),
          ...(options.updateDeadline === undefined ? {} : { updateDeadline: options.updateDeadline }),
          plumeClient: options.plumeClient ?? {
            timeoutMs: 1_000,
            retry: { limit: 1, baseDelayMs: 10, maxTotalMs: 3_000 },
          },
        });
        app = running;
        return () => running.stop('test', 5_000);
      });
    },
    async stopBot() {
      await app?.stop('test restart', 5_000);
      app = undefined;
    },
    async close() {
      await app?.stop('test end', 5_000);
      await harness.stop();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs /setup to the end with the simulator's credentials, on the public-cloud default. */
export async function completeSetup(world: Pick<BotWorld, 'simulator'>, user: SandboxUser): Promise<void> {
  const { authorization, partnerId } = world.simulator.credentials;
  await user.send('/setup');
  await user.waitForMessage('Step 1 of 2');
  await user.send(authorization);
  await user.waitForMessage('Step 2 of 2');
  await user.send(partnerId);
  await user.waitForMessage('Is your partner account on the public Plume cloud');
  await user.press('Public Plume cloud: check now');
  await user.waitForMessage('✅ Connected');
}

/** Runs /locations for `query` and picks the location named `name`. */
export async function selectLocation(user: SandboxUser, query: string, name: string): Promise<void> {
  await user.send('/locations');
  await user.waitForMessage('Which customer?');
  await user.send(query);
  await user.waitForMessage('Pick one');
  await user.press(name);
  await user.waitForMessage('📍 Selected');
}
