/**
 * The SDK's one error hierarchy. Every error it throws on purpose is a {@link PlumeError} with a
 * literal `code` discriminant (one per class, see {@link AnyPlumeError}), the HTTP `status` when there was a response, and the `endpoint` template
 * (`GET api/Customers/{customerId}`), never a concrete URL. No error carries a token, the
 * authorization header or the client secret, in its message or its properties.
 *
 * Aborting a call through its `AbortSignal` is not an error of the SDK: the call rejects with the
 * signal's `reason`, as `fetch` does.
 *
 * @packageDocumentation
 */

/** What went wrong, as a discriminant of {@link PlumeError.code}. */
export type PlumeErrorCode =
  | 'config'
  | 'invalid_argument'
  | 'auth'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'http'
  | 'timeout'
  | 'network'
  | 'response';

/** Fields every {@link PlumeError} may carry. */
export interface PlumeErrorDetails {
  /** The HTTP status, when a response arrived. */
  readonly status?: number | undefined;
  /** The endpoint template, e.g. `GET api/Customers/{customerId}/locations`. */
  readonly endpoint?: string | undefined;
  /** The underlying error (never a request object holding headers). */
  readonly cause?: unknown;
}

/**
 * The base of every error the SDK throws. Test with {@link isPlumeError} (works across realms)
 * and switch on `code`, which narrows to the class; or use one guard per kind
 * ({@link isPlumeAuthError}, …).
 *
 * @typeParam C - the literal `code` of a subclass; `PlumeErrorCode` on the base.
 * @example
 * ```ts
 * try {
 *   await client.locations.list(customerId);
 * } catch (error) {
 *   if (isPlumeError(error) && error.code === 'not_found') console.log('No such customer');
 *   else throw error;
 * }
 * ```
 */
export class PlumeError<C extends PlumeErrorCode = PlumeErrorCode> extends Error {
  override name = 'PlumeError';
  /** What went wrong: one literal per subclass. */
  readonly code: C;
  /** The HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** The endpoint template, e.g. `GET api/Customers/{customerId}`. */
  readonly endpoint: string | undefined;

