import { sleep } from './abort';

/**
 * A token bucket that spaces one client's requests: `burst` may go at once, after which requests
 * are released at `requestsPerSecond`, in arrival order. Waiting honours an `AbortSignal`.
 */
export class RateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  #available: number;
  #updatedAt: number;

  constructor(requestsPerSecond: number, burst: number) {
    this.#perMs = requestsPerSecond / 1000;
    this.#burst = burst;
    this.#available = burst;
    this.#updatedAt = performance.now();
  }

  /** Resolves when the caller may send one request. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    this.#available = Math.min(this.#burst, this.#available + (now - this.#updatedAt) * this.#perMs);
    this.#updatedAt = now;
    this.#available -= 1;
    if (this.#available >= 0) return;
    const waitMs = -this.#available / this.#perMs;
    try {
      await sleep(waitMs, signal);
    } catch (error) {
      this.#available += 1; // give the slot back to those still waiting
      throw error;
    }
  }
}
