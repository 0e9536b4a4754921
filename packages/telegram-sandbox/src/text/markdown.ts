import type { TelegramMessageEntity } from '../types';
import { byteOffset, checkedLink, EntityParseError, isSpace, sortEntities, type ParsedText } from './utf';

/**
 * Parses Telegram's legacy Markdown parse_mode: `*bold*`, `_italic_`, `` `code` ``,
 * ```` ```pre``` ```` and `[text](url)`; `\` escapes only `_ * ` [`. Entities cannot nest.
 *
 * @throws {EntityParseError} `Can't find end of the entity starting at byte offset N`.
 */
export function parseMarkdown(input: string): ParsedText {
  const n = input.length;
  const entities: TelegramMessageEntity[] = [];
  let out = '';
  let i = 0;
  while (i < n) {
    const char = input[i] as string;
    if (char === '\\' && '_*`['.includes(input[i + 1] ?? '\0')) {
      out += input[i + 1];
      i += 2;
      continue;
    }
    if (!'_*`['.includes(char)) {
      out += char;
      i++;
      continue;
    }
    const begin = i;
    const endChar = char === '[' ? ']' : char;
    let isPre = false;
    let language = '';
    i++;
    if (char === '`' && input.startsWith('``', i)) {
      isPre = true;
      i += 2;
      let end = i;
      while (end < n && !isSpace(input[end]) && input[end] !== '`') end++;
      if (end > i && end < n && input[end] !== '`') {
        language = input.slice(i, end);
        i = end;
      }
      if (input[i] === '\n' || input[i] === '\r') {
        i += (input[i + 1] === '\n' || input[i + 1] === '\r') && input[i] !== input[i + 1] ? 2 : 1;
      }
    }
    const offset = out.length;
    while (i < n && (input[i] !== endChar || (isPre && !input.startsWith('```', i)))) out += input[i++];
    if (i >= n) {
      throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(input, begin)}`);
    }
    const length = out.length - offset;
    if (char === '[') {
      let url = out.slice(offset);
      if (input[i + 1] === '(') {
        i += 2;
        url = '';
        while (i < n && input[i] !== ')') url += input[i++];
      }
      const link = checkedLink(url);
      if (length > 0 && link) entities.push({ type: 'text_link', offset, length, url: link });
    } else if (length > 0) {
      const type = char === '*' ? 'bold' : char === '_' ? 'italic' : isPre ? 'pre' : 'code';
      entities.push({ type, offset, length, ...(language ? { language } : {}) });
    }
    i += isPre ? 3 : 1;
  }
  return { text: out, entities: sortEntities(entities) };
}
