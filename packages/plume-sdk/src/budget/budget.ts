import { PlumeConfigError, PlumeRateLimitError } from '../errors';
import {
  MemoryBudgetStore,
  type BudgetLane,
  type BudgetLimits,
  type BudgetStore,
  type BudgetUsage,
} from './budget-store';

/** Options of {@link PlumeBudget}. Every option is optional; the defaults follow Plume's published limits. */
export interface PlumeBudgetOptions {
  /** The highest rate, in calls per second, of all clients together (Plume asks for at most 6). @default 6 */
  readonly requestsPerSecond?: number;
  /** Calls allowed at once after a quiet period. @default requestsPerSecond, rounded down (at least 1) */
  readonly burst?: number;
  /**
   * Calls allowed in any rolling `windowMs`. Plume's firewall blocks a source address for the rest
   * of its window after 2,000 calls in 5 minutes; 6/s for 5 minutes is 1,800.
   * @default 1800
   */
  readonly callsPerWindow?: number;
  /** The rolling window, in ms. @default 300000 (5 minutes) */
  readonly windowMs?: number;
  /** The share of `callsPerWindow` background calls may use, from 0 to 1. @default 0.8 */
  readonly backgroundShare?: number;
  /**
   * Calls of every rate window (`burst`) that background calls leave to interactive ones, from 0 to
   * `burst` − 1: set it to the number of calls one of your users' requests makes at once, so that
   * such a request does not wait behind monitoring. Each call kept costs background calls one
   * `burst`-th of the rate.
   * @default 1 (0 when `burst` is 1)
   */
  readonly interactiveReserve?: number;
  /** Where the counters live; share a store to share the budget between processes. @default a new MemoryBudgetStore */
  readonly store?: BudgetStore;
  /** The clock, in epoch ms (timers still run in real time). @default Date.now */
  readonly now?: () => number;
}

interface Waiter {
  readonly lane: BudgetLane;
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
}

function check(ok: boolean, problem: string): void {
  if (!ok) throw new PlumeConfigError(`Invalid PlumeBudget options: ${problem}`);
}

function whole(value: number | undefined, fallback: number, name: string, min: number): number {
  const resolved = value ?? fallback;
  check(
    Number.isInteger(resolved) && resolved >= min,
    `${name} must be a whole number of at least ${min}, got ${String(value)}`,
  );
  return resolved;
}

function seconds(ms: number): string {
  const total = Math.ceil(ms / 1000);
  if (total < 60) return `${total} s`;
  return total % 60 === 0 ? `${total / 60} min` : `${Math.floor(total / 60)} min ${total % 60} s`;
}

/**
 * One Plume request budget shared by many clients (pass it as the `budget` option of each
 * `PlumeClient`), because Plume's limits count per source address, not per client: a bot holding
 * 500 people's clients must still send at most 6 calls per second and stay below the firewall's
 * 2,000 calls per 5 minutes.
 *
 * Calls wait in two lanes. `interactive` calls (the default; a person is waiting) always start
 * before waiting `background` calls (`{ priority: 'background' }`, e.g. monitoring), background
 * calls never take more than `backgroundShare` of `callsPerWindow`, and they leave
 * `interactiveReserve` calls of every rate window to people, so a person's request of that many
 * calls starts at once, and a longer one waits about one request slot per extra call, even while
 * monitoring is saturated. When Plume's firewall answers
 * 403, {@link pauseForFirewall} pauses the whole budget for a window: waiting and new calls then
 * fail at once with a `PlumeRateLimitError` saying how long.
 *
 * @example
 * ```ts
 * const budget = new PlumeBudget({ backgroundShare: 0.8 });
 * const clients = users.map((user) => new PlumeClient({ ...user.credentials, budget }));
 * await clients[0].locations.list(customerId); // interactive
 * await clients[1].customers.locations(customerId, { priority: 'background' });
 * ```
 */
export class PlumeBudget {
  /** The resolved limits. */
  readonly limits: BudgetLimits;
  readonly #store: BudgetStore;
  readonly #now: () => number;
  readonly #queues: Record<BudgetLane, Waiter[]> = { interactive: [], background: [] };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pumping = false;
  #again = false;

