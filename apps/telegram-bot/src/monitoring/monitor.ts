import { z } from 'zod';
import type { JobKind, JobScheduler } from '../jobs/job-scheduler';
import type { Logger } from '../logger';
import type { PlumeGateway } from '../plume/gateway';
import type { AlertStore } from '../storage/alert-store';
import type { Credentials } from '../storage/user-state';
import { evaluateCycle } from './evaluate-cycle';
import { dueReason, dueSlot, groupsOf, oldestCheck, type CustomerGroup } from './due-checks';
import { observeCustomer, type CheckResult } from './observe';
import { createLoop, realTimers, type Timers } from './timers';
import { wanEveryMs } from './wan-pace';

export interface MonitorOptions {
  alerts: AlertStore;
  /** Runs the checks: in this process (SQLite) or on whichever replica takes them (pg-boss). */
  scheduler: JobScheduler;
  /** The Plume credentials a person's watches are checked with, or null. */
  credentialsOf: (userId: number) => Promise<Credentials | null>;
  plume: PlumeGateway;
  logger: Logger;
  /** How often each watched location is checked, ms (`WATCH_INTERVAL_SECONDS`). */
  intervalMs: number;
  clock?: () => number;
  timers?: Timers;
  /** How often the monitor looks for customers due. @default min(1 s, interval / 10) */
  tickMs?: number;
  /**
   * A location whose state just changed (an alert pending, or a recovery) is checked again this
   * soon instead of a whole interval later, so an alert comes within about one interval of the
   * change, not two. @default min(5 s, interval / 4)
   */
  confirmMs?: number;
  /** Called after each commit that wrote notifications (wakes the relay). */
  onNotify?: () => void;
  /** Called once per customer checked, with the outcome and its number of locations. */
  onCheck?: (outcome: 'ok' | 'failed', locations: number) => void;
  /** This replica's name (`REPLICA_ID`), in the log line of each check it runs. */
  replicaId?: string;
}

/** A customer due when its job runs: the slot the job was queued for, and the slot due now. */
interface DueCheck {
  group: CustomerGroup;
  /** The slot of the job (queued by some replica, maybe an interval ago). */
  queued: string;
  /** The slot due now (`dueSlot` at run time), whose reason the log gives. */
  due: string;
}

/** Polls the watched locations and turns what it sees into incidents and notifications. */
export interface Monitor {
  start(): void;
  /** Looks for due customers now (after a new watch). */
  wake(): void;
  /** Stops: calls in flight are aborted and their results dropped (the next start checks again). */
  stop(): Promise<void>;
}

/** The job of checking one customer (its key) in one slot; everything else is read from the database when it runs. */
const CHECK_JOB = 'watch-check';

/**
 * The monitor. Every watched location is checked once per interval; the locations of one customer
 * together, with one `customers.locations` call, at a fixed point of the interval derived from the
 * customer (so checks are spread over it). A customer with a location whose alert is pending (or
 * whose recovery is under way) is checked again after `confirmMs`, so the second observation the
 * hysteresis asks for comes seconds later, not an interval later. Node lists come every 15 minutes, or at once when the
 * online state changed; WAN stats at most every 15 minutes (less often when the cloud's background
 * lane cannot afford it: wan-pace.ts), and only while somebody wants WAN alerts. Every call goes through the cloud's budget, in its background lane, with
 * the credentials of the first watcher who has some for that cloud.
 *
 * Each replica's loop (every `tickMs`) finds the customers due and queues one `watch-check` job per
 * customer and slot (due-checks.ts) on the scheduler, which runs each once, whichever replica queued
 * it first and whichever runs it, one customer at a time. A batch of jobs is checked again against
 * the database when it runs (another replica may have checked a customer meanwhile), evaluated per
 * cloud with `evaluateFleet` (which raises one "monitoring degraded" when Plume fails for many of
 * them) and committed in one transaction with its incidents and outbox rows. State lives in the
 * database only, so a restart resumes where it stopped: a customer whose point in the interval
 * passed while the bot was down is due at once. A check that found nothing to commit (no watcher
 * with credentials for the cloud) is tried again in the next slot.
 */
