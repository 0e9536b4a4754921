import type { TelegramMessageEntity, TelegramMessageEntityType } from '../types';
import { byteOffset, checkedLink, EntityParseError, isSpace, sortEntities, type ParsedText } from './utf';

const RESERVED = '_*[]()~`>#+-=|{}.!';

/** TDLib's names of entity types, as they appear in "Can't find end of Bold entity…". */
const TYPE_NAMES: Partial<Record<TelegramMessageEntityType, string>> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  code: 'Code',
  pre: 'Pre',
  text_link: 'TextUrl',
  custom_emoji: 'CustomEmoji',
};

interface Open {
  type: TelegramMessageEntityType;
  offset: number;
  begin: number;
  language?: string;
}

interface Quote {
  offset: number;
  expandable: boolean;
}

const reserved = (char: string) =>
  new EntityParseError(`Character '${char}' is reserved and must be escaped with the preceding '\\'`);

/**
 * Parses Telegram's MarkdownV2 parse_mode, with TDLib's rules and error texts: every character of
 * `_*[]()~\`>#+-=|{}.!` outside an entity marker must be escaped with `\`; `>` starts a blockquote
 * line, `**>` an expandable one ending with `||`.
 *
 * @throws {EntityParseError} e.g. `Character '.' is reserved and must be escaped with the preceding '\'`.
 */
export function parseMarkdownV2(input: string): ParsedText {
  const n = input.length;
  const entities: TelegramMessageEntity[] = [];
  const stack: Open[] = [];
  let quote: Quote | undefined;
  let out = '';
  let i = 0;
  const unclosed = (open: Open) =>
    new EntityParseError(
      `Can't find end of ${open.type === 'pre' && open.language ? 'PreCode' : TYPE_NAMES[open.type]} entity at byte offset ${byteOffset(input, open.begin)}`,
    );
  const closeQuote = () => {
    if (quote && out.length > quote.offset) {
      entities.push({
        type: quote.expandable ? 'expandable_blockquote' : 'blockquote',
        offset: quote.offset,
        length: out.length - quote.offset,
      });
    }
    quote = undefined;
  };

  while (i < n) {
    const current = stack[stack.length - 1];
    const inCodeBlock = current?.type === 'code' || current?.type === 'pre';
    if (!inCodeBlock && (i === 0 || input[i - 1] === '\n')) {
      if (input.startsWith('**>', i)) {
        if (!quote) quote = { offset: out.length, expandable: true };
        i += 3;
        continue;
      }
      if (input[i] === '>') {
        if (!quote) quote = { offset: out.length, expandable: false };
        i++;
        continue;
      }
      if (quote) {
        if (current) throw unclosed(current);
        out = out.slice(0, -1);
        closeQuote();
        out += '\n';
      }
    }
    const char = input[i] as string;
    const next = input.charCodeAt(i + 1);
    if (char === '\\' && next > 0 && next <= 126) {
      out += input[i + 1];
      i += 2;
      continue;
    }
    const top = stack[stack.length - 1];
    const inCode = top?.type === 'code' || top?.type === 'pre';
    if (char === '\n' || (inCode ? char !== '`' : !RESERVED.includes(char))) {
      out += char;
      i++;
      continue;
    }
    if (quote?.expandable && !inCode && input.startsWith('||', i) && (i + 2 === n || input[i + 2] === '\n')) {
      if (top && top.type !== 'spoiler') throw unclosed(top);
      if (!top) {
        closeQuote();
        i += 2;
        continue;
      }
    }
    if (top && endsEntity(top.type, input, i)) {
      i = closeEntity(input, i, stack.pop() as Open, out, entities);
      continue;
    }
    i = openEntity(input, i, out.length, stack);
  }
  closeQuote();
  const open = stack.pop();
  if (open) throw unclosed(open);
  return { text: out, entities: sortEntities(entities) };
}

