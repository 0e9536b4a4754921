import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { MessageEntity } from './entities';
import { toHtml } from './html';
import { concat, toFormatted, type FormattedText } from './rich-text';
import { split } from './split';
import { blockquote, bold, code, italic, link, pre, spoiler, strikethrough, underline } from './styles';

// Property tests over random Unicode messages: emoji with modifiers and ZWJ sequences, flags,
// combining marks, RTL text, and Markdown/HTML metacharacters.

const TRICKY = [
  '👨‍👩‍👧‍👦',
  '👍🏽',
  '🇩🇪',
  '🇫🇷🇮🇹',
  '🏳️‍🌈',
  '❤️',
  'e\u0301',
  'שלום',
  'مرحبا',
  '\u200f',
  '\u200d',
  '😀',
  '𝕏',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '`',
  '~',
  '>',
  '<',
  '&',
  '"',
  "'",
  '#',
  '|',
  '\\',
  '&amp;',
  '<b>',
  '</i>',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '\r\n',
  '\u00a0',
  'word ',
  'a',
  'bc ',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

const styles: readonly ((value: FormattedText) => FormattedText)[] = [
  bold,
  italic,
  underline,
  strikethrough,
  spoiler,
  code,
  blockquote,
  (value) => pre(value, 'ts'),
  (value) => link(value, 'https://example.com/?q="<&>"'),
];

const { node } = fc.letrec<{ node: FormattedText }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    piece.map((text) => ({ text, entities: [] })),
    fc
      .tuple(fc.nat({ max: styles.length - 1 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(([style, children]) => (styles[style] as (v: FormattedText) => FormattedText)(concat(...children))),
  ),
}));

const builtMessage = fc.array(node, { maxLength: 25 }).map((parts) => concat(...parts));

/** Text with raw entities at arbitrary (overlapping, possibly invalid) places. */
const rawMessage = fc
  .tuple(
    fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
    fc.array(
      fc.record({
        type: fc.constantFrom('bold', 'italic', 'code', 'pre', 'spoiler', 'mention' as const),
        offset: fc.nat({ max: 200 }),
        length: fc.integer({ min: -2, max: 60 }),
      }),
      { maxLength: 12 },
    ),
  )
  .map(([text, entities]): FormattedText => ({ text, entities }));

const anyMessage = fc.oneof(builtMessage, rawMessage);
const RUNS = { numRuns: 200 };

function isHigh(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}
function splitsPair(text: string, index: number) {
  return (
    index > 0 &&
    index < text.length &&
    isHigh(text.charCodeAt(index - 1)) &&
    !isHigh(text.charCodeAt(index)) &&
    text.charCodeAt(index) >= 0xdc00 &&
    text.charCodeAt(index) <= 0xdfff
  );
}

function graphemeBoundaries(text: string): Set<number> {
  const boundaries = new Set([text.length]);
  for (const { index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text))
    boundaries.add(index);
  return boundaries;
}

function longestCluster(text: string): number {
  let longest = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    longest = Math.max(longest, segment.length);
  }
  return longest;
}

/** Which code units each kind of entity covers, as `type/language/url@position` keys. */
function coverage(parts: readonly { start: number; entities: readonly MessageEntity[] }[]): Set<string> {
  const covered = new Set<string>();
  for (const { start, entities } of parts) {
    for (const e of entities) {
      const key = `${e.type}/${'language' in e ? e.language : ''}/${'url' in e ? e.url : ''}`;
      for (let i = 0; i < e.length; i += 1) covered.add(`${key}@${start + e.offset + i}`);
    }
  }
  return covered;
}