  /** @throws {PlumeConfigError} when an option is out of range; the message says which and why. */
  constructor(options: PlumeBudgetOptions = {}) {
    check(typeof options === 'object' && options !== null, 'options must be an object');
    const rate = options.requestsPerSecond ?? 6;
    check(
      typeof rate === 'number' && Number.isFinite(rate) && rate > 0,
      `requestsPerSecond must be a positive number, got ${String(rate)}`,
    );
    const burst = whole(options.burst, Math.max(1, Math.floor(rate)), 'burst', 1);
    const windowMs = whole(options.windowMs, 300_000, 'windowMs', 1);
    const callsPerWindow = whole(options.callsPerWindow, 1800, 'callsPerWindow', 1);
    const share = options.backgroundShare ?? 0.8;
    check(
      typeof share === 'number' && share >= 0 && share <= 1,
      `backgroundShare must be a number from 0 to 1, got ${String(share)}`,
    );
    const interactiveReserve = whole(options.interactiveReserve, burst > 1 ? 1 : 0, 'interactiveReserve', 0);
    check(
      interactiveReserve <= Math.max(0, burst - 1),
      `interactiveReserve must be at most burst - 1 (${burst - 1}) so that background calls can start, got ${interactiveReserve}`,
    );
    const burstWindowMs = (burst / rate) * 1000;
    check(burstWindowMs <= windowMs, 'windowMs must be at least burst / requestsPerSecond seconds');
    check(
      options.store === undefined || typeof options.store?.take === 'function',
      'store must implement BudgetStore (take, pause, usage)',
    );
    check(
      options.now === undefined || typeof options.now === 'function',
      'now must be a function returning epoch milliseconds',
    );
    this.limits = Object.freeze({
      burst,
      burstWindowMs,
      callsPerWindow,
      windowMs,
      backgroundPerWindow: Math.floor(callsPerWindow * share),
      interactiveReserve,
    });
    this.#store = options.store ?? new MemoryBudgetStore();
    this.#now = options.now ?? Date.now;
  }

  /**
   * Waits until one call of `lane` may start, and counts it.
   *
   * @throws {PlumeRateLimitError} (`source: 'waf'`, with `retryAfterMs`) while the budget is paused; the signal's reason when it aborts first.
   * @example
   * ```ts
   * await budget.acquire('background', AbortSignal.timeout(60_000));
   * ```
   */
  acquire(lane: BudgetLane = 'interactive', signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const queue = this.#queues[lane];
      const onAbort = signal
        ? (): void => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            this.#idleCheck();
            reject(signal.reason);
          }
        : undefined;
      const waiter: Waiter = { lane, resolve, reject, signal, onAbort };
      if (onAbort) signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      this.#kick();
    });
  }

  /**
   * Pauses every client of this budget for one whole window (Plume's firewall does not say how
   * much of its window is left, and other programs on the same address count too), and fails the
   * calls waiting now.
   *
   * @returns How long the pause lasts, in ms.
   * @throws Whatever the store's `pause` throws.
   * @example
   * ```ts
   * const ms = await budget.pauseForFirewall(); // the SDK calls this itself on a firewall 403
   * ```
   */
  async pauseForFirewall(): Promise<number> {
    const until = this.#now() + this.limits.windowMs;
    await this.#store.pause(until);
    this.#kick();
    return this.limits.windowMs;
  }

  /**
   * What has been used in the current window, per lane, and any pause in force.
   *
   * @throws Whatever the store's `usage` throws.
   * @example
   * ```ts
   * const { background } = await budget.usage();
   * ```
   */
  async usage(): Promise<BudgetUsage> {
    return this.#store.usage(this.#now(), this.limits);
  }

  /** Drops the wake-up timer once nobody waits, so that an idle budget holds no timer. */
  #idleCheck(): void {
    if (this.#timer !== undefined && this.#queues.interactive.length === 0 && this.#queues.background.length === 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  /** Starts the queue's pump now, or makes a running pump look again. */
  #kick(): void {
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#pump();
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      for (;;) {
        this.#again = false;
        const waiter = this.#queues.interactive[0] ?? this.#queues.background[0];
        if (!waiter) return;
        const now = this.#now();
        const decision = await this.#store.take(waiter.lane, now, this.limits);
        const queue = this.#queues[waiter.lane];
        if (decision.granted) {
          // A waiter that aborted during an asynchronous take has left already; its slot is spent.
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
          waiter.resolve();
          continue;
        }
        if (decision.reason === 'paused') {
          this.#failAll(decision.retryAt - now);
          return;
        }
        if (this.#again) continue;
        this.#timer = setTimeout(() => this.#kick(), Math.max(1, decision.retryAt - now));
        return;
      }
    } catch (error) {
      this.#failAll(undefined, error);
    } finally {
      this.#pumping = false;
    }
  }

  #failAll(pausedForMs: number | undefined, cause?: unknown): void {
    const error =
      pausedForMs === undefined
        ? cause
        : new PlumeRateLimitError(
            `Plume's firewall blocked this address (403 after too many calls), so the shared budget is paused for another ${seconds(pausedForMs)}; try again then.`,
            { source: 'waf', retryAfterMs: pausedForMs },
          );
    for (const lane of ['interactive', 'background'] as const) {
      for (const waiter of this.#queues[lane].splice(0)) {
        if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.reject(error);
      }
    }
  }
}
