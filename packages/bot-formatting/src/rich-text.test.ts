import { describe, expect, it } from '@jest/globals';
import { concat, isFormattedText, join, lines, plain, slice, toFormatted } from './rich-text';
import { fmt } from './template';
import {
  blockquote,
  bold,
  code,
  expandableBlockquote,
  italic,
  link,
  pre,
  spoiler,
  strikethrough,
  underline,
} from './styles';

describe('rich text values', () => {
  it('inserts Markdown and HTML metacharacters as-is, without escaping', () => {
    const name = '*Home_1* [x](y) <b>&amp;</b> `code`';
    const message = fmt`Location: ${bold(name)}`;
    expect(message.text).toBe(`Location: ${name}`);
    expect(message.entities).toEqual([{ type: 'bold', offset: 10, length: name.length }]);
  });

  it('counts offsets in UTF-16 code units, as Telegram does', () => {
    const message = fmt`👨‍👩‍👧 ${bold('x')}`;
    expect(message.entities).toEqual([{ type: 'bold', offset: 9, length: 1 }]);
    expect(message.text.slice(9, 10)).toBe('x');
  });

  it('keeps nested formatting when a formatted value is wrapped', () => {
    const message = bold(concat('a', italic('b'), 'c'));
    expect(message.text).toBe('abc');
    expect(message.entities).toEqual([
      { type: 'bold', offset: 0, length: 3 },
      { type: 'italic', offset: 1, length: 1 },
    ]);
  });

  it('builds every helper with the entity type Telegram expects', () => {
    const kinds = [bold, italic, underline, strikethrough, spoiler, code, blockquote, expandableBlockquote].map(
      (helper) => helper('x').entities[0]?.type,
    );
    expect(kinds).toEqual([
      'bold',
      'italic',
      'underline',
      'strikethrough',
      'spoiler',
      'code',
      'blockquote',
      'expandable_blockquote',
    ]);
    expect(pre('x', 'json').entities).toEqual([{ type: 'pre', offset: 0, length: 1, language: 'json' }]);
    expect(pre('x').entities).toEqual([{ type: 'pre', offset: 0, length: 1 }]);
    expect(link('x', 'https://example.com/').entities).toEqual([
      { type: 'text_link', offset: 0, length: 1, url: 'https://example.com/' },
    ]);
  });

  it('drops formatting inside code and pre, which Telegram does not allow', () => {
    expect(code(bold('x')).entities).toEqual([{ type: 'code', offset: 0, length: 1 }]);
    expect(pre(italic('y')).entities).toEqual([{ type: 'pre', offset: 0, length: 1 }]);
  });

  it('drops quotes nested in quotes', () => {
    expect(blockquote(concat(blockquote('a'), bold('b'))).entities).toEqual([
      { type: 'blockquote', offset: 0, length: 2 },
      { type: 'bold', offset: 1, length: 1 },
    ]);
  });

  it('creates no entity for empty text', () => {
    expect(bold('')).toEqual({ text: '', entities: [] });
  });

  it('rejects a link without a url', () => {
    expect(() => link('x', ' ')).toThrow(TypeError);
  });

  it('joins values with a formatted separator and re-offsets entities', () => {
    const message = join([bold('a'), 'b', italic('c')], code('|'));
    expect(message.text).toBe('a|b|c');
    expect(message.entities).toEqual([
      { type: 'bold', offset: 0, length: 1 },
      { type: 'code', offset: 1, length: 1 },
      { type: 'code', offset: 3, length: 1 },
      { type: 'italic', offset: 4, length: 1 },
    ]);
    expect(lines('a', bold('b')).text).toBe('a\nb');
    expect(join([]).text).toBe('');
  });

  it('formats numbers in templates and rejects values that are not text', () => {
    expect(fmt`${3} pods`.text).toBe('3 pods');
    expect(() => toFormatted(Number.NaN)).toThrow(TypeError);
    expect(() => toFormatted(null as unknown as string)).toThrow(/null/);
  });

  it('slices text and clips entities to the slice', () => {
    const message = concat('ab', bold('cde'), 'f');
    expect(slice(message, 3)).toEqual({ text: 'def', entities: [{ type: 'bold', offset: 0, length: 2 }] });
    expect(slice(message, 0, 3)).toEqual({ text: 'abc', entities: [{ type: 'bold', offset: 2, length: 1 }] });
    expect(slice(message, -2)).toEqual({ text: 'ef', entities: [{ type: 'bold', offset: 0, length: 1 }] });
    expect(slice(message, 0, 2).entities).toEqual([]);
  });

  it('normalizes entities of foreign values: clamped, non-empty and sorted', () => {
    const value = toFormatted({
      text: 'abc',
      entities: [
        { type: 'italic', offset: 2, length: 5 },
        { type: 'bold', offset: 0, length: 0 },
        { type: 'code', offset: 0, length: 1 },
      ],
    });
    expect(value.entities).toEqual([
      { type: 'code', offset: 0, length: 1 },
      { type: 'italic', offset: 2, length: 1 },
    ]);
  });

  it('widens an entity whose boundary would split a surrogate pair', () => {
    expect(toFormatted({ text: 'a😀b', entities: [{ type: 'bold', offset: 2, length: 1 }] }).entities).toEqual([
      { type: 'bold', offset: 1, length: 2 },
    ]);
  });

  it('recognises formatted values structurally', () => {
    expect(isFormattedText(plain('x'))).toBe(true);
    expect(isFormattedText({ text: 'x' })).toBe(false);
    expect(isFormattedText('x')).toBe(false);
  });

  it('never mutates its inputs', () => {
    const inner = Object.freeze({
      text: 'x',
      entities: Object.freeze([{ type: 'bold' as const, offset: 0, length: 1 }]),
    });
    const outer = italic(inner as never);
    expect(outer.entities).toHaveLength(2);
    expect(inner.entities).toHaveLength(1);
  });
});
