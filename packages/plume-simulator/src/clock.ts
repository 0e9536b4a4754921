/**
 * The simulator's clock: what "now" is for token expiry, the firewall window, the request log and
 * scenario timelines. Real time by default; a manual or accelerated clock for tests and sandboxes.
 */

/** A clock in epoch milliseconds. */
export interface SimulatorClock {
  /** The current time, in epoch milliseconds. */
  now(): number;
}

/** A clock that only moves when told to, for tests. */
export interface ManualClock extends SimulatorClock {
  /** Moves the clock forward by `ms` (≥ 0) and returns the new time. */
  advance(ms: number): number;
  /** Sets the clock to `time` (a Date, an ISO string or epoch ms) and returns it in epoch ms. */
  set(time: Date | string | number): number;
}

function epoch(time: Date | string | number, what: string): number {
  const value = new Date(time).getTime();
  if (Number.isNaN(value))
    throw new TypeError(`[plume-simulator] ${what} must be a Date, an ISO string or epoch milliseconds`);
  return value;
}

/** The real clock (`Date.now`). */
export const realClock: SimulatorClock = Object.freeze({ now: () => Date.now() });

/**
 * A clock that stands still until `advance()` or `set()` moves it.
 *
 * @param start - The starting time. @default the real time now
 * @throws TypeError when `start` (or a later `set`) is not a time, or `advance` gets a negative or non-finite number.
 * @example
 * ```ts
 * const clock = manualClock('2026-01-01T00:00:00Z');
 * const sim = await startSimulator({ clock });
 * clock.advance(5 * 60_000); // five minutes later, for tokens, the firewall and scenarios
 * ```
 */
export function manualClock(start: Date | string | number = Date.now()): ManualClock {
  let now = epoch(start, 'start');
  return {
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new TypeError('[plume-simulator] advance(ms) needs a finite number of milliseconds ≥ 0');
      now += ms;
      return now;
    },
    set(time) {
      now = epoch(time, 'time');
      return now;
    },
  };
}

/**
 * A clock that runs `factor` times faster than real time from `start`, so that a scenario of hours
 * plays in minutes in a sandbox.
 *
 * @param factor - Speed-up, e.g. 60 for one simulated minute per real second (> 0).
 * @param start - The simulated time at creation. @default the real time now
 * @param realNow - The real clock it follows. @default Date.now
 * @throws TypeError when `factor` is not a positive finite number or `start` is not a time.
 * @example
 * ```ts
 * const sim = await startSimulator({ clock: acceleratedClock(60) });
 * ```
 */
export function acceleratedClock(
  factor: number,
  start: Date | string | number = Date.now(),
  realNow: () => number = Date.now,
): SimulatorClock {
  if (!Number.isFinite(factor) || factor <= 0)
    throw new TypeError('[plume-simulator] acceleratedClock(factor) needs a positive finite factor');
  const origin = epoch(start, 'start');
  const realOrigin = realNow();
  return { now: () => origin + (realNow() - realOrigin) * factor };
}