const ENTITY = /&(amp|lt|gt|quot|#39);/y;
const TAG = /<(\/?)([a-z][a-z-]*)((?: [a-z-]+(?:="[^"<>]*")?)*)>/y;
const TAGS = new Set(['b', 'i', 'u', 's', 'span', 'code', 'pre', 'a', 'blockquote', 'tg-emoji']);
const UNESCAPE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Checks escaped text (no raw metacharacter, `&` only in a known entity) and returns it unescaped. */
function unescapeChecked(escaped: string): string {
  let out = '';
  for (let i = 0; i < escaped.length; i += 1) {
    const char = escaped.charAt(i);
    if (char === '<' || char === '>' || char === '"' || char === "'") throw new Error(`raw ${char} at ${i}`);
    if (char !== '&') {
      out += char;
      continue;
    }
    ENTITY.lastIndex = i;
    const match = ENTITY.exec(escaped);
    if (!match) throw new Error(`bare & at ${i}`);
    out += UNESCAPE[match[1] as string];
    i += match[0].length - 1;
  }
  return out;
}

/** A small stack-based checker: known tags only, properly nested, attributes escaped. Returns the text. */
function checkHtml(html: string): string {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const end = lt === -1 ? html.length : lt;
    text += unescapeChecked(html.slice(i, end));
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag) throw new Error(`malformed tag at ${lt}: ${html.slice(lt, lt + 20)}`);
    const [whole, closing, name = '', attributes = ''] = tag;
    if (!TAGS.has(name)) throw new Error(`unknown tag ${name}`);
    for (const value of attributes.matchAll(/="([^"]*)"/g)) unescapeChecked(value[1] as string);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong tag`);
    } else {
      stack.push(name);
    }
    i = lt + whole.length;
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(', ')}`);
  return text;
}

describe('split() on random Unicode', () => {
  it('keeps every part within the limit and non-empty, and the parts concatenate to the source', () => {
    fc.assert(
      fc.property(anyMessage, fc.integer({ min: 2, max: 90 }), (message, limit) => {
        const parts = split(message, { limit });
        expect(parts.map((p) => p.text).join('')).toBe(message.text);
        for (const part of parts) {
          expect(part.text.length).toBeLessThanOrEqual(limit);
          expect(part.text.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('gives every part a visible character when whitespace runs and clusters are short enough to allow it', () => {
    fc.assert(
      fc.property(anyMessage, fc.integer({ min: 6, max: 90 }), (message, limit) => {
        const longestSpace = Math.max(0, ...Array.from(message.text.matchAll(/\s+/g), (m) => m[0].length));
        fc.pre(/\S/.test(message.text) && longestSpace * 3 < limit && longestCluster(message.text) * 3 < limit);
        for (const part of split(message, { limit, maxEntities: Number.POSITIVE_INFINITY })) {
          expect(part.text).toMatch(/\S/);
        }
      }),
      RUNS,
    );
  });

  it('keeps every entity inside its part, non-empty and off surrogate-pair middles', () => {
    fc.assert(
      fc.property(anyMessage, fc.integer({ min: 2, max: 90 }), (message, limit) => {
        for (const part of split(message, { limit })) {
          for (const entity of part.entities) {
            expect(entity.offset).toBeGreaterThanOrEqual(0);
            expect(entity.length).toBeGreaterThan(0);
            expect(entity.offset + entity.length).toBeLessThanOrEqual(part.text.length);
            expect(splitsPair(part.text, entity.offset)).toBe(false);
            expect(splitsPair(part.text, entity.offset + entity.length)).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps at most maxEntities entities in a part unless it is one visible cluster or more are open at its start', () => {
    fc.assert(
      fc.property(
        anyMessage,
        fc.integer({ min: 2, max: 90 }),
        fc.integer({ min: 1, max: 6 }),
        (message, limit, maxEntities) => {
          let start = 0;
          const parts = split(message, { limit, maxEntities });
          expect(parts.map((p) => p.text).join('')).toBe(message.text);
          const { entities } = toFormatted(message);
          for (const part of parts) {
            expect(part.text.length).toBeLessThanOrEqual(limit);
            const open = entities.filter((e) => e.offset <= start && e.offset + e.length > start).length;
            // A part may run past the entity budget to reach its first visible cluster (never whitespace only).
            const oneCluster = graphemeBoundaries(part.text.trimStart()).size <= 2;
            if (open <= maxEntities && !oneCluster) expect(part.entities.length).toBeLessThanOrEqual(maxEntities);
            start += part.text.length;
          }
        },
      ),
      RUNS,
    );
  });

  it('cuts only at grapheme-cluster boundaries when every cluster fits the limit, whatever the entity limit', () => {
    fc.assert(
      fc.property(
        builtMessage,
        fc.integer({ min: 2, max: 90 }),
        fc.integer({ min: 1, max: 200 }),
        (message, limit, maxEntities) => {
          fc.pre(longestCluster(message.text) <= limit);
          const boundaries = graphemeBoundaries(message.text);
          let position = 0;
          for (const part of split(message, { limit, maxEntities })) {
            position += part.text.length;
            expect(boundaries.has(position)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('preserves what every entity covers, with type, language and url, across the parts', () => {
    fc.assert(
      fc.property(builtMessage, fc.integer({ min: 2, max: 90 }), (message, limit) => {
        let start = 0;
        const located = split(message, { limit }).map((part) => {
          const at = { start, entities: part.entities };
          start += part.text.length;
          return at;
        });
        expect(coverage(located)).toEqual(coverage([{ start: 0, entities: message.entities }]));
      }),
      RUNS,
    );
  });
});

describe('toHtml() on random Unicode', () => {
  it('is well formed, escapes everything and keeps the text', () => {
    fc.assert(
      fc.property(anyMessage, (message) => {
        expect(checkHtml(toHtml(message))).toBe(message.text);
      }),
      RUNS,
    );
  });

  it('is well formed for every part of a split message', () => {
    fc.assert(
      fc.property(builtMessage, fc.integer({ min: 2, max: 90 }), (message, limit) => {
        const texts = split(message, { limit }).map((part) => checkHtml(toHtml(part)));
        expect(texts.join('')).toBe(message.text);
      }),
      RUNS,
    );
  });

  it('rejects malformed HTML in the checker itself', () => {
    expect(() => checkHtml('<b><i>x</b></i>')).toThrow(/wrong tag/);
    expect(() => checkHtml('a & b')).toThrow(/bare &/);
    expect(() => checkHtml('<b>x')).toThrow(/unclosed/);
    expect(() => checkHtml('a > b')).toThrow(/raw >/);
    expect(checkHtml('<a href="x&amp;y">&lt;</a>')).toBe('<');
  });
});
