import type { TelegramMessageEntity, TelegramMessageEntityType } from '../types';

const WORD = /[\p{L}\p{N}_]/u;

interface Pattern {
  type: TelegramMessageEntityType;
  regex: RegExp;
  /** Characters that may not precede the match. */
  notAfter: RegExp;
}

const PATTERNS: Pattern[] = [
  {
    type: 'bot_command',
    regex: /\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{N}_/<>])/gu,
    notAfter: /[\p{L}\p{N}_/<>]/u,
  },
  {
    type: 'email',
    regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\p{L}\p{N}_])/gu,
    notAfter: WORD,
  },
  { type: 'url', regex: /(?:(?:https?|ftp|tg):\/\/|www\.)[^\s<>"]+/giu, notAfter: WORD },
  { type: 'mention', regex: /@[A-Za-z0-9_]{2,32}(?![\p{L}\p{N}_])/gu, notAfter: WORD },
  { type: 'hashtag', regex: /#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*(?![\p{L}\p{N}_#])/gu, notAfter: WORD },
  { type: 'cashtag', regex: /\$(?:1INCH|[A-Z]{1,8})(?![\p{L}\p{N}_$])/gu, notAfter: /[\p{L}\p{N}_$]/u },
];

/**
 * Finds what Telegram highlights by itself in any message text: bot commands (`/status`,
 * `/start@my_bot`), mentions, hashtags, cashtags, URLs with a scheme or `www.`, and e-mail
 * addresses. Bare domains are not detected (that needs Telegram's list of top-level domains).
 */
export function detectEntities(text: string): TelegramMessageEntity[] {
  const found: TelegramMessageEntity[] = [];
  const taken = (offset: number, length: number) =>
    found.some((entity) => offset < entity.offset + entity.length && entity.offset < offset + length);
  for (const { type, regex, notAfter } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      let value = match[0];
      const offset = match.index;
      const before = text.slice(Math.max(0, offset - 2), offset);
      const previous = before ? Array.from(before).pop() : undefined;
      if (previous && notAfter.test(previous)) continue;
      if (type === 'url') value = value.replace(/[.,;:!?'")\]]+$/, '');
      if (value.length < 2 || taken(offset, value.length)) continue;
      found.push({ type, offset, length: value.length });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
