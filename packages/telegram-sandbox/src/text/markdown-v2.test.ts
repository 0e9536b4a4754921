import { describe, expect, it } from '@jest/globals';
import { parseMarkdownV2 } from './markdown-v2';
import { EntityParseError } from './utf';

const error = (input: string) => {
  try {
    parseMarkdownV2(input);
  } catch (caught) {
    if (caught instanceof EntityParseError) return caught.message;
    throw caught;
  }
  throw new Error(`parsed without error: ${input}`);
};

describe('parseMarkdownV2', () => {
  it('parses every inline style', () => {
    expect(parseMarkdownV2('*b* _i_ __u__ ~s~ ||sp|| `c`')).toEqual({
      text: 'b i u s sp c',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'underline', offset: 4, length: 1 },
        { type: 'strikethrough', offset: 6, length: 1 },
        { type: 'spoiler', offset: 8, length: 2 },
        { type: 'code', offset: 11, length: 1 },
      ],
    });
  });

  it('unescapes reserved characters', () => {
    expect(parseMarkdownV2('Version 1\\.0 \\(beta\\)\\!')).toEqual({ text: 'Version 1.0 (beta)!', entities: [] });
  });

  it('parses links with escaped parentheses and pre blocks with a language', () => {
    const parsed = parseMarkdownV2('[docs](https://example.com/a\\)b) ```js\nlet a = 1;```');
    expect(parsed.text).toBe('docs let a = 1;');
    expect(parsed.entities).toEqual([
      { type: 'text_link', offset: 0, length: 4, url: 'https://example.com/a)b' },
      { type: 'pre', offset: 5, length: 10, language: 'js' },
    ]);
  });

  it('parses blockquotes and expandable blockquotes', () => {
    expect(parseMarkdownV2('>one\n>two\nafter')).toEqual({
      text: 'one\ntwo\nafter',
      entities: [{ type: 'blockquote', offset: 0, length: 7 }],
    });
    expect(parseMarkdownV2('**>hidden\n>more||').entities).toEqual([
      { type: 'expandable_blockquote', offset: 0, length: 11 },
    ]);
  });

  it('keeps reserved characters inside code as text', () => {
    expect(parseMarkdownV2('`a.b-c`').text).toBe('a.b-c');
  });

  it("reports Telegram's errors", () => {
    expect(error('Version 1.0')).toBe("Character '.' is reserved and must be escaped with the preceding '\\'");
    expect(error('a - b')).toBe("Character '-' is reserved and must be escaped with the preceding '\\'");
    expect(error('🏟 *bold')).toBe("Can't find end of Bold entity at byte offset 5");
    expect(error('_a')).toBe("Can't find end of Italic entity at byte offset 0");
    expect(error('[a](http://x.com')).toBe("Can't find end of a URL at byte offset 4");
  });
});
