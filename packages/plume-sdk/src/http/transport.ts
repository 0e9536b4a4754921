import ky, { isHTTPError, type KyInstance, type StandardSchemaV1 } from 'ky';
import type { TokenProvider } from '../auth/token-provider';
import { isPlumeError } from '../errors';
import type { EmitEvent } from '../events';
import type { ResolvedOptions } from '../resolve-options';
import { fillTemplate } from './encode-path';
import { RateLimiter } from './rate-limiter';
import { retryRun, withRetries, type RetryRun } from './retry';
import { toPlumeError } from './to-plume-error';

/** One GET against the API or the Reports API. */
export interface GetRequest<T> {
  readonly base: 'api' | 'reports';
  /** The path template below the base, e.g. `Customers/{customerId}/locations`. */
  readonly template: string;
  /** Values for the template's `{placeholders}`; each is encoded as one path segment. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Parses (and normalises) the body, once, at the boundary. */
  readonly schema: StandardSchemaV1<unknown, T>;
  readonly signal?: AbortSignal;
}

/** A ky instance for one client: its fetch, no retries (the transport's own loop retries), errors thrown. */
export function createHttp(options: ResolvedOptions): KyInstance {
  return ky.create({ retry: 0, timeout: options.timeoutMs, ...(options.fetch && { fetch: options.fetch }) });
}

/**
 * Sends GETs with the client's policies wrapped around ky: before every attempt the limiter and
 * the bearer token; transient failures retried within the budget; one token refresh after a 401;
 * events; errors mapped to the {@link PlumeError} hierarchy. Bodies are parsed by the request's schema.
 */
export class Transport {
  readonly #http: KyInstance;
  readonly #options: ResolvedOptions;
  readonly #tokens: TokenProvider;
  readonly #emit: EmitEvent;
  readonly #limiter: RateLimiter | undefined;

  constructor(options: ResolvedOptions, tokens: TokenProvider, emit: EmitEvent) {
    this.#options = options;
    this.#tokens = tokens;
    this.#emit = emit;
    this.#http = createHttp(options);
    this.#limiter = options.rateLimit ? new RateLimiter(options.rateLimit.requestsPerSecond, options.rateLimit.burst) : undefined;
  }

  /**
   * GETs and parses one resource.
   *
   * @throws {PlumeError} for every failure; the signal's reason when aborted.
   */
  async get<T>(request: GetRequest<T>): Promise<T> {
    const endpoint = `GET ${request.base}/${request.template}`;
    const { now, timeoutMs, retry } = this.#options;
    const started = now();
    try {
      const url = this.#url(request, endpoint);
      const onRetry: RetryRun['onRetry'] = (notice) => this.#emit({ type: 'retry', endpoint, ...notice });
      let data: T;
      try {
        data = await this.#attempts(url, request, endpoint, retryRun(this.#options, request.signal, onRetry));
      } catch (error) {
        if (!isHTTPError(error) || error.response.status !== 401) throw error;
        // The token was refused (revoked, or expired early): drop it and try once more with a new one.
        await this.#tokens.invalidate(error.request.headers.get('authorization')?.slice('Bearer '.length));
        data = await this.#attempts(url, request, endpoint, retryRun(this.#options, request.signal, onRetry));
      }
      this.#emit({ type: 'response', endpoint, durationMs: now() - started });
      return data;
    } catch (error) {
      // The caller's own abort (AbortSignal.timeout included) is theirs, not an SDK failure.
      if (request.signal?.aborted) throw request.signal.reason;
      const mapped = toPlumeError(error, { endpoint, timeoutMs, maxTotalMs: retry.maxTotalMs, now: now() });
      if (isPlumeError(mapped)) {
        this.#emit({ type: 'error', endpoint, code: mapped.code, status: mapped.status, durationMs: now() - started });
      }
      throw mapped;
    }
  }

  #attempts<T>(url: string, request: GetRequest<T>, endpoint: string, run: RetryRun): Promise<T> {
    let attempt = 0;
    return withRetries(run, async (timeout) => {
      const token = await this.#tokens.getToken(request.signal);
      await this.#limiter?.acquire(request.signal);
      this.#emit({ type: 'request', endpoint, attempt: ++attempt });
      return this.#http
        .get(url, { headers: { authorization: `Bearer ${token}` }, signal: request.signal, timeout })
        .json(request.schema);
    });
  }

  #url(request: GetRequest<unknown>, endpoint: string): string {
    const { apiBase, reportsBase, reportsClientId, clientId } = this.#options;
    const path = `${request.base === 'api' ? apiBase : reportsBase}${fillTemplate(request.template, request.params ?? {}, endpoint)}`;
    const withClientId = request.base === 'reports' && reportsClientId;
    if (!request.query && !withClientId) return path;
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) query.set(key, String(value));
    if (withClientId) query.set('client_id', clientId);
    const search = query.toString();
    return search ? `${path}?${search}` : path;
  }
}
