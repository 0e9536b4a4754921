import type { Logger } from '../logger';
import type { Timers } from '../monitoring/timers';

/** Runs one update: resolves when it has finished, or when it stops holding up its person (overdue). */
export type LaneRun = () => Promise<void>;

/** One queue per person: each person's updates run one at a time, oldest first; people never wait for each other. */
export interface PersonLanes {
  /**
   * Queues an update of `person` from the moment it arrives; `run` resolves once the inbox has
   * admitted it (undefined: it is not to run, and it no longer holds up the person's later updates).
   */
  enqueue(person: string, updateId: number, run: Promise<LaneRun | undefined>): void;
}

export interface PersonLanesOptions {
  /**
   * Whether the oldest queued update may start now (the inbox's `begin`: across replicas, the
   * person's turn). False, or a failure: the lane asks again after `retryMs`, or sooner when an
   * update joins it (an earlier one taken over from a replica that died goes first).
   */
  begin: (updateId: number) => Promise<boolean>;
  /** True once the bot has given up on its updates (a stop): they run without asking `begin` and start no effect. */
  abandoned: () => boolean;
  timers: Timers;
  logger: Logger;
  /** @default 100 */
  retryMs?: number;
}

interface Lane {
  waiting: Map<number, Promise<LaneRun | undefined>>;
  /** Ends a pause early: an update joined the lane. */
  wake?: (() => void) | undefined;
}

/**
 * Per-person lanes, ordered by update id (Telegram numbers a person's updates in the order sent),
 * not by arrival: an update taken over from another replica goes before the later ones already here.
 * @example const lanes = createPersonLanes({ begin: (id) => inbox.begin(id), abandoned: () => false, timers: realTimers, logger });
 */
export function createPersonLanes(options: PersonLanesOptions): PersonLanes {
  const { timers, logger } = options;
  const retryMs = options.retryMs ?? 100;
  const lanes = new Map<string, Lane>();

  const pause = (lane: Lane) =>
    new Promise<void>((resolve) => {
      const timer = timers.setTimeout(() => done(), retryMs);
      const done = () => {
        timers.clearTimeout(timer);
        lane.wake = undefined;
        resolve();
      };
      lane.wake = done;
    });

  const mayBegin = (updateId: number) =>
    options.begin(updateId).catch((err: unknown) => {
      logger.warn({ err, updateId }, 'Could not start an update (the inbox failed); trying again.');
      return false;
    });

  async function drive(person: string, lane: Lane): Promise<void> {
    while (lane.waiting.size > 0) {
      const updateId = Math.min(...lane.waiting.keys());
      const run = await lane.waiting.get(updateId);
      if (run !== undefined && !options.abandoned() && !(await mayBegin(updateId))) {
        await pause(lane);
        continue;
      }
      lane.waiting.delete(updateId);
      await run?.();
    }
    lanes.delete(person);
  }

  return {
    enqueue(person, updateId, run) {
      const lane = lanes.get(person);
      if (lane !== undefined) {
        lane.waiting.set(updateId, run);
        lane.wake?.();
        return;
      }
      const fresh: Lane = { waiting: new Map([[updateId, run]]) };
      lanes.set(person, fresh);
      void drive(person, fresh);
    },
  };
}