function endsEntity(type: TelegramMessageEntityType, input: string, i: number): boolean {
  const char = input[i];
  switch (type) {
    case 'bold':
      return char === '*';
    case 'italic':
      return char === '_' && input[i + 1] !== '_';
    case 'underline':
      return input.startsWith('__', i);
    case 'strikethrough':
      return char === '~';
    case 'spoiler':
      return input.startsWith('||', i);
    case 'code':
      return char === '`';
    case 'pre':
      return input.startsWith('```', i);
    default:
      return char === ']';
  }
}

/** Pushes the entity starting at `i` and returns the index after its marker. */
function openEntity(input: string, i: number, offset: number, stack: Open[]): number {
  const char = input[i] as string;
  const push = (type: TelegramMessageEntityType, end: number, language?: string) => {
    stack.push({ type, offset, begin: i, ...(language ? { language } : {}) });
    return end;
  };
  switch (char) {
    case '_':
      return input[i + 1] === '_' ? push('underline', i + 2) : push('italic', i + 1);
    case '*':
      return push('bold', i + 1);
    case '~':
      return push('strikethrough', i + 1);
    case '[':
      return push('text_link', i + 1);
    case '|':
      if (input[i + 1] === '|') return push('spoiler', i + 2);
      throw reserved(char);
    case '!':
      if (input[i + 1] === '[') return push('custom_emoji', i + 2);
      throw reserved(char);
    case '`': {
      if (!input.startsWith('```', i)) return push('code', i + 1);
      let j = i + 3;
      let end = j;
      while (end < input.length && !isSpace(input[end]) && input[end] !== '`') end++;
      let language: string | undefined;
      if (end > j && end < input.length && input[end] !== '`') {
        language = input.slice(j, end);
        j = end;
      }
      if (input[j] === '\n' || input[j] === '\r') {
        j += (input[j + 1] === '\n' || input[j + 1] === '\r') && input[j] !== input[j + 1] ? 2 : 1;
      }
      return push('pre', j, language);
    }
    default:
      throw reserved(char);
  }
}

/** Pops `open` at its end marker at `i`, records the entity, and returns the index after the marker. */
function closeEntity(input: string, i: number, open: Open, out: string, entities: TelegramMessageEntity[]): number {
  const offset = open.offset;
  const length = out.length - offset;
  let end = i + 1;
  let url: string | undefined;
  if (open.type === 'underline' || open.type === 'spoiler') end = i + 2;
  else if (open.type === 'pre') end = i + 3;
  else if (open.type === 'text_link' || open.type === 'custom_emoji') {
    if (input[i + 1] === '(') {
      const urlBegin = i + 2;
      let j = urlBegin;
      let raw = '';
      while (j < input.length && input[j] !== ')') {
        const code = input.charCodeAt(j + 1);
        if (input[j] === '\\' && code > 0 && code <= 126) {
          raw += input[j + 1];
          j += 2;
        } else {
          raw += input[j++];
        }
      }
      if (input[j] !== ')') {
        const what = open.type === 'custom_emoji' ? 'a custom emoji URL' : 'a URL';
        throw new EntityParseError(`Can't find end of ${what} at byte offset ${byteOffset(input, urlBegin)}`);
      }
      url = raw;
      end = j + 1;
    } else if (open.type === 'custom_emoji') {
      throw new EntityParseError('Custom emoji entity must contain a tg://emoji URL');
    } else {
      url = out.slice(offset);
    }
  }
  if (length <= 0) return end;
  if (open.type === 'text_link') {
    const link = checkedLink(url ?? '');
    if (link) entities.push({ type: 'text_link', offset, length, url: link });
  } else if (open.type === 'custom_emoji') {
    const id = /^tg:\/\/emoji\?id=([1-9][0-9]*)$/.exec(url ?? '')?.[1];
    if (!id) throw new EntityParseError('Invalid custom emoji identifier specified');
    entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: id });
  } else {
    entities.push({ type: open.type, offset, length, ...(open.language ? { language: open.language } : {}) });
  }
  return end;
}
