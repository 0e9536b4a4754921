import { Buffer } from 'node:buffer';
import type { TelegramMessageEntity } from '../types';

/** A parse_mode text that Telegram would refuse; `message` is the detail after "can't parse entities: ". */
export class EntityParseError extends Error {
  override name = 'EntityParseError';
}

/** The result of parsing marked-up text: plain text plus entities (UTF-16 offsets). */
export interface ParsedText {
  text: string;
  entities: TelegramMessageEntity[];
}

/** Telegram reports parse errors at UTF-8 byte offsets of the input. */
export function byteOffset(input: string, index: number): number {
  return Buffer.byteLength(input.slice(0, index), 'utf8');
}

/** UTF-8 length, as Telegram counts callback_data. */
export function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** Whitespace as TDLib's `is_space`. */
export function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n' || char === '\0' || char === '\v';
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'tg:', 'ton:', 'ftp:']);

/**
 * The link a text_link keeps, or `undefined` when Telegram would drop it (as TDLib's
 * `get_checked_link`): links without a scheme get `http://`, other schemes than
 * http(s)/tg/ton/ftp are refused.
 */
export function checkedLink(raw: string): string | undefined {
  const link = raw.trim();
  if (!link || /\s/.test(link)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `http://${link}`;
  try {
    const url = new URL(withScheme);
    if (!ALLOWED_SCHEMES.has(url.protocol)) return undefined;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname.includes('.')) {
      return undefined;
    }
    return withScheme;
  } catch {
    return undefined;
  }
}

/** Telegram's order: by offset, then the longer (outer) entity first. */
export function sortEntities(entities: TelegramMessageEntity[]): TelegramMessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
