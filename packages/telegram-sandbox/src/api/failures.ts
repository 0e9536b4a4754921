import { TelegramApiError } from './api-error';

/**
 * A refusal to answer instead of running a method, e.g. to test how a bot handles
 * `403 Forbidden: bot was blocked by the user` or a `429`.
 */
export interface InjectedFailure {
  error_code: number;
  description: string;
  /** Sent as `parameters.retry_after`. */
  retry_after?: number;
}

interface Pending {
  method: string;
  failure: InjectedFailure;
  remaining: number;
}

/** Failures queued by `sandbox.failNext`, consumed by matching calls in order. */
export class FailureQueue {
  private readonly pending: Pending[] = [];

  add(method: string, failure: InjectedFailure, times: number): void {
    this.pending.push({ method: method.toLowerCase(), failure, remaining: times });
  }

  /** The error for this call of `method`, if one is queued for it (or for `*`). */
  take(method: string): TelegramApiError | undefined {
    const name = method.toLowerCase();
    const index = this.pending.findIndex((entry) => entry.method === name || entry.method === '*');
    const entry = this.pending[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending.splice(index, 1);
    const { error_code, description, retry_after } = entry.failure;
    return new TelegramApiError(error_code, description, retry_after === undefined ? undefined : { retry_after });
  }
}
