import { describe, expect, it } from '@jest/globals';
import { parseMarkdown } from './markdown';

describe('parseMarkdown (legacy)', () => {
  it('parses bold, italic, code, pre and links', () => {
    expect(parseMarkdown('*b* _i_ `c` ```py\nx``` [t](https://t.me)')).toEqual({
      text: 'b i c x t',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'code', offset: 4, length: 1 },
        { type: 'pre', offset: 6, length: 1, language: 'py' },
        { type: 'text_link', offset: 8, length: 1, url: 'https://t.me' },
      ],
    });
  });

  it('leaves the characters V2 reserves alone and unescapes its own', () => {
    expect(parseMarkdown('1.0 - ok \\_x\\_')).toEqual({ text: '1.0 - ok _x_', entities: [] });
  });

  it("reports an unclosed entity with Telegram's text", () => {
    expect(() => parseMarkdown('a *b')).toThrow("Can't find end of the entity starting at byte offset 2");
  });
});
