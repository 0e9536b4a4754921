/**
 * Where a {@link PlumeBudget} keeps its counters. The default, {@link MemoryBudgetStore}, serves
 * one process; a store backed by a database or Redis lets several processes (replicas, workers)
 * behind one egress address share one budget, as Plume's firewall counts per source address.
 */

/** A call's lane: `interactive` (a person is waiting) always goes before `background` (monitoring). */
export type BudgetLane = 'interactive' | 'background';

/** The limits a store enforces in {@link BudgetStore.take}, resolved by the budget. */
export interface BudgetLimits {
  /** At most `burst` calls start in any `burstWindowMs` (the request rate). */
  readonly burst: number;
  /** The rate window: `burst / requestsPerSecond` seconds. */
  readonly burstWindowMs: number;
  /** At most `callsPerWindow` calls start in any rolling `windowMs` (the firewall's window). */
  readonly callsPerWindow: number;
  /** The rolling window, in ms. */
  readonly windowMs: number;
  /** Of those, at most this many background calls (the background share of `callsPerWindow`). */
  readonly backgroundPerWindow: number;
  /**
   * Calls of every rate window background calls leave to interactive ones (from 0 to `burst` − 1;
   * used when `burst` > 1): a person's request of that many calls starts at once even while
   * monitoring saturates its lane.
   */
  readonly interactiveReserve: number;
}

/** Why {@link BudgetStore.take} refused a call. */
export type BudgetRefusal = 'rate' | 'window' | 'background' | 'paused';

/** The answer of {@link BudgetStore.take}. */
export type BudgetDecision =
  | { readonly granted: true }
  /** Refused: nothing was recorded; `retryAt` (epoch ms) is the earliest time it could be granted. */
  | { readonly granted: false; readonly reason: BudgetRefusal; readonly retryAt: number };

/** What a budget has used in the current window. */
export interface BudgetUsage {
  /** Interactive calls started in the rolling window. */
  readonly interactive: number;
  /** Background calls started in the rolling window. */
  readonly background: number;
  /** Epoch ms until which the budget is paused (after a firewall 403), or 0. */
  readonly pausedUntil: number;
}

/**
 * The counters behind a budget. `take` must check and record atomically (one transaction, one Lua
 * script): it grants a call only if, counting it, the rate, the window and (for `background`) the
 * background share all hold, and no pause is in force; otherwise it records nothing and says when
 * to ask again. Background calls also leave `interactiveReserve` calls of every rate window (`burst`)
 * to interactive ones and are spaced evenly (`burstWindowMs / (burst - interactiveReserve)` apart,
 * one call early at most) when `burst` > 1. Methods may return promises, so a shared store can live
 * in another process.
 *
 * Lane priority is applied by each budget among its own waiting calls; the store shares the limits.
 *
 * @example
 * ```ts
 * const budget = new PlumeBudget({ store: new MemoryBudgetStore() }); // the default
 * ```
 */
export interface BudgetStore {
  /** Grants (and records) one call of `lane` at `now`, or refuses it with the time to ask again. */
  take(lane: BudgetLane, now: number, limits: BudgetLimits): BudgetDecision | Promise<BudgetDecision>;
  /** Refuses every call until `until` (epoch ms); a later pause extends it, an earlier one is ignored. */
  pause(until: number): void | Promise<void>;
  /** What has been used in the window ending at `now`. */
  usage(now: number, limits: BudgetLimits): BudgetUsage | Promise<BudgetUsage>;
}

/**
 * The counters of a {@link MemoryBudgetStore} as plain JSON, so that a shared store can keep them in
 * a database row between calls and apply the same rules under its own lock
 * ({@link MemoryBudgetStore.fromSnapshot}, then `take`, then {@link MemoryBudgetStore.snapshot}).
 */
export interface BudgetSnapshot {
  /** Start times (epoch ms) of every call in the window, oldest first. */
  readonly calls: readonly number[];
  /** Start times of the background calls among them, oldest first. */
  readonly backgroundCalls: readonly number[];
  /** Epoch ms until which every call is refused, or 0. */
  readonly pausedUntil: number;
  /** When the next background call is due on the even schedule (epoch ms), or 0. */
  readonly backgroundDue: number;
}

const isTimes = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((t, i) => Number.isFinite(t) && (i === 0 || (t as number) >= value[i - 1]));

/** Background calls allowed in one rate window: `burst` less the calls kept for people (at least 1). */
const backgroundPerRateWindow = (limits: BudgetLimits) => Math.max(1, limits.burst - limits.interactiveReserve);

/** Drops the times at the front of `times` (oldest first) that are at or before `since`. */
function prune(times: number[], since: number): void {
  let expired = 0;
  while (expired < times.length && (times[expired] as number) <= since) expired++;
  if (expired > 0) times.splice(0, expired);
}

