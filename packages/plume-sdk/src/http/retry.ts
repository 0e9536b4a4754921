import { isHTTPError, isNetworkError } from 'ky';
import type { PlumeRetryOptions } from '../client-options';
import { PlumeTimeoutError } from '../errors';
import type { Complete } from '../resolve-options';
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
function retryDelay(error: unknown, retries: number, retry: Complete<PlumeRetryOptions>): number | undefined {
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
 * When one call must be over (a `performance.now()` time): `retry.maxTotalMs` after it began, pushed
 * back by the time it spent waiting for the client's own limiter. That wait is ours, not Plume's: a
 * call queued behind others of the same client still gets its whole budget once it may go.
 */
export class CallDeadline {
  #at: number;

  constructor(totalMs: number) {
    this.#at = performance.now() + totalMs;
  }

  /** The deadline as it now stands. */
  get at(): number {
    return this.#at;
  }

  /** Waits for `turn` (a limiter slot) without spending the call's time; rejects as `turn` does. */
  async excluding(turn: Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await turn;
    } finally {
      this.#at += performance.now() - started;
    }
  }
}

/**
 * The timeout of an attempt that starts now: `timeoutMs`, capped by what is left before the
 * call's `deadline`, and at least 1 ms.
 */
export function attemptTimeout(timeoutMs: number, deadline: CallDeadline): number {
  return Math.max(1, Math.min(timeoutMs, deadline.at - performance.now()));
}

/**
 * Runs `attempt` until it succeeds, fails for good, or another try would not fit in
 * `retry.maxTotalMs`; then rethrows the last error (a {@link PlumeTimeoutError} when the last
 * attempt ran out of time). `attempt` receives the call's deadline, to wait for the limiter outside
 * it and cap its own timeout with {@link attemptTimeout}, and its number (1 for the first).
 *
 * This is the retry plugin of the transport (as `@octokit/plugin-retry` wraps requests), kept out
 * of ky so that the common, successful path pays for no retry bookkeeping.
 */
export async function withRetries<T>(
  retry: Complete<PlumeRetryOptions>,
  signal: AbortSignal | undefined,
  attempt: (deadline: CallDeadline, number: number) => Promise<T>,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  const deadline = new CallDeadline(retry.maxTotalMs);
  for (let retries = 0; ; retries++) {
    try {
      return await attempt(deadline, retries + 1);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const delayMs = retryDelay(error, retries, retry);
      if (delayMs === undefined || performance.now() + delayMs >= deadline.at) throw error;
      if (onRetry) {
        const status = isHTTPError(error) ? error.response.status : undefined;
        onRetry({ attempt: retries + 2, delayMs, status, reason: reasonOf(error, status) });
      }
      await sleep(delayMs, signal);
    }
  }
}
