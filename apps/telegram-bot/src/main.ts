import { startApp, type RunningApp } from './app';
import { ConfigError, createConfig, type Config } from './config';
import { SandboxOnPostgresError, type Environment } from './environment';
import { chooseLogFormat, createLogger, type Logger } from './logger';
import { startSandboxEnvironment } from './sandbox';
import { EncryptionKeyMismatchError } from './storage/key-check';
import { DatabaseUnavailableError } from './storage/pg-database';
import { EncryptionKeyRequiredError } from './storage/storage';

/** Start-up failures whose message says what to fix: printed as they are, besides the log. */
const ACTIONABLE = [
  EncryptionKeyMismatchError,
  EncryptionKeyRequiredError,
  DatabaseUnavailableError,
  SandboxOnPostgresError,
];

/** The database password, so the logger blanks it wherever it might appear. */
const databasePassword = (config: Config) =>
  config.database === undefined ? '' : decodeURIComponent(new URL(config.database.url).password);

/** Telegram and the configured Plume cloud (a token is set). */
function telegramEnvironment(config: Config & { telegramToken: string }): Environment {
  return {
    token: config.telegramToken,
    apiRoot: config.telegramApiRoot,
    plume: config.plume,
    dataDir: config.dataDir,
    announce: () => undefined,
    close: () => Promise.resolve(),
  };
}

function readConfig(): Config {
  try {
    return createConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee apps/telegram-bot/.env.example for every variable.\n`);
    process.exit(2);
  }
}

async function run(config: Config, logger: Logger): Promise<void> {
  const running: { app?: RunningApp; environment?: Environment; stopping?: boolean } = {};
  const shutdown = async (reason: string, code: number) => {
    if (running.stopping) return;
    running.stopping = true;
    await running.app?.stop(reason).catch((err: unknown) => logger.error({ err }, 'Stopping failed'));
    await running.environment?.close().catch((err: unknown) => logger.error({ err }, 'Closing the sandbox failed'));
    process.exit(code);
  };
  // Registered before the bot starts: telegraf's launch only settles when polling stops.
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

  const environment = (running.environment =
    config.telegramToken !== undefined
      ? telegramEnvironment({ ...config, telegramToken: config.telegramToken })
      : await startSandboxEnvironment({ dataDir: config.dataDir }));
  if (config.telegramToken === undefined)
    logger.info('TELEGRAM_BOT_TOKEN is not set: running against the local sandbox.');
  const app = (running.app = await startApp({
    config,
    logger,
    token: environment.token,
    apiRoot: environment.apiRoot,
    plume: environment.plume,
    dataDir: environment.dataDir,
    chartWorker: new URL('./render-worker.js', import.meta.url),
    chartWarmUp: true,
    database: config.database,
    ...(environment.freshUpdateIds === true ? { freshUpdateIds: true } : {}),
    ...(environment.watchIntervalSeconds === undefined
      ? {}
      : { defaultWatchIntervalSeconds: environment.watchIntervalSeconds }),
  }));
  environment.announce(app.username);
  app.stopped.catch((err: unknown) => {
    logger.fatal({ err }, 'The bot stopped unexpectedly');
    void shutdown('fatal', 1);
  });
}

const config = readConfig();
const logger = createLogger({
  level: config.logLevel,
  format: chooseLogFormat({ sandbox: config.telegramToken === undefined, terminal: process.stdout.isTTY === true }),
  secrets: [
    config.telegramToken ?? '',
    config.encryptionKey?.toString('base64') ?? '',
    config.encryptionKey?.toString('hex') ?? '',
    databasePassword(config),
  ],
});
run(config, logger).catch((err: unknown) => {
  if (ACTIONABLE.some((kind) => err instanceof kind)) process.stderr.write(`${(err as Error).message}\n`);
  logger.fatal({ err }, 'The bot could not start');
  setTimeout(() => process.exit(1), 100);
});