  constructor(code: C, message: string, details: PlumeErrorDetails = {}) {
    super(`[@org/plume-sdk] ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.endpoint = details.endpoint;
  }

  /** Always `true`: a brand that survives crossing realms, unlike `instanceof`. */
  get isPlumeError(): true {
    return true;
  }
}

/** `new PlumeClient(options)` got invalid options. The message lists each problem and its fix. */
export class PlumeConfigError extends PlumeError<'config'> {
  override name = 'PlumeConfigError';
  constructor(message: string) {
    super('config', message);
  }
}

/** A call got an invalid argument (an empty id, an id that is `.` or `..`, an unknown search field…). */
export class PlumeArgumentError extends PlumeError<'invalid_argument'> {
  override name = 'PlumeArgumentError';
  constructor(message: string, endpoint?: string) {
    super('invalid_argument', message, { endpoint });
  }
}

/**
 * Authentication or authorisation failed: the SSO refused the credentials (`oauthCode` says how,
 * e.g. `invalid_client`, `invalid_scope`), the API refused a fresh token (401), or the API
 * forbade the resource (403 with an API error body).
 *
 * @example
 * ```ts
 * if (error instanceof PlumeAuthError && error.oauthCode === 'invalid_scope') showToUser(error.hint);
 * ```
 */
export class PlumeAuthError extends PlumeError<'auth'> {
  override name = 'PlumeAuthError';
  /** The OAuth `error` of a token-endpoint failure, e.g. `invalid_client`; `undefined` for API refusals. */
  readonly oauthCode: string | undefined;
  /** What a person can do about it, in one sentence. */
  readonly hint: string;
  constructor(message: string, details: PlumeErrorDetails & { oauthCode?: string | undefined; hint: string }) {
    super('auth', `${message} ${details.hint}`, details);
    this.oauthCode = details.oauthCode;
    this.hint = details.hint;
  }
}

/** The API answered 404: the customer, location or path does not exist. */
export class PlumeNotFoundError extends PlumeError<'not_found'> {
  override name = 'PlumeNotFoundError';
  constructor(message: string, details: PlumeErrorDetails) {
    super('not_found', message, details);
  }
}

/**
 * Rate limited: 429 from the API (usually with `Retry-After`), or Plume's WAF, which answers 403
 * with a non-API body once 2,000 calls arrived from one IP within 5 minutes.
 *
 * @example
 * ```ts
 * if (error instanceof PlumeRateLimitError) await sleep(error.retryAfterMs ?? 60_000);
 * ```
 */
export class PlumeRateLimitError extends PlumeError<'rate_limited'> {
  override name = 'PlumeRateLimitError';
  /** How long the server asked to wait, when it said (`Retry-After`). */
  readonly retryAfterMs: number | undefined;
  /** `api` for a 429, `waf` for the WAF's 403. */
  readonly source: 'api' | 'waf';
  constructor(
    message: string,
    details: PlumeErrorDetails & { retryAfterMs?: number | undefined; source: 'api' | 'waf' },
  ) {
    super('rate_limited', message, details);
    this.retryAfterMs = details.retryAfterMs;
    this.source = details.source;
  }
}

/**
 * The server failed (5xx), and retries did not help.
 *
 * @example
 * ```ts
 * // A 503 may say when to come back (Retry-After), for example during maintenance.
 * if (error instanceof PlumeServerError && error.retryAfterMs !== undefined) scheduleRetry(error.retryAfterMs);
 * ```
 */
export class PlumeServerError extends PlumeError<'server'> {
  override name = 'PlumeServerError';
  /** How long the server asked to wait (`Retry-After`), when it said: longer than the retries could wait. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: PlumeErrorDetails & { retryAfterMs?: number | undefined }) {
    super('server', message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Any other unexpected HTTP status (for example 400 for a bad query). */
export class PlumeHttpError extends PlumeError<'http'> {
  override name = 'PlumeHttpError';
  constructor(message: string, details: PlumeErrorDetails) {
    super('http', message, details);
  }
}

/** No response within `timeoutMs`, or within what was left of `retry.maxTotalMs` for the call. */
export class PlumeTimeoutError extends PlumeError<'timeout'> {
  override name = 'PlumeTimeoutError';
  constructor(message: string, details: PlumeErrorDetails) {
    super('timeout', message, details);
  }
}

/** The request never got a response: DNS, connection refused or reset, offline. `cause` has the detail. */
export class PlumeNetworkError extends PlumeError<'network'> {
  override name = 'PlumeNetworkError';
  constructor(message: string, details: PlumeErrorDetails) {
    super('network', message, details);
  }
}

/** One problem found in a response body: where (`nodes[0].id`) and what. */
export interface PlumeResponseIssue {
  /** The field path in the body, e.g. `nodes[0].id`; `(root)` for the body itself. */
  readonly path: string;
  /** What is wrong there, e.g. `Invalid input: expected string, received number`. */
  readonly message: string;
}

/**
 * A 2xx response whose body is not JSON or does not fit the endpoint's schema. `path` names the
 * first offending field; `issues` lists them all. The body itself is not kept (it may hold
 * secrets such as a Wi-Fi password).
 *
 * @example
 * ```ts
 * if (error instanceof PlumeResponseError) log.warn({ endpoint: error.endpoint, path: error.path }, 'Plume changed a response');
 * ```
 */
export class PlumeResponseError extends PlumeError<'response'> {
  override name = 'PlumeResponseError';
  /** The first offending field path, e.g. `nodes[0].id`. */
  readonly path: string;
  /** Every problem found. */
  readonly issues: readonly PlumeResponseIssue[];
  constructor(message: string, details: PlumeErrorDetails & { issues: readonly PlumeResponseIssue[] }) {
    super('response', message, details);
    this.issues = details.issues;
    this.path = details.issues[0]?.path ?? '(root)';
  }
}

/**
 * Every error the SDK throws on purpose, as a union that narrows on `code`: after
 * `error.code === 'auth'`, `error` is a {@link PlumeAuthError} with its `oauthCode` and `hint`.
 *
 * @example
 * ```ts
 * function wait(error: AnyPlumeError): number | undefined {
 *   return error.code === 'rate_limited' || error.code === 'server' ? error.retryAfterMs : undefined;
 * }
 * ```
 */
export type AnyPlumeError =
  | PlumeConfigError
  | PlumeArgumentError
  | PlumeAuthError
  | PlumeNotFoundError
  | PlumeRateLimitError
  | PlumeServerError
  | PlumeHttpError
  | PlumeTimeoutError
  | PlumeNetworkError
  | PlumeResponseError;
