import { sleep } from './abort';

/**
 * Keeps one client within a request rate: at most `burst` requests start in any window of
 * `burst / requestsPerSecond` seconds (by default 6 in any second, as Plume recommends), in
 * arrival order. Unlike a token bucket, which lets `burst` more through while it refills (up to
 * 11 in the first second at 6/s), no window ever holds more than `burst`.
 *
 * A caller whose signal aborts while it waits leaves at once, but its slot is not handed on:
 * later callers already hold their own times, so the limit stays exact.
 */
export class RateLimiter {
  readonly #burst: number;
  readonly #windowMs: number;
  /** The start times given to the latest `burst` requests (some may lie ahead), oldest first. */
  readonly #starts: number[] = [];

  constructor(requestsPerSecond: number, burst: number) {
    this.#burst = burst;
    this.#windowMs = (burst / requestsPerSecond) * 1000;
  }

  /** Resolves when the caller may send one request; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    const starts = this.#starts;
    // The oldest of the latest `burst` starts must have left the window before another may begin.
    const start = starts.length < this.#burst ? now : Math.max(now, (starts[0] as number) + this.#windowMs);
    starts.push(start);
    if (starts.length > this.#burst) starts.shift();
    return start > now ? sleep(start - now, signal) : Promise.resolve();
  }
}
