import type { TelegramMessageEntity, TelegramMessageEntityType } from '../types';
import { byteOffset, checkedLink, EntityParseError, isSpace, sortEntities, type ParsedText } from './utf';

const TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const SIMPLE: Record<string, TelegramMessageEntityType> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
};

interface OpenTag {
  tag: string;
  argument: string;
  expandable: boolean;
  offset: number;
}

/** Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` and numeric references at `index`; unknown ones stay text. */
function decodeEntity(input: string, index: number): { char: string; end: number } | undefined {
  const match = /^&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));?/i.exec(input.slice(index, index + 12));
  if (!match) return undefined;
  const [all, hex, dec, name] = match;
  let code: number | undefined;
  if (hex !== undefined) code = parseInt(hex, 16);
  else if (dec !== undefined) code = parseInt(dec, 10);
  else code = { lt: 60, gt: 62, amp: 38, quot: 34 }[name?.toLowerCase() ?? ''];
  if (code === undefined || code === 0 || code >= 0x10ffff || all.length > 10) return undefined;
  return { char: String.fromCodePoint(code), end: index + all.length };
}

/**
 * Parses Telegram's HTML parse_mode (b, i, u, s, tg-spoiler, span.tg-spoiler, a, code, pre,
 * blockquote [expandable], tg-emoji) into text and entities, with TDLib's error texts.
 *
 * @throws {EntityParseError} for markup Telegram refuses, e.g. `Unsupported start tag "p" at byte offset 0`.
 */
export function parseHtml(input: string): ParsedText {
  const n = input.length;
  const fail = (message: string): never => {
    throw new EntityParseError(message);
  };
  const stack: OpenTag[] = [];
  const entities: TelegramMessageEntity[] = [];
  let out = '';
  let i = 0;
  const skipSpaces = () => {
    while (i < n && isSpace(input[i])) i++;
  };

  while (i < n) {
    const char = input[i] as string;
    if (char === '&') {
      const decoded = decodeEntity(input, i);
      if (decoded) {
        out += decoded.char;
        i = decoded.end;
        continue;
      }
    }
    if (char !== '<') {
      out += char;
      i++;
      continue;
    }
    const begin = i;
    const at = () => byteOffset(input, begin);
    i++;
    if (input[i] !== '/') {
      while (i < n && !isSpace(input[i]) && input[i] !== '>') i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${at()}`);
      const tag = input.slice(begin + 1, i).toLowerCase();
      if (!TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${at()}`);
      let argument = '';
      let expandable = false;
      while (input[i] !== '>') {
        skipSpaces();
        if (i >= n) fail(`Unclosed start tag at byte offset ${at()}`);
        if (input[i] === '>') break;
        const nameStart = i;
        while (i < n && !isSpace(input[i]) && input[i] !== '=' && input[i] !== '>') i++;
        const name = input.slice(nameStart, i).toLowerCase();
        if (!name) fail(`Empty attribute name in the tag "${tag}" at byte offset ${at()}`);
        skipSpaces();
        if (input[i] !== '=') {
          if (tag === 'blockquote' && name === 'expandable') expandable = true;
          continue;
        }
        i++;
        skipSpaces();
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${at()}`);
        let value = '';
        const quote = input[i];
        if (quote !== '"' && quote !== "'") {
          const tokenStart = i;
          while (i < n && /[A-Za-z0-9.-]/.test(input[i] as string)) i++;
          value = input.slice(tokenStart, i).toLowerCase();
          if (i < n && !isSpace(input[i]) && input[i] !== '>') {
            fail(`Unexpected end of name token at byte offset ${byteOffset(input, tokenStart)}`);
          }
        } else {
          i++;
          while (i < n && input[i] !== quote) {
            const decoded = input[i] === '&' ? decodeEntity(input, i) : undefined;
            value += decoded ? decoded.char : input[i];
            i = decoded ? decoded.end : i + 1;
          }
          if (input[i] === quote) i++;
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${at()}`);
        if (tag === 'a' && name === 'href') argument = value;
        else if (tag === 'code' && name === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (tag === 'span' && name === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (tag === 'tg-emoji' && name === 'emoji-id') argument = value;
      }
      i++;
      if (tag === 'span' && argument !== 'spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${at()}`);
      }
      stack.push({ tag, argument, expandable, offset: out.length });
      continue;
    }
    const open = stack.pop() ?? fail(`Unexpected end tag at byte offset ${at()}`);
    i++;
    while (i < n && !isSpace(input[i]) && input[i] !== '>') i++;
    const endTag = input.slice(begin + 2, i).toLowerCase();
    skipSpaces();
    if (input[i] !== '>') fail(`Unclosed end tag at byte offset ${at()}`);
    if (endTag && endTag !== open.tag) {
      fail(`Unmatched end tag at byte offset ${at()}, expected "</${open.tag}>", found "</${endTag}>"`);
    }
    i++;
    closeTag(open, out, entities);
  }
  const unclosed = stack.pop();
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  for (const entity of entities) if (entity.type === 'code') delete entity.language;
  return { text: out, entities: sortEntities(entities) };
}

function closeTag(open: OpenTag, out: string, entities: TelegramMessageEntity[]): void {
  const offset = open.offset;
  const length = out.length - offset;
  if (length <= 0) return;
  const simple = SIMPLE[open.tag];
  if (simple) {
    entities.push({ type: simple, offset, length });
  } else if (open.tag === 'a') {
    const url = checkedLink(open.argument || out.slice(offset));
    if (url) entities.push({ type: 'text_link', offset, length, url });
  } else if (open.tag === 'tg-emoji') {
    if (!/^[1-9][0-9]*$/.test(open.argument)) throw new EntityParseError('Invalid custom emoji identifier specified');
    entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: open.argument });
  } else if (open.tag === 'blockquote') {
    entities.push({ type: open.expandable ? 'expandable_blockquote' : 'blockquote', offset, length });
  } else if (open.tag === 'code') {
    const last = entities[entities.length - 1];
    if (last?.type === 'pre' && last.offset === offset && last.length === length && open.argument) {
      last.language = open.argument;
    } else {
      entities.push({ type: 'code', offset, length, ...(open.argument ? { language: open.argument } : {}) });
    }
  } else {
    const last = entities[entities.length - 1];
    if (last?.type === 'code' && last.offset === offset && last.length === length) {
      entities.pop();
      entities.push({ type: 'pre', offset, length, ...(last.language ? { language: last.language } : {}) });
    } else {
      entities.push({ type: 'pre', offset, length });
    }
  }
}
