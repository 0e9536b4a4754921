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

/** A normalised Basic header and the client id it names. */
export interface ParsedAuthorization {
  readonly header: string;
  readonly clientId: string;
}

/**
 * Normalises a pasted authorization value to `Basic <base64>` and reads the client id from it.
 * Returns a reason (never quoting the value) when it is not `Basic base64(clientId:clientSecret)`.
 */
export function parseAuthorization(value: string): ParsedAuthorization | { readonly problem: string } {
  const trimmed = value.trim();
  const match = /^basic\s*:?\s*(\S+)$/i.exec(trimmed) ?? /^([A-Za-z0-9+/_-]+={0,2})$/.exec(trimmed);
  if (!match) {
    return { problem: 'must be the Basic header from the Plume portal, e.g. "Basic dXNlcjpwYXNz"' };
  }
  const encoded = match[1] as string;
  const decoded = fromBase64(encoded);
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon < 1 || colon === decoded.length - 1) {
    return { problem: 'does not decode to "clientId:clientSecret"; copy the whole value from the Plume portal again' };
  }
  return { header: `Basic ${encoded}`, clientId: decoded.slice(0, colon) };
}
