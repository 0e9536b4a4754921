import type { Telegram } from 'telegraf';
import type { BotMetrics } from '../http/bot-metrics';
import type { JobScheduler } from '../jobs/job-scheduler';
import type { Logger } from '../logger';
import type { PlumeGateway } from '../plume/gateway';
import { createAlertStore } from '../storage/alert-store';
import { createHistoryPruner } from '../storage/history-prune';
import type { MonitoringDatabase } from '../storage/monitoring-db';
import { createOutbox } from '../storage/outbox';
import { createScheduleStore } from '../storage/schedule-store';
import type { Credentials } from '../storage/user-state';
import { createWatchStore } from '../storage/watch-store';
import type { DeliveryFor } from './delivery';
import { createAlertSchedule } from './alert-schedule';
import { createHistoryRetention } from './history-retention';
import { createMonitor } from './monitor';
import { createRelay } from './relay';
import type { MonitoringServices } from './services';
import type { Timers } from './timers';

export interface MonitoringOptions {
  /** The connection the monitoring stores share (the storage factory's); its owner closes it. */
  database: MonitoringDatabase;
  /**
   * The background jobs' scheduler (the storage factory's): the checks, the digest and reminder
   * passes and the pruning are declared on it here, and run once across replicas. Started by `start`.
   */
  jobs: JobScheduler;
  /**
   * This replica (`REPLICA_ID`): the owner of the outbox rows its relay claims. On SQLite, whose
   * database file one process owns, the relay's claims are always its own: a restarted bot takes
   * them back at once whatever its id.
   */
  replicaId: string;
  /** The Plume credentials a person's watches are checked with, or null. */
  credentialsOf: (userId: number) => Promise<Credentials | null>;
  plume: PlumeGateway;
  telegram: Pick<Telegram, 'sendMessage'>;
  logger: Logger;
  metrics: BotMetrics;
  intervalMs: number;
  maxWatchesPerPerson: number;
  /** How long the relay's claim on a notification holds (`OUTBOX_LEASE_SECONDS`). @default 60 s */
  outboxLeaseMs?: number | undefined;
  deliveryFor?: DeliveryFor | undefined;
  /** A group became a supergroup (found when sending): move what points at its old id. */
  onChatMigrated?: ((fromChatId: number, toChatId: number) => void | Promise<void>) | undefined;
  clock?: (() => number) | undefined;
  timers?: Timers | undefined;
  tickMs?: number | undefined;
  confirmMs?: number | undefined;
}

/** Monitoring, built and not yet running. */
export interface Monitoring {
  services: MonitoringServices;
  /**
   * Starts the job scheduler (pg-boss: creates or migrates its schema), then the monitor, the
   * relay, the schedule and the pruning (once the bot can send).
   * @throws {Error} when the scheduler cannot start (pg-boss cannot reach its database)
   */
  start(): Promise<void>;
  /** Stops them and waits for the jobs running here (the database stays open: its owner closes it). */
  stop(): Promise<void>;
}

/**
 * Builds monitoring on the connection `database` and the scheduler `jobs`: the stores, the monitor (which
 * wakes the relay after each commit that wrote notifications), the relay, the digest and reminder
 * schedule, the daily pruning of old history, and their metrics.
 * @example const monitoring = createMonitoring({ database, jobs, users, plume, telegram, logger, metrics, intervalMs: 300_000, maxWatchesPerPerson: 200 });
 */
export function createMonitoring(options: MonitoringOptions): Monitoring {
  const { logger, metrics } = options;
  const clock = options.clock ?? Date.now;
  const { database } = options;
  const watches = createWatchStore(database, clock);
  const outbox = createOutbox(database, {
    owner: database.backend === 'sqlite' ? 'sqlite' : options.replicaId,
    ...(options.outboxLeaseMs === undefined ? {} : { leaseMs: options.outboxLeaseMs }),
  });
  const registry = metrics.registry;
  const checks = registry.counter(
    'telegram_bot_watch_checks_total',
    'Checks of watched customers (one Plume call each, plus node lists), by outcome (ok, failed).',
  );
  const sent = registry.counter('telegram_bot_alerts_sent_total', 'Notifications sent, by kind (firing, resolved, …).');
  registry.gauge('telegram_bot_watched_locations', 'Locations somebody watches (each polled once).', () =>
    watches.countMonitored(),
  );
  registry.gauge(
    'telegram_bot_notifications_pending',
    'Notifications written and not yet sent.',
    async () => (await outbox.stats(clock())).pending,
  );
  registry.gauge(
    'telegram_bot_notifications_paused',
    'Notifications held for chats that blocked the bot.',
    async () => (await outbox.stats(clock())).paused,
  );
  registry.gauge(
    'telegram_bot_notification_oldest_pending_seconds',
    'Age of the oldest pending notification.',
    async () => Math.round((await outbox.stats(clock())).oldestPendingMs / 1000),
  );
  registry.gauge(
    'telegram_bot_plume_budget_interactive_calls',
    'Interactive Plume calls in the budget window, all clouds.',
    async () => (await options.plume.budgetUsage()).interactive,
  );
  registry.gauge(
    'telegram_bot_plume_budget_background_calls',
    'Monitoring Plume calls in the budget window, all clouds.',
    async () => (await options.plume.budgetUsage()).background,
  );

  const relay = createRelay({
    outbox,
    telegram: options.telegram,
    logger,
    clock,
    ...(options.deliveryFor === undefined ? {} : { deliveryFor: options.deliveryFor }),
    ...(options.onChatMigrated === undefined ? {} : { onChatMigrated: options.onChatMigrated }),
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    onSent: (row) => sent.inc({ kind: row.kind }),
  });
  const { jobs } = options;
  const schedule = createAlertSchedule({
    store: createScheduleStore(database, logger),
    scheduler: jobs,
    logger,
    clock,
    timers: options.timers,
    tickMs: options.tickMs,
    onNotify: () => relay.wake(),
  });
  const retention = createHistoryRetention({
    pruner: createHistoryPruner(database),
    scheduler: jobs,
    logger,
    clock,
    timers: options.timers,
  });
  const monitor = createMonitor({
    alerts: createAlertStore(database),
    scheduler: jobs,
    credentialsOf: options.credentialsOf,
    plume: options.plume,
    logger,
    intervalMs: options.intervalMs,
    clock,
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
    ...(options.confirmMs === undefined ? {} : { confirmMs: options.confirmMs }),
    onNotify: () => relay.wake(),
    onCheck: (outcome) => checks.inc({ outcome }),
    replicaId: options.replicaId,
  });
  return {
    services: {
      watches,
      outbox,
      wakeMonitor: () => monitor.wake(),
      wakeRelay: () => relay.wake(),
      maxWatchesPerPerson: options.maxWatchesPerPerson,
      clock,
    },
    async start() {
      await jobs.start();
      relay.start();
      monitor.start();
      schedule.wake();
      retention.wake();
    },
    async stop() {
      await monitor.stop();
      await schedule.stop();
      await retention.stop();
      await jobs.stop();
      await relay.stop();
    },
  };
}
