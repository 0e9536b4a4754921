import { isHTTPError, isNetworkError } from 'ky';
import type { PlumeRetryOptions } from '../client-options';
import { PlumeTimeoutError } from '../errors';
import { sleep } from './abort';
import { retryAfterMs } from './retry-after';

/**
 * Whether a status is worth another attempt: request timeout (408), rate limited (429), and every
 * server failure (5xx) but the two that say the request itself can never work here (501 Not
 * Implemented, 505 HTTP Version Not Supported).
 */
function isRetryStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** A retry about to happen, for events. */
export interface RetryNotice {
  /** The attempt about to be made (2 for the first retry). */
  readonly attempt: number;
  readonly delayMs: number;
  readonly status: number | undefined;
  /** `HTTP 503`, `timeout` or `network error`. */
  readonly reason: string;
}

/**
 * How long to wait before retry number `retries + 1`, or `undefined` not to retry: only network
 * errors, attempts that timed out and {@link isRetryStatus} statuses, within `limit`; the server's
 * `Retry-After` when it gave one (usually with 429 or 503) and it is at most `maxRetryAfterMs`,
 * else exponential back-off with full jitter.
 */
function retryDelay(error: unknown, retries: number, retry: Required<PlumeRetryOptions>): number | undefined {
  if (retries >= retry.limit) return undefined;
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    if (!isRetryStatus(status)) return undefined;
    const wait = retryAfterMs(headers, Date.now());
    if (wait !== undefined) return wait <= retry.maxRetryAfterMs ? wait : undefined;
  } else if (!isNetworkError(error) && !(error instanceof PlumeTimeoutError)) {
    return undefined;
  }
  return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** retries);
}

function reasonOf(error: unknown, status: number | undefined): string {
  if (status !== undefined) return `HTTP ${status}`;
  return error instanceof PlumeTimeoutError ? 'timeout' : 'network error';
}

/**
 * The timeout of an attempt that starts now: `timeoutMs`, capped by what is left before the
 * call's `deadline` (a `performance.now()` time), and at least 1 ms.
 */
export function attemptTimeout(timeoutMs: number, deadline: number): number {
  return Math.max(1, Math.min(timeoutMs, deadline - performance.now()));
}

/**
 * Runs `attempt` until it succeeds, fails for good, or another try would not fit in
 * `retry.maxTotalMs`; then rethrows the last error (a {@link PlumeTimeoutError} when the last
 * attempt ran out of time). `attempt` receives the call's deadline, to cap its own timeout with
 * {@link attemptTimeout}, and its number (1 for the first).
 *
 * This is the retry plugin of the transport (as `@octokit/plugin-retry` wraps requests), kept out
 * of ky so that the common, successful path pays for no retry bookkeeping.
 */
export async function withRetries<T>(
  retry: Required<PlumeRetryOptions>,
  signal: AbortSignal | undefined,
  attempt: (deadline: number, number: number) => Promise<T>,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  const deadline = performance.now() + retry.maxTotalMs;
  for (let retries = 0; ; retries++) {
    try {
      return await attempt(deadline, retries + 1);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const delayMs = retryDelay(error, retries, retry);
      if (delayMs === undefined || performance.now() + delayMs >= deadline) throw error;
      if (onRetry) {
        const status = isHTTPError(error) ? error.response.status : undefined;
        onRetry({ attempt: retries + 2, delayMs, status, reason: reasonOf(error, status) });
      }
      await sleep(delayMs, signal);
    }
  }
}
