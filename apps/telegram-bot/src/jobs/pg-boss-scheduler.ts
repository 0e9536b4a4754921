import { createHash } from 'node:crypto';
import type { PgBoss, Job as PgBossJob } from 'pg-boss';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Job, JobKind, JobScheduler } from './job-scheduler';

export interface PgBossSchedulerOptions {
  /** The PostgreSQL URL (the bot's database: pg-boss keeps its tables in a schema of its own there). */
  url: string;
  /** What logs call the database: never the URL itself, which may hold a password. */
  name: string;
  logger: Logger;
  /** The schema of pg-boss's tables, created and migrated by `start`. @default 'pgboss' */
  schema?: string;
  /**
   * How often an idle worker asks for jobs, seconds (at least 0.5). A new job wakes the workers
   * at once through LISTEN/NOTIFY; this poll finds the rest: a job taken over after its expiry, or
   * one whose key was busy. @default 2
   */
  pollingIntervalSeconds?: number;
  /**
   * Whether new jobs wake the workers through LISTEN/NOTIFY (one more connection per replica; not
   * through PgBouncer in transaction pooling mode). Without it every job waits for a poll. @default true
   */
  listen?: boolean;
  /**
   * How often pg-boss looks for expired jobs and lapsed heartbeats (at least 1), seconds: a killed
   * replica's jobs wait for it. Its supervisor pass and its monitor pass (which does that, and
   * refreshes its queue counts) both run this often. @default 10
   */
  superviseIntervalSeconds?: number;
  /** This replica's name in pg-boss's instance registry. */
  replicaId?: string;
  /**
   * How often a worker running a job tells the database it is alive, seconds (at least 10; it does
   * so every half of it): a job whose replica was killed is put back once this lapses, however
   * long its kind's expiry. @default 30
   */
  heartbeatSeconds?: number;
  /** pg-boss's own connections at most (besides the one it listens on). @default 4 */
  max?: number;
  /**
   * How often pg-boss deletes, queue by queue, the finished jobs kept past their kind's
   * `keepFinishedMs`, seconds (at least 1; one replica does each queue's sweep). pg-boss's own
   * default, a day, would keep a short-lived kind's jobs up to a day longer. @default 300
   */
  sweepIntervalSeconds?: number;
}

/** Default of `heartbeatSeconds` (`JOB_HEARTBEAT_SECONDS`): a killed replica's job is put back within about 30 s. */
export const DEFAULT_JOB_HEARTBEAT_SECONDS = 30;

/** pg-boss's shortest heartbeat, seconds. */
export const MIN_JOB_HEARTBEAT_SECONDS = 10;

/** How long a finished job is kept when its kind does not say (`JobKind.keepFinishedMs`): a day. */
export const DEFAULT_KEEP_FINISHED_MS = 86_400_000;

/** How a job is stored: our job inside pg-boss's data. */
const envelope = z.object({ key: z.string(), slot: z.string(), data: z.unknown() });

/**
 * The id of the job for (kind, key, slot): a UUID made from their hash, so every replica that
 * queues that job gives it the same id, and pg-boss's primary key (queue, id) with its
 * `ON CONFLICT DO NOTHING` keeps the first one only.
 */