/**
 * The in-memory {@link BudgetStore}: the start times of the calls in the current window, per lane.
 * It serves the clients of one process; its memory is bounded by `callsPerWindow`.
 */
export class MemoryBudgetStore implements BudgetStore {
  /** Start times of every call in the window, oldest first. */
  readonly #all: number[] = [];
  /** Start times of the background calls in the window, oldest first. */
  readonly #background: number[] = [];
  #pausedUntil = 0;
  /** When the next background call is due on the even schedule. */
  #backgroundDue = 0;

  take(lane: BudgetLane, now: number, limits: BudgetLimits): BudgetDecision {
    if (now < this.#pausedUntil) return { granted: false, reason: 'paused', retryAt: this.#pausedUntil };
    const all = this.#all;
    prune(all, now - limits.windowMs);
    prune(this.#background, now - limits.windowMs);
    if (all.length >= limits.burst) {
      const freeAt = (all[all.length - limits.burst] as number) + limits.burstWindowMs;
      if (freeAt > now) return { granted: false, reason: 'rate', retryAt: freeAt };
    }
    if (lane === 'background' && limits.burst > 1) {
      // `interactiveReserve` calls of every rate window stay free for people, and background calls
      // are spread evenly, so a person's request never waits long behind a burst of monitoring.
      // The pacing is a virtual schedule (GCRA), so a waiter woken a little late does not push
      // every later background call back; it may catch up by one call.
      const share = backgroundPerRateWindow(limits);
      const spacing = limits.burstWindowMs / share;
      if (now < this.#backgroundDue - spacing)
        return { granted: false, reason: 'rate', retryAt: this.#backgroundDue - spacing };
      const reserve = all.length >= share ? (all[all.length - share] as number) + limits.burstWindowMs : now;
      if (reserve > now) return { granted: false, reason: 'rate', retryAt: reserve };
    }
    if (all.length >= limits.callsPerWindow) {
      return {
        granted: false,
        reason: 'window',
        retryAt: (all[all.length - limits.callsPerWindow] as number) + limits.windowMs,
      };
    }
    if (lane === 'background' && this.#background.length >= limits.backgroundPerWindow) {
      const oldest = this.#background[this.#background.length - limits.backgroundPerWindow];
      return { granted: false, reason: 'background', retryAt: (oldest ?? now) + limits.windowMs };
    }
    all.push(now);
    if (lane === 'background') {
      this.#background.push(now);
      if (limits.burst > 1)
        this.#backgroundDue =
          Math.max(this.#backgroundDue, now) + limits.burstWindowMs / backgroundPerRateWindow(limits);
    }
    return { granted: true };
  }

  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  /**
   * The counters as plain JSON (see {@link BudgetSnapshot}); at most `callsPerWindow` times each.
   * @example JSON.stringify(new MemoryBudgetStore().snapshot()) // '{"calls":[],"backgroundCalls":[],"pausedUntil":0,"backgroundDue":0}'
   */
  snapshot(): BudgetSnapshot {
    return {
      calls: [...this.#all],
      backgroundCalls: [...this.#background],
      pausedUntil: this.#pausedUntil,
      backgroundDue: this.#backgroundDue,
    };
  }

  /**
   * A store holding the counters of `snapshot` (taken by {@link MemoryBudgetStore.snapshot}).
   * @throws {TypeError} when `snapshot` is not one: times that are not finite numbers in order, or a missing field
   * @example const store = MemoryBudgetStore.fromSnapshot(JSON.parse(row.state));
   */
  static fromSnapshot(snapshot: BudgetSnapshot): MemoryBudgetStore {
    const { calls, backgroundCalls, pausedUntil, backgroundDue } = snapshot ?? {};
    if (
      !isTimes(calls) ||
      !isTimes(backgroundCalls) ||
      !Number.isFinite(pausedUntil) ||
      !Number.isFinite(backgroundDue)
    ) {
      throw new TypeError(
        'Not a budget snapshot: expected { calls, backgroundCalls, pausedUntil, backgroundDue } as MemoryBudgetStore.snapshot() gives.',
      );
    }
    const store = new MemoryBudgetStore();
    store.#all.push(...calls);
    store.#background.push(...backgroundCalls);
    store.#pausedUntil = pausedUntil;
    store.#backgroundDue = backgroundDue;
    return store;
  }

  usage(now: number, limits: BudgetLimits): BudgetUsage {
    prune(this.#all, now - limits.windowMs);
    prune(this.#background, now - limits.windowMs);
    return {
      interactive: this.#all.length - this.#background.length,
      background: this.#background.length,
      pausedUntil: this.#pausedUntil > now ? this.#pausedUntil : 0,
    };
  }
}
