/** The timers a background loop uses; tests and benchmarks may pass their own. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The process's timers, unref'd: a waiting loop never keeps the process alive by itself. */
export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A loop step run again when woken or when its timer fires, never twice at once: a wake during a
 * run makes it run once more right after. `run` returns when it wants to run next (epoch ms), or
 * undefined to sleep until woken.
 */
export interface Loop {
  wake(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `run` now and then whenever asked (see {@link Loop}); an error is reported to `onError` and
 * the loop tries again after `retryMs`.
 * @example const loop = createLoop(async () => undefined, { clock: Date.now, timers: realTimers, onError: console.error });
 */
export function createLoop(
  run: () => Promise<number | undefined>,
  options: { clock: () => number; timers: Timers; onError: (error: unknown) => void; retryMs?: number },
): Loop {
  const { clock, timers } = options;
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const schedule = (at: number | undefined) => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (at === undefined || stopped) return;
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        wake();
      },
      Math.max(0, at - clock()),
    );
  };
  const wake = (): void => {
    if (stopped) return;
    if (running !== undefined) {
      again = true;
      return;
    }
    running = (async () => {
      let next: number | undefined;
      do {
        again = false;
        try {
          next = await run();
        } catch (error) {
          options.onError(error);
          next = clock() + (options.retryMs ?? 5000);
        }
      } while (again && !stopped);
      running = undefined;
      schedule(next);
    })();
  };
  return {
    wake,
    async stop() {
      stopped = true;
      schedule(undefined);
      await running;
    },
  };
}