export function jobIdOf(kind: string, key: string, slot: string): string {
  const hex = createHash('sha256').update(`${kind}\n${key}\n${slot}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * What pg-boss stores for a job: ours inside its data, the id of its (kind, key, slot)
 * ({@link jobIdOf}), and its key as pg-boss's `singletonKey`.
 * @example await boss.send(kind.name, stored.data, stored.options) // stored = pgBossJobOf(kind.name, job)
 */
export function pgBossJobOf<T>(
  kind: string,
  job: Job<T>,
): { data: object; options: { id: string; singletonKey: string } } {
  return {
    data: { key: job.key, slot: job.slot, data: job.data },
    options: { id: jobIdOf(kind, job.key, job.slot), singletonKey: job.key },
  };
}

/**
 * The scheduler of replicas on PostgreSQL, on pg-boss 12: one queue per kind, policy `singleton`
 * with the job's key as pg-boss's `singletonKey`, so one key's jobs never run at the same time on
 * any replica, and a job id derived from (kind, key, slot) ({@link jobIdOf}), so each slot of a key
 * is queued once however many replicas queue it. A job is claimed by one replica (pg-boss fetches
 * with `FOR UPDATE SKIP LOCKED`) and kept alive by its worker's heartbeat; if that replica dies,
 * the job stays active until its heartbeat lapses (`heartbeatSeconds`) or its kind's `expireMs`
 * passes, then pg-boss's supervisor (every `superviseIntervalSeconds`) puts it back and another
 * replica's worker takes it at its next poll: at most twice (then it fails for good).
 *
 * Delays of pg-boss itself: a new job wakes the workers through LISTEN/NOTIFY; anything else waits
 * for the next poll (`pollingIntervalSeconds`); an abandoned job for its lapsed heartbeat (or
 * expiry) plus up to one supervisor pass plus one poll. pg-boss is loaded by `start`.
 * @throws {Error} from `start` when the database cannot be reached or pg-boss's schema not migrated
 * @example const scheduler = createPgBossScheduler({ url, name: 'postgres://bot:***@db/bot', logger }); scheduler.define(kind); await scheduler.start();
 */
export function createPgBossScheduler(options: PgBossSchedulerOptions): JobScheduler {
  const { logger } = options;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const kinds = new Map<string, JobKind<unknown>>();
  let started = false;
  /** `start` succeeded and `stop` was not called. */
  let isRunning = false;
  let stopped = false;
  let boss: PgBoss | undefined;

  /** pg-boss, loaded at start only: a bot on SQLite never loads it. */
  async function openBoss(): Promise<PgBoss> {
    const { PgBoss } = await import('pg-boss');
    const opened = new PgBoss({
      connectionString: options.url,
      schema: options.schema ?? 'pgboss',
      application_name: 'plume-telegram-bot-jobs',
      max: options.max ?? 4,
      useListenNotify: options.listen ?? true,
      schedule: false,
      superviseIntervalSeconds: options.superviseIntervalSeconds ?? 10,
      monitorIntervalSeconds: options.superviseIntervalSeconds ?? 10,
      maintenanceIntervalSeconds: options.sweepIntervalSeconds ?? 300,
      ...(options.replicaId === undefined ? {} : { instanceName: options.replicaId }),
    });
    opened.on('error', (error) =>
      logger.error({ database: options.name, err: error }, 'The job queue (pg-boss) reported an error'),
    );
    opened.on('warning', (warning) =>
      logger.warn({ database: options.name, warning: warning.message }, 'The job queue (pg-boss) warns'),
    );
    return opened;
  }

  async function runBatch(kind: JobKind<unknown>, jobs: readonly PgBossJob<unknown>[]): Promise<void> {
    const batch: Job<unknown>[] = [];
    for (const job of jobs) {
      const parsed = envelope.safeParse(job.data);
      const data = parsed.success ? kind.data.safeParse(parsed.data.data) : undefined;
      if (parsed.success && data?.success === true) batch.push({ ...parsed.data, data: data.data });
      else
        logger.error({ job: kind.name, id: job.id }, 'A queued job does not have the shape its kind expects: skipped');
    }
    if (batch.length === 0) return;
    try {
      await kind.run(batch);
    } catch (error) {
      // pg-boss tries the jobs again (at most twice), but says nothing itself.
      logger.error({ err: error, job: kind.name, keys: batch.length }, 'A background job failed');
      throw error;
    }
  }

  return {
    define<T>(kind: JobKind<T>): void {
      if (started) throw new Error(`The job kind ${kind.name} was declared after start.`);
      if (kinds.has(kind.name)) throw new Error(`The job kind ${kind.name} is declared twice.`);
      kinds.set(kind.name, kind);
    },
    async enqueue<T>(kind: JobKind<T>, jobs: readonly Job<T>[]): Promise<number> {
      if (!kinds.has(kind.name)) throw new Error(`The job kind ${kind.name} was not declared before start.`);
      const running = boss;
      if (running === undefined) throw new Error(`The job scheduler is not started: cannot queue ${kind.name}.`);
      const ids = await Promise.all(
        jobs.map((job) => {
          const stored = pgBossJobOf(kind.name, job);
          return running.send(kind.name, stored.data, stored.options);
        }),
      );
      return ids.filter((id) => id !== null).length;
    },
    async start(): Promise<void> {
      started = true;
      const opened = (boss = await openBoss());
      await opened.start();
      for (const kind of kinds.values()) {
        const queue = {
          expireInSeconds: Math.max(1, Math.ceil(kind.expireMs / 1000)),
          retryLimit: 2,
          deleteAfterSeconds: Math.max(1, Math.ceil((kind.keepFinishedMs ?? DEFAULT_KEEP_FINISHED_MS) / 1000)),
          heartbeatSeconds: options.heartbeatSeconds ?? DEFAULT_JOB_HEARTBEAT_SECONDS,
          notify: true,
        };
        await opened.createQueue(kind.name, { ...queue, policy: 'singleton' });
        await opened.updateQueue(kind.name, queue);
        await opened.work(
          kind.name,
          {
            batchSize: Math.max(1, kind.batchSize ?? 1),
            localConcurrency: Math.max(1, kind.concurrency ?? 1),
            pollingIntervalSeconds,
            notifyPollingIntervalSeconds: pollingIntervalSeconds,
          },
          (jobs: PgBossJob<unknown>[]) => runBatch(kind, jobs),
        );
      }
      isRunning = !stopped;
    },
    running: () => isRunning,
    async stop(): Promise<void> {
      stopped = true;
      isRunning = false;
      await boss?.stop({ graceful: true, timeout: 30_000 });
    },
  };
}
