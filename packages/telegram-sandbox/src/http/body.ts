import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { Upload } from '../world/files';
import { parseMultipart } from './multipart';

/** Telegram accepts uploads of up to 50 MB. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** A body over {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads a request body into memory. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The parameters of a body, whatever its encoding: JSON, `application/x-www-form-urlencoded` or
 * `multipart/form-data`. File parts become {@link Upload}s; `attach://<name>` values are resolved
 * to the part they name.
 */
export function parseBody(contentType: string | undefined, body: Buffer): Record<string, unknown> {
  const type = (contentType ?? '').toLowerCase();
  if (body.length === 0) return {};
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    const parts = parseMultipart(body, boundary?.[1] ?? boundary?.[2] ?? '');
    const params: Record<string, unknown> = {};
    for (const part of parts) {
      params[part.name] =
        part.filename === undefined
          ? part.data.toString('utf8')
          : ({ filename: part.filename, contentType: part.contentType ?? '', data: part.data } satisfies Upload);
    }
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'string' && value.startsWith('attach://')) {
        const attached = params[value.slice('attach://'.length)];
        if (attached !== undefined) params[key] = attached;
      }
    }
    return params;
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  }
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** Query-string parameters merged with the body's (the body wins), as the Bot API accepts both. */
export async function readParams(request: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const fromQuery = Object.fromEntries(url.searchParams);
  const body = await readBody(request);
  return { ...fromQuery, ...parseBody(request.headers['content-type'], body) };
}
