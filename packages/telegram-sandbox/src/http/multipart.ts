import { Buffer } from 'node:buffer';

/** One part of a `multipart/form-data` body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function headerParam(header: string, param: string): string | undefined {
  const match =
    new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header) ??
    new RegExp(`;\\s*${param}=([^;\\s]+)`, 'i').exec(header);
  return match?.[1]?.replace(/\\(.)/g, '$1');
}

/** Parses a `multipart/form-data` body (RFC 7578) into its parts; malformed parts are skipped. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    let start = position + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    if (body.subarray(start, start + 2).equals(CRLF)) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const end = body.subarray(next - 2, next).equals(CRLF) ? next - 2 : next;
    const raw = body.subarray(start, end);
    const headerEnd = raw.indexOf(HEADER_END);
    if (headerEnd !== -1) {
      const headers = raw.subarray(0, headerEnd).toString('utf8').split('\r\n');
      const disposition = headers.find((line) => /^content-disposition:/i.test(line)) ?? '';
      const type = headers.find((line) => /^content-type:/i.test(line));
      const name = headerParam(disposition, 'name');
      const filename = headerParam(disposition, 'filename');
      if (name !== undefined) {
        parts.push({
          name,
          data: raw.subarray(headerEnd + HEADER_END.length),
          ...(filename === undefined ? {} : { filename }),
          ...(type ? { contentType: type.slice(type.indexOf(':') + 1).trim() } : {}),
        });
      }
    }
    position = next;
  }
  return parts;
}
