import { isHTTPError, isNetworkError } from 'ky';
import { isPlumeError } from '../error-guards';
import {
  PlumeAuthError,
  PlumeHttpError,
  PlumeNetworkError,
  PlumeNotFoundError,
  PlumeRateLimitError,
  PlumeResponseError,
  PlumeServerError,
  PlumeTimeoutError,
  type PlumeResponseIssue,
} from '../errors';
import { retryAfterMs } from './retry-after';

/** What the mapping needs besides the error itself. */
export interface ErrorContext {
  readonly endpoint: string;
  /** Epoch ms, to read a `Retry-After` date. */
  readonly now: number;
}

/** The server's own message, from a LoopBack `{error: {message}}`, `{message}` or OAuth body. */
export function serverMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as { error?: unknown; message?: unknown; error_description?: unknown };
  const nested =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as { message?: unknown }).message
      : undefined;
  const message = [nested, record.message, record.error_description].find(
    (value): value is string => typeof value === 'string',
  );
  return message?.replace(/[\u0000-\u001f]+/g, ' ').slice(0, 200);
}

/** Whether a body looks like a Plume API error (LoopBack's `{ error: {…} }`), unlike the WAF's page. */
function isApiErrorBody(data: unknown): boolean {
  return typeof data === 'object' && data !== null && typeof (data as { error?: unknown }).error === 'object';
}

/** Maps an HTTP error status (after retries) to the right {@link PlumeError}. */
function fromStatus(status: number, headers: Headers, data: unknown, context: ErrorContext): Error {
  const { endpoint } = context;
  const said = serverMessage(data);
  const what = `${endpoint} failed with HTTP ${status}${said ? ` (${said})` : ''}.`;
  const details = { status, endpoint };
  const wait = retryAfterMs(headers, context.now);
  if (status === 401) {
    return new PlumeAuthError(what, {
      ...details,
      hint: 'The API refused a freshly issued token: check that apiBase is your partner cloud and that the client may use this API.',
    });
  }
  if (status === 403 && isApiErrorBody(data)) {
    return new PlumeAuthError(what, {
      ...details,
      hint: 'The credentials are valid but may not access this resource: check that it belongs to your partner.',
    });
  }
  if (status === 403) {
    return new PlumeRateLimitError(
      `${what} Plume's WAF blocks an IP after 2,000 calls in 5 minutes: wait for the window to pass and call less often.`,
      {
        ...details,
        source: 'waf',
        retryAfterMs: wait,
      },
    );
  }
  if (status === 429) {
    const after = wait === undefined ? '' : ` The server asked to wait ${Math.ceil(wait / 1000)} s.`;
    return new PlumeRateLimitError(`${what}${after} Lower the request rate (rateLimit option).`, {
      ...details,
      source: 'api',
      retryAfterMs: wait,
    });
  }
  if (status === 404)
    return new PlumeNotFoundError(`${what} Check the id: it does not exist, or no longer does.`, details);
  if (status >= 500) {
    const later = wait === undefined ? 'try again later' : `the server asked to wait ${Math.ceil(wait / 1000)} s`;
    return new PlumeServerError(`${what} Plume had a server problem and retries did not help; ${later}.`, {
      ...details,
      retryAfterMs: wait,
    });
  }
  return new PlumeHttpError(what, details);
}

function formatPath(path: ReadonlyArray<PropertyKey | { key: PropertyKey }>): string {
  let text = '';
  for (const part of path) {
    const key = typeof part === 'object' ? part.key : part;
    text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  }
  return text || '(root)';
}

/** A schema failure as a {@link PlumeResponseError} naming the endpoint and field paths. */
export function schemaError(
  issues: ReadonlyArray<{ message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined }>,
  endpoint: string,
): PlumeResponseError {
  const mapped: PlumeResponseIssue[] = issues.map((issue) => ({
    path: formatPath(issue.path ?? []),
    message: issue.message,
  }));
  const first = mapped[0];
  const where = first ? ` at ${first.path}: ${first.message}` : '';
  return new PlumeResponseError(`${endpoint} returned a body the SDK does not understand${where}.`, {
    endpoint,
    status: 200,
    issues: mapped,
  });
}

/** The error of an attempt that got no complete response in time (its own timeout, or the call's budget). */
export function timeoutError(endpoint: string, timeoutMs: number, maxTotalMs: number): PlumeTimeoutError {
  return new PlumeTimeoutError(
    `${endpoint} timed out: no response within ${timeoutMs} ms for an attempt, or ${maxTotalMs} ms in all (timeoutMs, retry.maxTotalMs).`,
    { endpoint },
  );
}

/** The innermost `cause` message (fetch says "fetch failed"; its cause says why). Duck-typed: causes may come from another realm. */
function deepestMessage(cause: unknown): string | undefined {
  let message: string | undefined;
  for (let current = cause, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { message: text, cause: next } = current as { message?: unknown; cause?: unknown };
    if (typeof text === 'string' && text) message = text;
    current = next;
  }
  return message;
}

/**
 * Turns whatever a call threw into a {@link PlumeError}. Aborts (the signal's reason) and
 * programming errors pass through unchanged. ky's own errors are not kept as `cause`: they hold
 * the request, and with it the bearer token.
 */
export function toPlumeError(error: unknown, context: ErrorContext): unknown {
  const { endpoint } = context;
  if (isPlumeError(error)) return error;
  if (isHTTPError(error)) return fromStatus(error.response.status, error.response.headers, error.data, context);
  if (isNetworkError(error)) {
    const reason = deepestMessage(error.cause);
    return new PlumeNetworkError(
      `${endpoint} did not get a response (network failure${reason ? `: ${reason}` : ''}). Check the base URL and connectivity.`,
      {
        endpoint,
        cause: error.cause,
      },
    );
  }
  // `response.json()` rejects with a SyntaxError for a body that is not JSON (or is empty).
  if ((error as { name?: unknown } | null)?.name === 'SyntaxError') {
    return new PlumeResponseError(`${endpoint} returned a body that is not JSON.`, {
      endpoint,
      status: 200,
      issues: [{ path: '(root)', message: 'not valid JSON' }],
    });
  }
  return error;
}
