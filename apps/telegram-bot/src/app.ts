import { Telegram } from 'telegraf';
import { createBot } from './bot';
import { createChartCache, type ChartCacheOptions } from './charts/chart-cache';
import { createChartRenderer } from './charts/chart-renderer';
import type { WarmUpOutcome } from './charts/render-worker';
import { createAppStop } from './app-stop';
import { COMMANDS } from './commands';
import { DEFAULT_WATCH_INTERVAL_SECONDS, type Config, type PlumeEndpoints } from './config';
import type { DatabaseUrl } from './database-url';
import { SandboxOnPostgresError } from './environment';
import { createBotMetrics, type BotMetrics } from './http/bot-metrics';
import { startHttpServer, type RunningHttpServer } from './http/http-server';
import { createMetricsRegistry } from './http/metrics';
import { readiness } from './http/readiness';
import { createBotWebhook } from './http/bot-webhook';
import type { Logger } from './logger';
import type { DeliveryFor } from './monitoring/delivery';
import { settingsDelivery } from './monitoring/settings-delivery';
import { keepClaims } from './middleware/claim-keeper';
import { createMonitoring } from './monitoring/start-monitoring';
import type { Timers } from './monitoring/timers';
import { createPlumeGateway, type PlumeGatewayOptions } from './plume/gateway';
import { openStorage } from './storage/open-storage';
import { startAuditRetention } from './team/audit-retention';
import { createTelegramTransport } from './telegram/telegram-transport';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** The bot token (config's, or the sandbox's). */
  token: string;
  /** The Bot API server (config's, or the sandbox's). */
  apiRoot: string;
  /** Plume cloud defaults (config's, or the simulator's). */
  plume: PlumeEndpoints;
  dataDir: string;
  /**
   * PostgreSQL instead of SQLite in `dataDir` (from `parseDatabaseUrl`); every store must have a
   * PostgreSQL implementation (see open-storage.ts).
   */
  database?: DatabaseUrl | undefined;
  /** The bot's metrics; default a fresh registry labelled with the replica (benchmarks pass their own). */
  metrics?: BotMetrics;
  /** Transport settings of the Plume clients (tests shorten timeouts; benchmarks lift the limiter). */
  plumeClient?: PlumeGatewayOptions['clientOptions'];
  /**
   * The Bot API server is new and numbers its updates from 1 again (the sandbox of `npm start`):
   * the inbox forgets the last run's updates instead of taking new ones for duplicates. SQLite
   * only: refused with `database` (see {@link SandboxOnPostgresError}).
   */
  freshUpdateIds?: boolean;
  /** The check interval when `WATCH_INTERVAL_SECONDS` is unset (the sandbox's is short). @default 300 */
  defaultWatchIntervalSeconds?: number;
  /** Where each notification goes. @default the person's alert route or private chat, silent in their quiet hours */
  deliveryFor?: DeliveryFor;
  /** Monitoring's clock and timers, and an interval below the configurable minimum (tests, benchmarks). */
  monitoring?: { intervalMs?: number; tickMs?: number; confirmMs?: number; clock?: () => number; timers?: Timers };
  /** The chart cache's time to live, size and clock (tests pass a clock); 5 minutes and 200 charts otherwise. */
  chartCache?: ChartCacheOptions;
  /**
   * The chart worker's script: `new URL('./render-worker.js', import.meta.url)` from the bundle
   * (main.ts does that); tests pass `src/charts/render-worker.ts`, which Node runs as it is.
   */
  chartWorker: URL;
  /**
   * Start the chart worker with the bot and have it draw a few charts right away, so that the
   * first charts people ask for are not the slow ones (main.ts does). Tests leave it off: their worker
   * starts at the first chart. @default false
   */
  chartWarmUp?: boolean;
  /** How long one update may hold up its person's later ones, and its timers (tests). @default 120 s */
  updateDeadline?: { afterMs?: number; timers?: Timers };
}

export interface RunningApp {
  username: string;
  /** The `/healthz` and `/metrics` server, when a port is configured. */
  http?: RunningHttpServer | undefined;
  /**
   * Stops taking updates, lets those in flight finish (up to `graceMs`, default the configured
   * grace), then closes everything; updates still unfinished stay in the inbox for the next start.
   */
  stop(reason: string, graceMs?: number): Promise<void>;
  /** Settles when the bot has stopped, for whatever reason. */
  stopped: Promise<void>;
}

