import { describe, expect, it } from '@jest/globals';
import { concat, join, plain } from './rich-text';
import { CAPTION_LIMIT, ENTITY_LIMIT, MESSAGE_LIMIT, split } from './split';
import { bold, italic, pre } from './styles';

const texts = (parts: readonly { text: string }[]) => parts.map((p) => p.text);

describe('split()', () => {
  it('returns a short message whole and an empty one as no parts', () => {
    expect(split(bold('hi'))).toEqual([bold('hi')]);
    expect(split(plain(''))).toEqual([]);
  });

  it("defaults to Telegram's message limit and accepts the caption limit", () => {
    expect(MESSAGE_LIMIT).toBe(4096);
    expect(CAPTION_LIMIT).toBe(1024);
    const long = plain('x'.repeat(5000));
    expect(texts(split(long)).map((t) => t.length)).toEqual([4096, 904]);
    expect(split(long, { limit: CAPTION_LIMIT }).every((p) => p.text.length <= 1024)).toBe(true);
  });

  it('cuts after a paragraph break before a line break or a space', () => {
    expect(texts(split(plain('aa\n\nbb\ncc dd'), { limit: 10 }))).toEqual(['aa\n\n', 'bb\ncc dd']);
  });

  it('cuts after a line break when there is no paragraph break', () => {
    expect(texts(split(plain('aa bb\ncc dd'), { limit: 9 }))).toEqual(['aa bb\n', 'cc dd']);
  });

  it('cuts after a space when there is no line break, keeping the space in the first part', () => {
    expect(texts(split(plain('hello brave world'), { limit: 12 }))).toEqual(['hello brave ', 'world']);
  });

  it('never makes a part of whitespace only, which Telegram would reject as empty', () => {
    // A window ending in a line break, with the next line break just after it.
    expect(texts(split(plain(`aaaa\n\n${'b'.repeat(12)}`), { limit: 5 }))).toEqual([
      'aaaa\n',
      '\nbbbb',
      'bbbbb',
      'bbb',
    ]);
    // A window ending in a space, with another space just after it.
    expect(texts(split(plain('aaaa  b b b'), { limit: 5 }))).toEqual(['aaaa ', ' b b ', 'b']);
    // Whitespace at the very end that does not fit the part before it.
    expect(texts(split(plain('aaa bbb\n\n'), { limit: 8 }))).toEqual(['aaa ', 'bbb\n\n']);
  });

  it('does not break at a no-break space', () => {
    expect(texts(split(plain('ab cd\u00a0ef'), { limit: 7 }))).toEqual(['ab ', 'cd\u00a0ef']);
  });

  it('never cuts inside a ZWJ emoji sequence, a skin-tone emoji or a flag', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 code units
    expect(texts(split(plain(`${family}${family}`), { limit: 15 }))).toEqual([family, family]);
    expect(texts(split(plain('a👍🏽'), { limit: 4 }))).toEqual(['a', '👍🏽']);
    expect(texts(split(plain('🇩🇪🇫🇷'), { limit: 6 }))).toEqual(['🇩🇪', '🇫🇷']);
  });

  it('does not cut after a space that a combining mark attaches to, but at the last cluster boundary', () => {
    expect(texts(split(plain('ab \u0301cd'), { limit: 5 }))).toEqual(['ab \u0301c', 'd']);
  });

  it('cuts a single cluster longer than the limit between code points, never inside a surrogate pair', () => {
    const cluster = `a${'\u0301'.repeat(9)}`;
    expect(texts(split(plain(cluster), { limit: 4 })).join('')).toBe(cluster);
    expect(texts(split(plain('😀😀😀'), { limit: 3 }))).toEqual(['😀', '😀', '😀']);
  });

  it('reopens a pre block, with its language, at the start of the next part', () => {
    const block = pre('line one\nline two\nline three', 'text');
    const parts = split(concat('Intro\n', block), { limit: 20 });
    expect(texts(parts)).toEqual(['Intro\nline one\n', 'line two\nline three']);
    expect(parts[0]?.entities).toEqual([{ type: 'pre', offset: 6, length: 9, language: 'text' }]);
    expect(parts[1]?.entities).toEqual([{ type: 'pre', offset: 0, length: 19, language: 'text' }]);
  });

  it('clips and re-offsets entities to each part', () => {
    const parts = split(concat('aaa ', bold('bbb ccc'), ' ddd'), { limit: 8 });
    expect(texts(parts)).toEqual(['aaa bbb ', 'ccc ddd']);
    expect(parts.map((p) => p.entities)).toEqual([
      [{ type: 'bold', offset: 4, length: 4 }],
      [{ type: 'bold', offset: 0, length: 3 }],
    ]);
  });

  it('cuts early so that no part holds more entities than Telegram honours', () => {
    expect(ENTITY_LIMIT).toBe(100);
    const message = join(
      Array.from({ length: 250 }, (_, i) => bold(`p${i}`)),
      '\n',
    );
    const parts = split(message);
    expect(parts.map((p) => p.entities.length)).toEqual([100, 100, 50]);
    expect(parts.map((p) => p.text).join('')).toBe(message.text);
    expect(parts[1]?.text.startsWith('p100')).toBe(true);
    expect(split(message, { maxEntities: Number.POSITIVE_INFINITY })).toHaveLength(1);
  });

  it('counts an entity continuing from the previous part against the entity limit', () => {
    const message = concat(bold(join(['a', italic('b'), italic('c'), italic('d')], '\n')));
    const parts = split(message, { maxEntities: 2 });
    expect(parts.every((p) => p.entities.length <= 2)).toBe(true);
    expect(parts.map((p) => p.text)).toEqual(['a\nb\n', 'c\n', 'd']);
  });

  it('always makes progress when more entities than allowed start inside an over-long cluster', () => {
    const text = `a${'\u0301'.repeat(10)}😀😀😀`;
    const entities = [0, 0, 0].map(() => ({ type: 'bold' as const, offset: 0, length: text.length }));
    const parts = split({ text, entities }, { limit: 4, maxEntities: 1 });
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.every((p) => p.text.length > 0 && p.text.length <= 4)).toBe(true);
    expect(parts.at(-1)?.text).toBe('😀😀');
    const pairs = split(
      { text: '😀😀😀😀😀', entities: [0, 2, 4, 6].map((offset) => ({ type: 'bold' as const, offset, length: 2 })) },
      { limit: 2, maxEntities: 1 },
    );
    expect(pairs.map((p) => p.text)).toEqual(['😀', '😀', '😀', '😀', '😀']);
  });

  it('rejects a limit that cannot hold a surrogate pair', () => {
    expect(() => split(plain('abc'), { limit: 1 })).toThrow(RangeError);
    expect(() => split(plain('abc'), { limit: 2.5 })).toThrow(/integer/);
    expect(() => split(plain('abc'), { maxEntities: 0 })).toThrow(/maxEntities/);
  });

  it('does not mutate the message it splits', () => {
    const message = Object.freeze(concat(bold('a b c d'), ' e f'));
    const before = JSON.stringify(message);
    split(message, { limit: 4 });
    expect(JSON.stringify(message)).toBe(before);
  });
});
