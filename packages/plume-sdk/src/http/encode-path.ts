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
    throw new PlumeArgumentError(`${name} cannot be "." or "..": URLs drop such path segments (${endpoint}).`, endpoint);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new PlumeArgumentError(`${name} contains an unpaired surrogate and cannot be encoded (${endpoint}).`, endpoint);
  }
}

/** Fills `{name}` placeholders of a path template with encoded parameters. */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>, endpoint: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(params[name], name, endpoint));
}