/**
 * Opens storage (SQLite in `dataDir`, or PostgreSQL), builds the bot, registers its commands, resumes the updates the last
 * run left unfinished, and starts it: long polling, or a webhook on the HTTP server when `WEBHOOK_URL` is set.
 * @throws {SandboxOnPostgresError} with `freshUpdateIds` and `database`, before anything is opened
 * @throws what `openStorage` throws (a database that cannot be reached, a key that is not the database's)
 * @example const app = await startApp({ config, logger, token, apiRoot, plume, dataDir, chartWorker }); await app.stop('SIGTERM');
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  if (options.freshUpdateIds === true && options.database !== undefined) throw new SandboxOnPostgresError();
  const storage = await openStorage({
    dataDir: options.dataDir,
    database: options.database,
    encryptionKey: config.encryptionKey,
    logger,
    replicaId: config.replicaId,
    updateLeaseMs: config.inboxLeaseMs,
    jobHeartbeatSeconds: config.jobHeartbeatSeconds,
  });
  const { users: store, team, settings, inbox } = storage;
  const stopRetention = startAuditRetention({ audit: team, days: config.auditRetentionDays, clock: Date.now, logger });
  if (options.freshUpdateIds === true) await inbox.clear();
  const metrics = options.metrics ?? createBotMetrics(createMetricsRegistry({ labels: { replica: config.replicaId } }));
  metrics.registry.gauge('telegram_bot_stored_users', 'Users with stored state.', () => store.count());
  const plume = createPlumeGateway({
    defaults: options.plume,
    clientOptions: options.plumeClient,
    queue: { maxWaitMs: config.plumeQueueMaxWaitMs },
    shared: storage.plume === undefined ? undefined : { state: storage.plume, egressId: config.plumeEgressId },
    onEvent: (event) => {
      if (event.type === 'response') metrics.plumeCalls.inc({ outcome: 'ok' });
      if (event.type === 'error') metrics.plumeCalls.inc({ outcome: event.code });
      if (event.type !== 'request' && event.type !== 'response') logger.debug({ plume: event }, 'Plume event');
    },
  });
  const transport = createTelegramTransport({ apiRoot: options.apiRoot });
  const relayTelegram = new Telegram(options.token, { apiRoot: options.apiRoot });
  transport.attach(relayTelegram);
  const intervalSeconds =
    config.watchIntervalSeconds ?? options.defaultWatchIntervalSeconds ?? DEFAULT_WATCH_INTERVAL_SECONDS;
  const monitoring = createMonitoring({
    database: storage.monitoring,
    jobs: storage.jobs,
    replicaId: config.replicaId,
    // The credentials a watcher's checks use: their workspace's.
    credentialsOf: async (userId) => {
      const membership = await team.membership(userId);
      return membership === null ? null : team.credentials(membership.workspaceId);
    },
    plume,
    // Its own client: the relay sends outside any update.
    telegram: relayTelegram,
    logger,
    metrics,
    intervalMs: options.monitoring?.intervalMs ?? intervalSeconds * 1000,
    maxWatchesPerPerson: config.maxWatchesPerPerson,
    outboxLeaseMs: config.outboxLeaseMs,
    deliveryFor: options.deliveryFor ?? settingsDelivery(settings),
    onChatMigrated: async (from, to) => {
      const moved = await settings.moveChat(from, to);
      logger.info({ from, to, routes: moved }, 'A group became a supergroup');
    },
    clock: options.monitoring?.clock,
    timers: options.monitoring?.timers,
    tickMs: options.monitoring?.tickMs,
    confirmMs: options.monitoring?.confirmMs,
  });
  // Each chart is drawn in the time zone of the person who asked for it (see loadChart).
  const charts = createChartRenderer({
    worker: options.chartWorker,
    ...(options.chartWarmUp === true
      ? {
          warmUp: true,
          onWarmUp: (outcome: WarmUpOutcome) =>
            outcome.ok
              ? logger.info({ ms: outcome.ms }, 'The chart worker is warmed up')
              : logger.warn({ reason: outcome.message }, 'The chart worker could not draw its warm-up chart'),
        }
      : {}),
  });
  const { telegraf, dispatcher } = createBot({
    token: options.token,
    apiRoot: options.apiRoot,
    services: {
      store,
      team,
      settings,
      plume,
      logger,
      metrics,
      monitoring: monitoring.services,
      charts: { cache: createChartCache(options.chartCache), renderer: charts },
      clock: Date.now,
      teamSettings: { inviteTtlMs: config.inviteExpiryHours * 3_600_000 },
    },
    inbox,
    transport,
    updateDeadline: options.updateDeadline,
    allowedUsers: config.allowedUsers,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  metrics.registry.gauge('telegram_bot_updates_in_flight', 'Updates being handled.', () => dispatcher.inFlight());
  metrics.registry.gauge('telegram_bot_inbox_pending', 'Updates stored and not yet handled.', () =>
    inbox.countPending(),
  );

  /** Webhook posts are taken while running only; readiness and `/healthz` follow it too. */
  let phase: 'starting' | 'running' | 'stopping' = 'starting';
  let http: RunningHttpServer | undefined;
  let polling: Promise<void> | undefined;
  /** Everything but the updates, in the order it closes (at a stop, or when the start fails). */
  const close = async () => {
    await http?.close();
    await monitoring.stop();
    stopRetention();
    await storage.close();
    await charts.close();
    transport.close();
  };
  try {
    // Webhook posts are answered 503 until the bot runs; /healthz/live answers from now on, and
    // /healthz/ready once the job queue runs (pg-boss's migrations, after the storage's) and the start is over.
    const webhook =
      config.webhookUrl === undefined
        ? undefined
        : createBotWebhook({
            url: config.webhookUrl,
            token: options.token,
            handleUpdate: (update) => telegraf.handleUpdate(update),
            logger,
            accepting: () => phase === 'running',
          });
    if (config.port !== undefined) {
      http = await startHttpServer({
        port: config.port,
        host: config.host,
        metrics: metrics.registry,
        isHealthy: () => phase !== 'stopping',
        isReady: readiness({
          stopping: () => phase === 'stopping',
          jobsRunning: storage.jobs.running,
          starting: () => phase === 'starting',
          ping: storage.ping,
        }),
        webhook: webhook?.handler,
      });
    }
    telegraf.botInfo = await telegraf.telegram.getMe();
    await telegraf.telegram
      .setMyCommands([...COMMANDS])
      .catch((err: unknown) => logger.warn({ err }, 'setMyCommands failed'));
    // Before any new update arrives, so that each user's resumed updates come before their new ones.
    await dispatcher.resume((update) => telegraf.handleUpdate(update));
    // The job scheduler first (on PostgreSQL, pg-boss migrates its schema): a failure stops the
    // start before the bot takes updates.
    await monitoring.start();
    await webhook?.register(telegraf.telegram);
    phase = 'running';
    if (webhook === undefined) {
      let launched!: () => void;
      const started = new Promise<void>((resolve) => (launched = resolve));
      polling = telegraf.launch({ dropPendingUpdates: false }, () => launched());
      await Promise.race([started, polling]);
    }
  } catch (error) {
    dispatcher.abandon();
    await close();
    throw error;
  }
  // Keeps the leases of the updates this replica holds, and takes over those a dead replica left.
  const claims = keepClaims({
    inbox,
    dispatcher,
    handle: (update) => telegraf.handleUpdate(update),
    everyMs: config.inboxLeaseMs / 3,
    logger,
  });
  logger.info(
    { username: telegraf.botInfo.username, mode: polling ? 'polling' : 'webhook', http: http?.url },
    'Bot started',
  );

  const { stop, stopped } = createAppStop({
    logger,
    stopAccepting: () => {
      phase = 'stopping';
    },
    claims,
    dispatcher,
    inbox,
    polling: polling === undefined ? undefined : { running: polling, stop: (reason) => telegraf.stop(reason) },
    close,
    graceMs: config.stopGraceMs,
  });
  return { username: telegraf.botInfo.username, http, stop, stopped };
}
