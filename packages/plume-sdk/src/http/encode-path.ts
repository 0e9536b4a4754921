import { PlumeArgumentError } from '../errors';

/**
 * Percent-encodes one path segment so that it reaches the server as exactly one segment:
 * `/ ? # % ` and spaces are encoded by `encodeURIComponent`.
 *
 * A segment that is exactly `.` or `..` cannot be sent at all: the WHATWG URL parser that every
 * `fetch` uses removes dot segments, even percent-encoded ones (`%2E%2E`), so the request would
 * silently reach the parent resource. Such ids are refused instead. Plume ids never look like that.
 *
 * @throws {PlumeArgumentError} for a non-string, empty, `.` or `..` value, or one with a lone surrogate.
 */
function encodeSegment(value: unknown, name: string, endpoint: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new PlumeArgumentError(`${name} must be a non-empty string (${endpoint}).`, endpoint);
  }
  if (value === '.' || value === '..') {
    throw new PlumeArgumentError(
      `${name} cannot be "." or "..": URLs drop such path segments (${endpoint}).`,
      endpoint,
    );
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new PlumeArgumentError(
      `${name} contains an unpaired surrogate and cannot be encoded (${endpoint}).`,
      endpoint,
    );
  }
}

/** A path template split once at its `{placeholders}`: `literals` surround the `names`. */
export interface PathTemplate {
  /** The text around the placeholders; one more than `names`. */
  readonly literals: readonly string[];
  /** The placeholder names, in order. */
  readonly names: readonly string[];
}

/** Splits `Customers/{customerId}/locations` into its literals and placeholder names, once. */
export function compilePath(template: string): PathTemplate {
  const parts = template.split(/\{(\w+)\}/);
  return { literals: parts.filter((_, index) => index % 2 === 0), names: parts.filter((_, index) => index % 2 === 1) };
}

/**
 * Fills a compiled template with `values` (in placeholder order), each encoded as one segment.
 *
 * @throws {PlumeArgumentError} for a value {@link encodeSegment} refuses; `endpoint` labels the message.
 */
export function fillPath(path: PathTemplate, values: readonly string[], endpoint: string): string {
  const { literals, names } = path;
  let filled = literals[0] ?? '';
  for (let index = 0; index < names.length; index++) {
    filled += encodeSegment(values[index], names[index] ?? '', endpoint) + (literals[index + 1] ?? '');
  }
  return filled;
}
