import { z } from 'zod';
import type { CallOptions } from './client-options';
import { PlumeArgumentError } from './errors';
import { defineGet } from './http/endpoint';
import type { Query, Transport } from './http/transport';

/**
 * A GET to any Plume endpoint, for the ones the client does not wrap: see {@link PlumeClient.request}.
 *
 * @typeParam T - what `schema` parses the body into; `unknown` without a schema.
 * @example
 * ```ts
 * const request: PlumeRequest = {
 *   base: 'api',
 *   path: 'Customers/{customerId}/locations/{locationId}/devices',
 *   params: { customerId, locationId },
 * };
 * ```
 */
export interface PlumeRequest<T = unknown> extends CallOptions {
  /** Which base URL the path is below: `apiBase` (`api`) or `reportsBase` (`reports`). */
  readonly base: 'api' | 'reports';
  /**
   * The path below the base, with a `{name}` placeholder for each id, e.g.
   * `Customers/{customerId}/locations/{locationId}/devices`. It names the endpoint in errors and
   * events, so ids go in `params`, never into the path.
   */
  readonly path: string;
  /** A value for each placeholder; each is percent-encoded as exactly one path segment. */
  readonly params?: Readonly<Record<string, string>>;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Query;
  /** Parses the body (a zod schema); without one the parsed JSON is returned as `unknown`. */
  readonly schema?: z.ZodType<T>;
}

const ANY_JSON: z.ZodType<unknown> = z.unknown();
const LITERAL = /^[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

function fail(message: string, endpoint: string): never {
  throw new PlumeArgumentError(`${message} (${endpoint}).`, endpoint);
}

/** Checks the request's shape, then sends it through the transport like any wrapped endpoint. */
export function sendRequest<T>(transport: Transport, request: PlumeRequest<T>): Promise<T> {
  try {
    const { base, path, params = {}, query, schema } = request;
    const label = `GET ${String(base)}/${String(path)}`;
    if (base !== 'api' && base !== 'reports') fail('base must be "api" or "reports"', label);
    if (typeof path !== 'string' || path === '' || path.startsWith('/')) {
      fail('path must be a non-empty path below the base, without a leading "/"', label);
    }
    const endpoint = defineGet(base, path, (schema ?? ANY_JSON) as z.ZodType<T>);
    const literals = endpoint.path.literals.join('');
    if (!LITERAL.test(literals) || literals.split('/').some((segment) => segment === '.' || segment === '..')) {
      fail(
        'path may hold only path characters and {placeholders}; put the query in `query` and ids in `params`',
        label,
      );
    }
    const names = endpoint.path.names;
    const missing = names.filter((name) => !Object.hasOwn(params, name));
    if (missing.length > 0) fail(`params lacks ${missing.map((name) => `"${name}"`).join(', ')}`, label);
    const unused = Object.keys(params).filter((name) => !names.includes(name));
    if (unused.length > 0)
      fail(`params has ${unused.map((name) => `"${name}"`).join(', ')}, which the path does not use`, label);
    return transport.get(
      endpoint,
      // An undefined value (from JavaScript) is refused by the path encoder, like an empty one.
      names.map((name) => params[name] ?? ''),
      request,
      query,
    );
  } catch (error) {
    return Promise.reject(error);
  }
}
