/**
 * The Basic authorization header: building it from a client id and secret, reading the client id
 * back, and normalising what people paste (`Basic xyz`, `Basic: xyz`, or just `xyz`).
 * Uses only `btoa`/`atob` and `TextEncoder`/`TextDecoder`, which every fetch runtime has.
 */

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes standard or URL-safe base64 (padding optional) to UTF-8 text; `undefined` if it is not base64. */
export function fromBase64(encoded: string): string | undefined {
  const standard = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  try {
    const binary = atob(padded);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** `Basic base64(clientId:clientSecret)`. */
export function basicHeader(clientId: string, clientSecret: string): string {
  return `Basic ${toBase64(`${clientId}:${clientSecret}`)}`;
}

/**
 * A normalised Basic header and the client id it names.
 *
 * @example
 * ```ts
 * const parsed: ParsedAuthorization = { header: 'Basic dXNlcjpwYXNz', clientId: 'user' };
 * ```
 */
export interface ParsedAuthorization {
  /** `Basic <base64>`, however it was pasted. */
  readonly header: string;
  /** The OAuth client id the header names (never the secret). */
  readonly clientId: string;
}

/**
 * Why a value is not a usable authorization header: a phrase that completes "The header …" and
 * never quotes the value.
 *
 * @example
 * ```ts
 * const result = parseAuthorization('hunter2!');
 * if ('problem' in result) console.log(`The header ${result.problem}`);
 * ```
 */
export interface AuthorizationProblem {
  readonly problem: string;
}

/**
 * Normalises a pasted authorization value to `Basic <base64>` and reads the client id from it.
 * Accepts what people paste: `Basic xyz`, `Basic: xyz`, `basic xyz` or the bare base64, standard or
 * URL-safe, padding optional. Returns a reason (never quoting the value) when it is not
 * `Basic base64(clientId:clientSecret)`. This is the one rule for the header: the client's
 * `authorization` option and any app that asks people for the header use it.
 *
 * @param value - the text as pasted
 * @returns the normalised header and client id, or `{ problem }`; never throws
 * @example
 * ```ts
 * const parsed = parseAuthorization('Basic: dXNlcjpwYXNz');
 * if ('problem' in parsed) throw new Error(`The header ${parsed.problem}`);
 * parsed.header; // 'Basic dXNlcjpwYXNz'
 * parsed.clientId; // 'user'
 * ```
 */
export function parseAuthorization(value: string): ParsedAuthorization | AuthorizationProblem {
  const trimmed = value.trim();
  const match = /^basic\s*:?\s*(\S+)$/i.exec(trimmed) ?? /^([A-Za-z0-9+/_-]+={0,2})$/.exec(trimmed);
  if (!match) {
    return {
      problem: 'must be the Basic header from the Plume portal: “Basic ” and base64 text, e.g. "Basic dXNlcjpwYXNz"',
    };
  }
  const encoded = match[1] as string;
  const decoded = /^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) ? fromBase64(encoded) : undefined;
  if (decoded === undefined) {
    return { problem: 'is not valid base64 after “Basic ”; copy the whole value from the Plume portal again' };
  }
  const colon = decoded.indexOf(':');
  if (colon < 1 || colon === decoded.length - 1) {
    return { problem: 'does not decode to "clientId:clientSecret"; copy the whole value from the Plume portal again' };
  }
  return { header: `Basic ${encoded}`, clientId: decoded.slice(0, colon) };
}
