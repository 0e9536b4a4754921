import ky, { isHTTPError, type KyInstance } from 'ky';
import type { TokenProvider } from '../auth/token-provider';
import type { PlumeBudget } from '../budget/budget';
import type { BudgetLane } from '../budget/budget-store';
import type { CallOptions } from '../client-options';
import { isPlumeError } from '../error-guards';
import { PlumeRateLimitError } from '../errors';
import type { EmitEvent } from '../events';
import type { ResolvedOptions } from '../resolve-options';
import { fetchWithSignal, parseBody, timedAttempt } from './attempt';
import { fillPath } from './encode-path';
import type { GetEndpoint } from './endpoint';
import { RateLimiter } from './rate-limiter';
import { attemptTimeout, withRetries, type CallDeadline } from './retry';
import { timeoutError, toPlumeError } from './to-plume-error';

/** Query parameters of a GET; `undefined` values are left out. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * A ky instance for one client: no retries (the transport's own loop retries), no ky timeouts
 * (each attempt has its own, see {@link timedAttempt}), HTTP errors thrown with their body.
 */
export function createHttp(): KyInstance {
  return ky.create({ retry: 0, timeout: false });
}

/**
 * Sends GETs with the client's policies wrapped around ky: before every attempt the bearer token
 * and the limiter; a timeout per attempt; transient failures (timeouts included) retried within
 * the budget; one token refresh after a 401; events; errors mapped to the {@link PlumeError}
 * hierarchy. Each body is read once and parsed by the endpoint's schema.
 */
export class Transport {
  readonly #http: KyInstance;
  readonly #options: ResolvedOptions;
  readonly #tokens: TokenProvider;
  /** `undefined` without a listener: then no event object is even built. */
  readonly #emit: EmitEvent | undefined;
  readonly #limiter: RateLimiter | undefined;
  readonly #budget: PlumeBudget | undefined;
  /** The request headers for {@link #headersToken}, reused while the token is. */
  #headers: Readonly<Record<string, string>> = {};
  #headersToken: string | undefined;

  constructor(options: ResolvedOptions, tokens: TokenProvider, emit: EmitEvent | undefined) {
    this.#options = options;
    this.#tokens = tokens;
    this.#emit = emit;
    this.#http = createHttp();
    this.#budget = options.budget;
    // A shared budget replaces the client's own limiter.
    this.#limiter =
      options.rateLimit && !options.budget
        ? new RateLimiter(options.rateLimit.requestsPerSecond, options.rateLimit.burst)
        : undefined;
  }

  /**
   * GETs and parses one resource.
   *
   * @param params - The values of the endpoint's placeholders, in order; each becomes one path segment.
   * @param call - The caller's signal and lane (`priority`, interactive by default).
   * @throws {PlumeError} for every failure; the signal's reason when aborted.
   */
  async get<T>(endpoint: GetEndpoint<T>, params: readonly string[], call?: CallOptions, query?: Query): Promise<T> {
    const emit = this.#emit;
    const signal = call?.signal;
    const lane = call?.priority ?? 'interactive';
    const { now } = this.#options;
    const started = emit ? now() : 0;
    try {
      const url = this.#url(endpoint, params, query);
      let data: T;
      try {
        data = await this.#attempts(url, endpoint, signal, lane);
      } catch (error) {
        if (!isHTTPError(error) || error.response.status !== 401) throw error;
        // The token was refused (revoked, or expired early): drop it and try once more with a new one.
        await this.#tokens.invalidate(error.request.headers.get('authorization')?.slice('Bearer '.length));
        data = await this.#attempts(url, endpoint, signal, lane);
      }
      emit?.({ type: 'response', endpoint: endpoint.label, durationMs: now() - started });
      return data;
    } catch (error) {
      // The caller's own abort (AbortSignal.timeout included) is theirs, not an SDK failure.
      if (signal?.aborted) throw signal.reason;
      let mapped = toPlumeError(error, { endpoint: endpoint.label, now: now() });
      if (this.#budget && mapped instanceof PlumeRateLimitError && mapped.source === 'waf' && mapped.status === 403) {
        mapped = await this.#firewallPause(this.#budget, endpoint.label);
      }
      if (emit && isPlumeError(mapped)) {
        emit({
          type: 'error',
          endpoint: endpoint.label,
          code: mapped.code,
          status: mapped.status,
          durationMs: now() - started,
        });
      }
      throw mapped;
    }
  }

  /** Pauses the shared budget after a firewall 403, and the error that says for how long. */
  async #firewallPause(budget: PlumeBudget, label: string): Promise<PlumeRateLimitError> {
    const pausedMs = await budget.pauseForFirewall();
    const minutes = Math.ceil(pausedMs / 60_000);
    return new PlumeRateLimitError(
      `${label} failed with HTTP 403 from Plume's firewall (too many calls from this address). Every client of the shared budget pauses for ${minutes} min; try again then.`,
      { status: 403, endpoint: label, source: 'waf', retryAfterMs: pausedMs },
    );
  }

  #attempts<T>(url: string, endpoint: GetEndpoint<T>, signal: AbortSignal | undefined, lane: BudgetLane): Promise<T> {
    const emit = this.#emit;
    return withRetries(
      this.#options.retry,
      signal,
      (deadline, attempt) => this.#attempt(url, endpoint, signal, lane, deadline, attempt),
      emit && ((notice) => emit({ type: 'retry', endpoint: endpoint.label, ...notice })),
    );
  }

  async #attempt<T>(
    url: string,
    endpoint: GetEndpoint<T>,
    signal: AbortSignal | undefined,
    lane: BudgetLane,
    deadline: CallDeadline,
    attempt: number,
  ): Promise<T> {
    // A valid token in hand is used without a detour through a promise.
    const token = this.#tokens.peek() ?? (await this.#tokens.getToken(signal));
    // Waiting for the limiter or the shared budget is not Plume's time: it does not count against retry.maxTotalMs.
    if (this.#budget) await deadline.excluding(this.#budget.acquire(lane, signal));
    else if (this.#limiter) await deadline.excluding(this.#limiter.acquire(signal));
    this.#emit?.({ type: 'request', endpoint: endpoint.label, attempt });
    const headers = this.#headersFor(token);
    const { timeoutMs, retry, fetch } = this.#options;
    return timedAttempt(
      attemptTimeout(timeoutMs, deadline),
      signal,
      () => timeoutError(endpoint.label, timeoutMs, retry.maxTotalMs),
      async (attemptSignal) => {
        const response = await this.#http.get(url, { headers, fetch: fetchWithSignal(fetch, attemptSignal) });
        return parseBody(response, endpoint.schema, endpoint.label);
      },
    );
  }

  #headersFor(token: string): Readonly<Record<string, string>> {
    if (token !== this.#headersToken) {
      this.#headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
      this.#headersToken = token;
    }
    return this.#headers;
  }

  #url(endpoint: GetEndpoint<unknown>, params: readonly string[], query: Query | undefined): string {
    const { apiBase, reportsBase, reportsClientId, clientId } = this.#options;
    const reports = endpoint.base === 'reports';
    const path = (reports ? reportsBase : apiBase) + fillPath(endpoint.path, params, endpoint.label);
    const withClientId = reports && reportsClientId;
    if (!query && !withClientId) return path;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
    if (withClientId) search.set('client_id', clientId);
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  }
}
