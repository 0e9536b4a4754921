import type {
  AnyPlumeError,
  PlumeArgumentError,
  PlumeAuthError,
  PlumeConfigError,
  PlumeErrorCode,
  PlumeHttpError,
  PlumeNetworkError,
  PlumeNotFoundError,
  PlumeRateLimitError,
  PlumeResponseError,
  PlumeServerError,
  PlumeTimeoutError,
} from './errors';

/**
 * Type guards for the SDK's errors. Like ky's, they work across realms and across copies of the
 * SDK (a bundle next to a `node_modules` copy, a worker, a `vm` context), where `instanceof`
 * fails: they check the `isPlumeError` brand and the literal `code`, never the prototype.
 *
 * @packageDocumentation
 */

/**
 * Whether `value` is an error of the SDK, also from another copy of the SDK or another realm.
 * The result narrows to {@link AnyPlumeError}, so a check of `code` narrows further.
 *
 * @example
 * ```ts
 * if (isPlumeError(error) && error.code === 'auth') console.warn(error.hint);
 * ```
 */
export function isPlumeError(value: unknown): value is AnyPlumeError {
  return typeof value === 'object' && value !== null && (value as { isPlumeError?: unknown }).isPlumeError === true;
}

type ErrorOfCode<C extends PlumeErrorCode> = Extract<AnyPlumeError, { readonly code: C }>;

function guard<C extends PlumeErrorCode>(code: C): (value: unknown) => value is ErrorOfCode<C> {
  return (value: unknown): value is ErrorOfCode<C> => isPlumeError(value) && value.code === code;
}

/**
 * Whether `value` is a {@link PlumeConfigError} (invalid client options).
 *
 * @example
 * ```ts
 * try { new PlumeClient(options); } catch (error) { if (isPlumeConfigError(error)) console.error(error.message); }
 * ```
 */
export const isPlumeConfigError: (value: unknown) => value is PlumeConfigError = guard('config');

/**
 * Whether `value` is a {@link PlumeArgumentError} (an invalid id or option of a call).
 *
 * @example
 * ```ts
 * if (isPlumeArgumentError(error)) reply('That id cannot be used.');
 * ```
 */
export const isPlumeArgumentError: (value: unknown) => value is PlumeArgumentError = guard('invalid_argument');

/**
 * Whether `value` is a {@link PlumeAuthError} (credentials, scope or access refused).
 *
 * @example
 * ```ts
 * if (isPlumeAuthError(error) && error.oauthCode === 'invalid_scope') reply(error.hint);
 * ```
 */
export const isPlumeAuthError: (value: unknown) => value is PlumeAuthError = guard('auth');

/**
 * Whether `value` is a {@link PlumeNotFoundError} (404).
 *
 * @example
 * ```ts
 * if (isPlumeNotFoundError(error)) reply('No such customer or location.');
 * ```
 */
export const isPlumeNotFoundError: (value: unknown) => value is PlumeNotFoundError = guard('not_found');

/**
 * Whether `value` is a {@link PlumeRateLimitError} (429 or the WAF's 403).
 *
 * @example
 * ```ts
 * if (isPlumeRateLimitError(error)) await sleep(error.retryAfterMs ?? 60_000);
 * ```
 */
export const isPlumeRateLimitError: (value: unknown) => value is PlumeRateLimitError = guard('rate_limited');

/**
 * Whether `value` is a {@link PlumeServerError} (5xx after retries).
 *
 * @example
 * ```ts
 * if (isPlumeServerError(error) && error.retryAfterMs !== undefined) scheduleRetry(error.retryAfterMs);
 * ```
 */
export const isPlumeServerError: (value: unknown) => value is PlumeServerError = guard('server');

/**
 * Whether `value` is a {@link PlumeHttpError} (any other unexpected status).
 *
 * @example
 * ```ts
 * if (isPlumeHttpError(error)) console.warn(error.status, error.endpoint);
 * ```
 */
export const isPlumeHttpError: (value: unknown) => value is PlumeHttpError = guard('http');

/**
 * Whether `value` is a {@link PlumeTimeoutError}.
 *
 * @example
 * ```ts
 * if (isPlumeTimeoutError(error)) reply('Plume is slow right now; try again in a minute.');
 * ```
 */
export const isPlumeTimeoutError: (value: unknown) => value is PlumeTimeoutError = guard('timeout');

/**
 * Whether `value` is a {@link PlumeNetworkError} (no response at all).
 *
 * @example
 * ```ts
 * if (isPlumeNetworkError(error)) console.warn('Plume unreachable', error.cause);
 * ```
 */
export const isPlumeNetworkError: (value: unknown) => value is PlumeNetworkError = guard('network');

/**
 * Whether `value` is a {@link PlumeResponseError} (a body that does not fit its schema).
 *
 * @example
 * ```ts
 * if (isPlumeResponseError(error)) log.warn({ endpoint: error.endpoint, path: error.path }, 'Plume changed a response');
 * ```
 */
export const isPlumeResponseError: (value: unknown) => value is PlumeResponseError = guard('response');
