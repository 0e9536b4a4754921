import { describe, expect, it } from '@jest/globals';
import { parseHtml } from './html';
import { EntityParseError } from './utf';

const error = (input: string) => {
  try {
    parseHtml(input);
  } catch (caught) {
    if (caught instanceof EntityParseError) return caught.message;
    throw caught;
  }
  throw new Error(`parsed without error: ${input}`);
};

describe('parseHtml', () => {
  it('turns tags into entities with UTF-16 offsets', () => {
    expect(parseHtml('<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <tg-spoiler>x</tg-spoiler>')).toEqual({
      text: 'bold it u s x',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'italic', offset: 5, length: 2 },
        { type: 'underline', offset: 8, length: 1 },
        { type: 'strikethrough', offset: 10, length: 1 },
        { type: 'spoiler', offset: 12, length: 1 },
      ],
    });
  });

  it('counts an emoji as two code units', () => {
    expect(parseHtml('🚀 <b>go</b>').entities).toEqual([{ type: 'bold', offset: 3, length: 2 }]);
  });

  it('nests entities outer first and accepts the tag aliases', () => {
    expect(
      parseHtml('<strong>a <em>b</em></strong><del>c</del><ins>d</ins><span class="tg-spoiler">e</span>').entities,
    ).toEqual([
      { type: 'bold', offset: 0, length: 3 },
      { type: 'italic', offset: 2, length: 1 },
      { type: 'strikethrough', offset: 3, length: 1 },
      { type: 'underline', offset: 4, length: 1 },
      { type: 'spoiler', offset: 5, length: 1 },
    ]);
  });

  it('makes links, pre blocks with a language and blockquotes', () => {
    const parsed = parseHtml(
      '<a href="https://example.com/a?b=1&amp;c=2">site</a> <pre><code class="language-ts">let x;</code></pre><blockquote expandable>q</blockquote><code>c</code>',
    );
    expect(parsed.text).toBe('site let x;qc');
    expect(parsed.entities).toEqual([
      { type: 'text_link', offset: 0, length: 4, url: 'https://example.com/a?b=1&c=2' },
      { type: 'pre', offset: 5, length: 6, language: 'ts' },
      { type: 'expandable_blockquote', offset: 11, length: 1 },
      { type: 'code', offset: 12, length: 1 },
    ]);
  });

  it('decodes the four named references and numeric ones, and leaves unknown ones as text', () => {
    expect(parseHtml('&lt;a&gt; &amp; &quot; &#65;&#x42; &nbsp;').text).toBe('<a> & " AB &nbsp;');
  });

  it('drops a link Telegram would refuse but keeps its text', () => {
    expect(parseHtml('<a href="javascript:alert(1)">x</a>')).toEqual({ text: 'x', entities: [] });
  });

  it("reports Telegram's errors with UTF-8 byte offsets", () => {
    expect(error('é<p>x</p>')).toBe('Unsupported start tag "p" at byte offset 2');
    expect(error('<b>x')).toBe('Can\'t find end tag corresponding to start tag "b"');
    expect(error('<b>x</i>')).toBe('Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    expect(error('x</b>')).toBe('Unexpected end tag at byte offset 1');
    expect(error('a <b')).toBe('Unclosed start tag at byte offset 2');
    expect(error('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(error('<a href=x"y>z</a>')).toBe('Unexpected end of name token at byte offset 8');
  });
});