export function createMonitor(options: MonitorOptions): Monitor {
  const { alerts, scheduler, credentialsOf, plume, logger, intervalMs } = options;
  const clock = options.clock ?? Date.now;
  const tickMs = options.tickMs ?? Math.min(1000, Math.max(10, Math.floor(intervalMs / 10)));
  const confirmMs = options.confirmMs ?? Math.min(5000, Math.floor(intervalMs / 4));
  const abort = new AbortController();
  const warned = new Set<string>();
  /** The slot this replica last queued per customer: not queued again each tick while it waits or runs. */
  const queuedSlots = new Map<string, string>();

  async function credentialsFor(group: CustomerGroup): Promise<Credentials | undefined> {
    const watchers = [...new Set(group.checks.flatMap((check) => check.watchers))].sort((a, b) => a - b);
    for (const userId of watchers) {
      const credentials = await credentialsOf(userId).catch(() => null);
      if (credentials !== null && plume.cloudOf(credentials) === group.cloud) return credentials;
    }
    return undefined;
  }

  /** One line per check run (debug): which replica, which customer, which slot, why, and how it went. */
  function logCheck(customer: string, queued: string, due: string | undefined, outcome: string): void {
    const reason = due === undefined ? null : dueReason(due);
    logger.debug({ replica: options.replicaId, customer, queued, due: due ?? null, reason, outcome }, 'Watch check');
  }

  async function checkGroup({ group, queued, due }: DueCheck, now: number, wanEvery: number): Promise<CheckResult[]> {
    const credentials = await credentialsFor(group);
    if (credentials === undefined) {
      if (!warned.has(group.key)) {
        warned.add(group.key);
        logger.warn(
          { monitoredIds: group.checks.map((c) => c.monitoredId) },
          'Nobody watching these locations has Plume credentials for their cloud: they are not checked',
        );
      }
      logCheck(group.key, queued, due, 'no credentials');
      return [];
    }
    warned.delete(group.key);
    const { results, failed } = await observeCustomer(
      plume.client(credentials),
      group.customerId,
      group.checks,
      { now, wanEveryMs: wanEvery, confirmMs },
      abort.signal,
    );
    logCheck(group.key, queued, due, failed ? 'failed' : 'ok');
    options.onCheck?.(failed ? 'failed' : 'ok', group.checks.length);
    return results;
  }

  async function commit(cloud: string, at: number, results: readonly CheckResult[]): Promise<void> {
    const effects = await alerts.commit({ cloud, at, evaluate: evaluateCycle(at, results) });
    let notify = false;
    for (const { decision, monitoredId, incidentId, recipients } of effects) {
      notify ||= recipients > 0;
      logger.info(
        { monitoredId, kind: decision.kind, condition: decision.condition, key: decision.key, incidentId, recipients },
        'Alert decision',
      );
    }
    if (notify) options.onNotify?.();
  }

  async function runBatch(cloud: string, due: readonly DueCheck[], at: number, wanEvery: number) {
    try {
      const results = (await Promise.all(due.map((check) => checkGroup(check, at, wanEvery)))).flat();
      if (abort.signal.aborted || results.length === 0) return;
      await commit(cloud, at, results);
    } catch (error) {
      if (!abort.signal.aborted) logger.error({ err: error, cloud }, 'A monitoring check failed');
    }
  }

  const checkJob: JobKind<Record<string, never>> = {
    name: CHECK_JOB,
    data: z.object({}).strict(),
    // A check takes seconds (its Plume calls time out); a replica killed mid-check is noticed by its
    // lapsed heartbeat long before this.
    expireMs: Math.max(15 * 60_000, intervalMs),
    // A slot names an interval: a replica reading the database before a check's commit queues it
    // again within that interval, never two intervals on.
    keepFinishedMs: 2 * intervalMs,
    // A replica holds at most batchSize × concurrency customers' jobs (40): those of a replica killed
    // wait for its heartbeat to lapse, and a batch commits only when its last check is done. When
    // the budget is the bound, more claimed only wait longer in its queue, and at steady state a
    // batch is the few customers due in one tick anyway.
    batchSize: 10,
    concurrency: 4,
    async run(jobs) {
      const now = clock();
      const monitored = await alerts.monitored();
      const groups = new Map(groupsOf(monitored).map((group) => [group.key, group]));
      const byCloud = new Map<string, DueCheck[]>();
      for (const job of jobs) {
        const group = groups.get(job.key);
        // Checked since the job was queued (another job of this customer ran first), or unwatched.
        // A job run late (held back behind another job of its customer, or taken over from a dead
        // replica) checks what is due now, if anything: the slot due now has a job of its own too,
        // which then finds the customer checked.
        const due = group === undefined ? undefined : dueSlot(group, now, intervalMs, confirmMs);
        if (group === undefined || due === undefined) {
          logCheck(job.key, job.slot, undefined, 'not due');
          continue;
        }
        byCloud.set(group.cloud, [...(byCloud.get(group.cloud) ?? []), { group, queued: job.slot, due }]);
      }
      await Promise.all(
        [...byCloud].map(([cloud, list]) => {
          const wanEvery = wanEveryMs(
            monitored.filter((check) => check.cloud === cloud),
            intervalMs,
          );
          return runBatch(cloud, list, now, wanEvery);
        }),
      );
    },
  };
  scheduler.define(checkJob);

  async function tick(): Promise<number | undefined> {
    const now = clock();
    const groups = groupsOf(await alerts.monitored());
    const due = groups
      .map((group) => ({ group, slot: dueSlot(group, now, intervalMs, confirmMs) }))
      .filter((entry): entry is { group: CustomerGroup; slot: string } => entry.slot !== undefined)
      .filter(({ group, slot }) => queuedSlots.get(group.key) !== slot)
      .sort((a, b) => oldestCheck(a.group) - oldestCheck(b.group));
    // After a long stop (or many new watches) everything is due: queue at most twice the steady
    // pace per tick, never-checked and most overdue first, so calls and memory stay spread out.
    // A slot queued already (by another replica, or before a restart) is refused by the scheduler.
    const queued = due.slice(0, Math.max(1, Math.ceil((groups.length * tickMs) / intervalMs) * 2));
    if (queuedSlots.size > 2 * groups.length) queuedSlots.clear();
    for (const { group, slot } of queued) queuedSlots.set(group.key, slot);
    if (queued.length > 0 && !abort.signal.aborted)
      await scheduler.enqueue(
        checkJob,
        queued.map(({ group, slot }) => ({ key: group.key, slot, data: {} })),
      );
    // Also when nothing is watched: watches written by another process are picked up.
    return now + tickMs;
  }

  const loop = createLoop(tick, {
    clock,
    timers: options.timers ?? realTimers,
    onError: (error) => logger.error({ err: error }, 'The monitor failed; it tries again shortly'),
  });
  return {
    start: () => loop.wake(),
    wake: () => loop.wake(),
    async stop() {
      abort.abort(new Error('The monitor stopped'));
      await loop.stop();
    },
  };
}
