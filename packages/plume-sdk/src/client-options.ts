import type { TokenCache } from './auth/token-cache';
import type { PlumeBudget } from './budget/budget';
import type { BudgetLane } from './budget/budget-store';
import type { PlumeEvent } from './events';

/** Plume's public SSO token URL (the auth-server id panoptes used). Partners may have their own. */
export const DEFAULT_SSO_URL = 'https://external.sso.plume.com/oauth2/ausc034rgdEZKz75I357/v1/token';

/** Plume's public API base. Partner clouds differ: use the URL Plume gave you. */
export const DEFAULT_API_BASE = 'https://piranha-gamma.prod.us-west-2.aws.plumenet.io/api/';

/** A client id and secret, as an alternative to the ready-made `Basic …` header. */
export interface ClientCredentials {
  /** The OAuth client id (without `:`). */
  readonly clientId: string;
  /** The OAuth client secret. Never logged. */
  readonly clientSecret: string;
}

/**
 * Retries of failed GETs (and of the token request): network errors, attempts that timed out, 408,
 * 429 and 5xx (all but 501 and 505), with exponential back-off and full jitter, honouring the
 * server's `Retry-After` (seconds or an HTTP date) whenever it sends one.
 */
export interface PlumeRetryOptions {
  /** Retries after the first attempt. @default 2 */
  readonly limit?: number | undefined;
  /** Back-off before retry n is random in [0, baseDelayMs × 2^(n−1)]. @default 300 */
  readonly baseDelayMs?: number | undefined;
  /** Upper bound of one back-off. @default 5000 */
  readonly maxDelayMs?: number | undefined;
  /**
   * The longest `Retry-After` the client waits for; a longer one fails the call at once with a
   * `PlumeRateLimitError` carrying `retryAfterMs`.
   * @default 20000
   */
  readonly maxRetryAfterMs?: number | undefined;
  /**
   * The most one call may take, retries and back-offs included: each attempt's timeout is capped
   * by the time left, and a retry whose wait would end past it is not made (the call fails with the
   * last error). Time spent waiting for the client's own `rateLimit` is not counted: a call queued
   * behind others of the same client never times out for that.
   * @default 30000
   */
  readonly maxTotalMs?: number | undefined;
}

/**
 * The client-side limiter that keeps one client within Plume's recommended request rate: at most
 * `burst` requests start in any window of `burst / requestsPerSecond` seconds (by default at most
 * 6 in any second). Requests beyond it wait, in arrival order.
 */
export interface PlumeRateLimitOptions {
  /** The highest rate, in requests per second. @default 6 */
  readonly requestsPerSecond?: number | undefined;
  /** Requests allowed at once after a quiet period. @default requestsPerSecond, rounded down (at least 1) */
  readonly burst?: number | undefined;
}

/**
 * Options of {@link PlumeClient}. Only `authorization` and `partnerId` are required. They are
 * validated once, in the constructor, which throws a `PlumeConfigError` saying what to fix.
 */
export interface PlumeClientOptions {
  /**
   * The whole `Authorization` header value from the Plume portal (`Basic dXNlcjpwYXNz`; a pasted
   * `Basic: …` or bare base64 is accepted too), or `{ clientId, clientSecret }`. Never logged.
   * @example 'Basic MG9hMWIyYzNkNGU1OnMzY3JldA=='
   */
  readonly authorization: string | ClientCredentials;
  /** The Plume partner id (24 hex characters in the Plume portal). @example 'eb0af9d0a7ab946dcb3b8ef5' */
  readonly partnerId: string;
  /** The partner's OAuth token URL (`…/oauth2/<id>/v1/token`). @default DEFAULT_SSO_URL */
  readonly ssoUrl?: string | undefined;
  /** The API base; a trailing `/` is added if missing. @default DEFAULT_API_BASE */
  readonly apiBase?: string | undefined;
  /** The Reports API base. @default apiBase with its final `/api/` replaced by `/reports/` */
  readonly reportsBase?: string | undefined;
  /**
   * Add `client_id=<OAuth client id>` to Reports calls, as some partner clouds expect.
   * @default false
   */
  readonly reportsClientId?: boolean | undefined;
  /**
   * Timeout of one HTTP attempt (the response and its body), in milliseconds. An attempt that times
   * out is retried like a network failure while `retry` allows; the call then fails with a
   * `PlumeTimeoutError`.
   * @default 10000
   */
  readonly timeoutMs?: number | undefined;
  /** Retry settings; a number sets `limit`; `false` disables retries. @default { limit: 2 } */
  readonly retry?: number | false | PlumeRetryOptions | undefined;
  /**
   * The client-side rate limiter; `false` disables it (tests, benchmarks). Ignored with `budget`.
   * @default { requestsPerSecond: 6 }
   */
  readonly rateLimit?: false | PlumeRateLimitOptions | undefined;
  /**
   * A {@link PlumeBudget} shared with other clients: calls then wait for it (by lane) instead of
   * the client's own limiter, and a firewall 403 pauses all of them. Give `budget` or `rateLimit`.
   * @default none: the client keeps its own limiter
   */
  readonly budget?: PlumeBudget | undefined;
  /** Renew a token this long before it expires. Capped at half the token's lifetime. @default 60000 */
  readonly tokenRefreshMarginMs?: number | undefined;
  /** Where tokens are kept; share one to share tokens between clients. @default a new MemoryTokenCache */
  readonly tokenCache?: TokenCache | undefined;
  /** The `fetch` to use (a proxy-aware one, a test double…). @default globalThis.fetch at call time */
  readonly fetch?: typeof fetch | undefined;
  /** Receives request, retry, response, error and token events, without secrets. @default none */
  readonly onEvent?: ((event: PlumeEvent) => void) | undefined;
  /** The clock for token expiry, in epoch milliseconds. @default Date.now */
  readonly now?: (() => number) | undefined;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The call's lane in a shared `budget`: `interactive` (a person is waiting) always goes first;
   * `background` (monitoring) uses at most the budget's background share. No effect without a budget.
   * @default 'interactive'
   */
  readonly priority?: BudgetLane | undefined;
}
