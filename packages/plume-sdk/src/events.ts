import type { PlumeErrorCode } from './errors';

/**
 * What the client reports through `onEvent`. Events carry endpoint templates, statuses and
 * timings only: never a URL (ids and searched emails stay out), a token, a header or a body.
 */
export type PlumeEvent =
  /** An HTTP attempt is about to be sent (`attempt` 1 is the first, retries count up). */
  | { readonly type: 'request'; readonly endpoint: string; readonly attempt: number }
  /** An attempt failed; attempt number `attempt` follows after `delayMs` (back-off, or the server's `Retry-After`). */
  | {
      readonly type: 'retry';
      readonly endpoint: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly status?: number | undefined;
      readonly reason: string;
    }
  /** A call succeeded and its body was parsed. */
  | { readonly type: 'response'; readonly endpoint: string; readonly durationMs: number }
  /** A call failed for good with a {@link PlumeError}. */
  | {
      readonly type: 'error';
      readonly endpoint: string;
      readonly code: PlumeErrorCode;
      readonly status?: number | undefined;
      readonly durationMs: number;
    }
  /**
   * Token lifecycle: `requested` from the SSO, `received` (with its usable lifetime), `rejected`
   * by the API (401, so it was dropped and the call retried), or `failed`.
   */
  | {
      readonly type: 'token';
      readonly action: 'requested' | 'received' | 'rejected' | 'failed';
      readonly usableForMs?: number;
    };

/** Calls the user's `onEvent`, never letting its failure break a request. */
export type EmitEvent = (event: PlumeEvent) => void;

/**
 * Wraps an optional listener into an {@link EmitEvent} that swallows listener errors; `undefined`
 * without a listener, so that callers (`emit?.(…)`) do not even build the event.
 */
export function createEmitter(listener: ((event: PlumeEvent) => void) | undefined): EmitEvent | undefined {
  if (!listener) return undefined;
  return (event) => {
    try {
      listener(event);
    } catch {
      // A logging hook must not turn a successful call into a failure.
    }
  };
}
