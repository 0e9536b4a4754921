import type { TokenIssuer } from './auth';
import { ROUTE_NAMES } from './routes';
import type { FailOptions, FaultTarget, MalformedKind, RouteName, SimulatorFaults, WafLimit } from './types';

/** What a scripted fault does to a response. */
export type ScriptedFault =
  | { readonly kind: 'fail'; readonly status: number; readonly options: FailOptions }
  | { readonly kind: 'malformed'; readonly malformed: MalformedKind };

interface Rule<T> {
  readonly target: FaultTarget;
  remaining: number;
  readonly effect: T;
}

/** The defaults `reset()` goes back to. */
export interface FaultDefaults {
  readonly latencyMs: number;
  readonly tokenLifetimeSeconds: number;
  readonly wafLimit: Required<WafLimit> | false;
}

function checkTarget(target: FaultTarget): void {
  if (target !== '*' && !ROUTE_NAMES.has(target)) {
    throw new TypeError(
      `[plume-simulator] unknown route "${String(target)}"; use one of ${[...ROUTE_NAMES].join(', ')} or "*"`,
    );
  }
}

function checkCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0)
    throw new TypeError(`[plume-simulator] ${what} must be a non-negative integer`);
}

function take<T>(rules: Rule<T>[], route: RouteName): T | undefined {
  const index = rules.findIndex((rule) => rule.target === route || (rule.target === '*' && route !== 'token'));
  if (index < 0) return undefined;
  const rule = rules[index] as Rule<T>;
  rule.remaining -= 1;
  if (rule.remaining <= 0) rules.splice(index, 1);
  return rule.effect;
}

/**
 * The fault state of one simulator and the public {@link SimulatorFaults} API over it. The server
 * asks `nextDelay` and `nextFault` once per request and `wafAllows` once per API request.
 */
export class FaultState implements SimulatorFaults {
  latencyMs: number;
  #waf: Required<WafLimit> | false;
  /** Per client address: the arrival times of its calls still inside the window, oldest first. */
  #wafHits = new Map<string, number[]>();
  readonly #responses: Rule<ScriptedFault>[] = [];
  readonly #delays: Rule<number>[] = [];
  readonly #defaults: FaultDefaults;
  readonly #issuer: TokenIssuer;
  readonly #now: () => number;

  constructor(defaults: FaultDefaults, issuer: TokenIssuer, now: () => number) {
    this.#defaults = defaults;
    this.#issuer = issuer;
    this.#now = now;
    this.latencyMs = defaults.latencyMs;
    this.#waf = defaults.wafLimit;
  }

  setLatency(ms: number): void {
    checkCount(ms, 'latency');
    this.latencyMs = ms;
  }

  failNext(route: FaultTarget, status: number, count = 1, options: FailOptions = {}): void {
    checkTarget(route);
    checkCount(count, 'count');
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      throw new TypeError('[plume-simulator] status must be an HTTP status code (100-599)');
    }
    this.#responses.push({ target: route, remaining: count, effect: { kind: 'fail', status, options } });
  }

  malformNext(route: FaultTarget, kind: MalformedKind = 'invalid-json', count = 1): void {
    checkTarget(route);
    checkCount(count, 'count');
    this.#responses.push({ target: route, remaining: count, effect: { kind: 'malformed', malformed: kind } });
  }

  delayNext(route: FaultTarget, ms: number, count = 1): void {
    checkTarget(route);
    checkCount(ms, 'delay');
    checkCount(count, 'count');
    this.#delays.push({ target: route, remaining: count, effect: ms });
  }

  setTokenLifetime(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 1)
      throw new TypeError('[plume-simulator] token lifetime must be a positive integer of seconds');
    this.#issuer.lifetimeSeconds = seconds;
  }

  revokeTokens(): void {
    this.#issuer.revokeAll();
  }

  setWafLimit(limit: WafLimit | false): void {
    this.#waf = limit === false ? false : normalizeWaf(limit);
    this.#wafHits = new Map();
  }

  reset(): void {
    this.#responses.length = 0;
    this.#delays.length = 0;
    this.latencyMs = this.#defaults.latencyMs;
    this.#issuer.lifetimeSeconds = this.#defaults.tokenLifetimeSeconds;
    this.setWafLimit(this.#defaults.wafLimit);
  }

  /** The extra delay for this call of `route` (latency plus any scripted delay). */
  nextDelay(route: RouteName | undefined): number {
    return this.latencyMs + (route ? (take(this.#delays, route) ?? 0) : 0);
  }

  /** The scripted fault for this call of `route`, if any, consuming one use of it. */
  nextFault(route: RouteName): ScriptedFault | undefined {
    return take(this.#responses, route);
  }

  /**
   * Counts one API call from `address` against its WAF window; `false` when it must be blocked.
   * Blocked calls are not counted, so the window frees up as the allowed calls age out.
   */
  wafAllows(address: string): boolean {
    if (this.#waf === false) return true;
    const now = this.#now();
    const since = now - this.#waf.windowMs;
    let hits = this.#wafHits.get(address);
    if (!hits) {
      hits = [];
      this.#wafHits.set(address, hits);
    }
    let expired = 0;
    while (expired < hits.length && (hits[expired] as number) <= since) expired++;
    if (expired > 0) hits.splice(0, expired);
    if (hits.length >= this.#waf.max) return false;
    hits.push(now);
    return true;
  }
}

/** Validates a WAF limit and fills in the 5-minute default window. */
export function normalizeWaf(limit: WafLimit): Required<WafLimit> {
  const windowMs = limit.windowMs ?? 300_000;
  if (!Number.isInteger(limit.max) || limit.max < 0 || !Number.isInteger(windowMs) || windowMs < 1) {
    throw new TypeError('[plume-simulator] wafLimit must be { max: integer >= 0, windowMs?: integer >= 1 }');
  }
  return { max: limit.max, windowMs };
}

/** The public face of a {@link FaultState}: its methods bound, so that they survive destructuring. */
export function faultsApi(state: FaultState): SimulatorFaults {
  return {
    setLatency: (ms) => state.setLatency(ms),
    failNext: (route, status, count, options) => state.failNext(route, status, count, options),
    malformNext: (route, kind, count) => state.malformNext(route, kind, count),
    delayNext: (route, ms, count) => state.delayNext(route, ms, count),
    setTokenLifetime: (seconds) => state.setTokenLifetime(seconds),
    revokeTokens: () => state.revokeTokens(),
    setWafLimit: (limit) => state.setWafLimit(limit),
    reset: () => state.reset(),
  };
}
