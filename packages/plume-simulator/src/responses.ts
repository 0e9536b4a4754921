import type { MalformedKind } from './types';

/** A response the server is about to send. */
export interface SimResponse {
  readonly status: number;
  /** A JSON value, or a raw string sent as is (with `contentType`). */
  readonly body?: unknown;
  readonly raw?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Hold the answer back this long (a scenario's Plume timeout). */
  readonly holdMs?: number;
}

const LOOPBACK_NAMES: Record<number, [name: string, code: string, message: string]> = {
  400: ['BadRequestError', 'INVALID_REQUEST', 'Bad request'],
  401: ['Error', 'AUTHORIZATION_REQUIRED', 'Authorization Required'],
  403: ['Error', 'ACCESS_DENIED', 'Access denied'],
  404: ['Error', 'MODEL_NOT_FOUND', 'Not found'],
  429: ['Error', 'TOO_MANY_REQUESTS', 'Too many requests'],
  500: ['InternalServerError', 'INTERNAL_ERROR', 'Internal server error'],
  502: ['Error', 'BAD_GATEWAY', 'Bad gateway'],
  503: ['Error', 'SERVICE_UNAVAILABLE', 'Service unavailable'],
  504: ['Error', 'GATEWAY_TIMEOUT', 'Gateway timeout'],
};

/** A LoopBack-style error, as the Plume API sends them: `{ error: { statusCode, name, message, code } }`. */
export function apiError(status: number, message?: string, headers?: Record<string, string>): SimResponse {
  const [name, code, fallback] = LOOPBACK_NAMES[status] ?? ['Error', `HTTP_${status}`, `HTTP ${status}`];
  return { status, body: { error: { statusCode: status, name, message: message ?? fallback, code } }, headers };
}

/** An OAuth error (Okta's token endpoint): `{ error, error_description }`. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): SimResponse {
  return { status, body: { error, error_description: description }, headers };
}

/** The WAF's block page: 403 with an HTML body, not JSON, and no Retry-After. */
export function wafBlocked(): SimResponse {
  return {
    status: 403,
    contentType: 'text/html',
    raw: '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center></body></html>\n',
  };
}

/** Changes the first `id`, `timestamp` or `ssid` string found (depth first) into a number. */
function breakShape(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(breakShape);
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  for (const key of ['id', 'timestamp', 'ssid']) {
    if (typeof record[key] === 'string') {
      record[key] = 12345;
      return true;
    }
  }
  return Object.values(record).some(breakShape);
}

/** A 200 response whose body is broken in the way `kind` says, derived from the real `body`. */
export function malformed(kind: MalformedKind, body: unknown): SimResponse {
  if (kind === 'empty') return { status: 200, raw: '', contentType: 'application/json' };
  if (kind === 'invalid-json') {
    // A proper prefix of an object's or array's JSON text is never valid JSON.
    const text = JSON.stringify(body);
    return { status: 200, raw: text.slice(0, Math.min(40, text.length - 1)), contentType: 'application/json' };
  }
  const copy: unknown = structuredClone(body);
  return { status: 200, body: breakShape(copy) ? copy : { unexpected: true } };
}
