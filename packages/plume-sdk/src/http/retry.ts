import { isHTTPError, isNetworkError } from 'ky';
import type { PlumeRetryOptions } from '../client-options';
import type { ResolvedOptions } from '../resolve-options';
import { sleep } from './abort';
import { retryAfterMs } from './retry-after';

/** Statuses worth another attempt: request timeout, rate limited, and transient server failures. */
const RETRY_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses whose `Retry-After` the client honours. */
const RETRY_AFTER_STATUS: ReadonlySet<number> = new Set([429, 503]);

/** A retry about to happen, for events. */
export interface RetryNotice {
  /** The attempt about to be made (2 for the first retry). */
  readonly attempt: number;
  readonly delayMs: number;
  readonly status: number | undefined;
  readonly reason: string;
}

/** One call's retry budget and hooks. */
export interface RetryRun {
  readonly retry: Required<PlumeRetryOptions>;
  /** Timeout of one attempt, before the budget caps it. */
  readonly timeoutMs: number;
  /** `performance.now()` after which no attempt may start, and which caps each attempt's timeout. */
  readonly deadline: number;
  readonly signal?: AbortSignal;
  readonly onRetry?: (notice: RetryNotice) => void;
}

/**
 * How long to wait before retry number `retries + 1`, or `undefined` not to retry: only network
 * errors and {@link RETRY_STATUS}, within `limit`; the server's `Retry-After` (429, 503) when it
 * gave one and it is at most `maxRetryAfterMs`, else exponential back-off with full jitter.
 */
function retryDelay(error: unknown, retries: number, retry: Required<PlumeRetryOptions>): number | undefined {
  if (retries >= retry.limit) return undefined;
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    if (!RETRY_STATUS.has(status)) return undefined;
    const wait = RETRY_AFTER_STATUS.has(status) ? retryAfterMs(headers, Date.now()) : undefined;
    if (wait !== undefined) return wait <= retry.maxRetryAfterMs ? wait : undefined;
  } else if (!isNetworkError(error)) {
    return undefined;
  }
  return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** retries);
}

/**
 * Runs `attempt` until it succeeds, fails for good, or another try would not fit in the budget;
 * then rethrows the last error. Each attempt gets `min(timeoutMs, time left)` as its timeout.
 * This is the retry plugin of the transport (as `@octokit/plugin-retry` wraps requests), kept out
 * of ky so that the common, successful path pays for no retry bookkeeping.
 */
export async function withRetries<T>(run: RetryRun, attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
  for (let retries = 0; ; retries++) {
    const left = run.deadline - performance.now();
    try {
      return await attempt(Math.max(1, Math.min(run.timeoutMs, left)));
    } catch (error) {
      if (run.signal?.aborted) throw run.signal.reason;
      const delayMs = retryDelay(error, retries, run.retry);
      if (delayMs === undefined || performance.now() + delayMs >= run.deadline) throw error;
      const status = isHTTPError(error) ? error.response.status : undefined;
      run.onRetry?.({ attempt: retries + 2, delayMs, status, reason: status ? `HTTP ${status}` : 'network error' });
      await sleep(delayMs, run.signal);
    }
  }
}

/** The retry budget of one call that starts now. */
export function retryRun(options: ResolvedOptions, signal: AbortSignal | undefined, onRetry?: RetryRun['onRetry']): RetryRun {
  const { retry, timeoutMs } = options;
  return { retry, timeoutMs, deadline: performance.now() + retry.maxTotalMs, signal, onRetry };
}
