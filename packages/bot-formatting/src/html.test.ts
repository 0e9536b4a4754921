import { describe, expect, it } from '@jest/globals';
import { escapeHtml, toHtml } from './html';
import { toPlainText } from './plain';
import { concat, plain } from './rich-text';
import { fmt } from './template';
import { blockquote, bold, code, expandableBlockquote, italic, link, pre, spoiler } from './styles';

describe('HTML rendering', () => {
  it('escapes every HTML metacharacter exactly once', () => {
    expect(escapeHtml(`<a href="x">&amp;'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;amp;&#39;&lt;/a&gt;');
    expect(toHtml(plain('a < b & "c"'))).toBe('a &lt; b &amp; &quot;c&quot;');
  });

  it("renders Telegram's tag set with nesting", () => {
    const message = fmt`${bold(concat('a', italic('b')))} ${code('<c>')} ${spoiler('s')} ${link('d', 'https://x.y/?a=1&b="2"')}`;
    expect(toHtml(message)).toBe(
      '<b>a<i>b</i></b> <code>&lt;c&gt;</code> <span class="tg-spoiler">s</span> <a href="https://x.y/?a=1&amp;b=&quot;2&quot;">d</a>',
    );
  });

  it('renders pre blocks with an escaped language and quotes', () => {
    expect(toHtml(pre('x', 'j"s'))).toBe('<pre><code class="language-j&quot;s">x</code></pre>');
    expect(toHtml(pre('x'))).toBe('<pre>x</pre>');
    expect(toHtml(blockquote('q'))).toBe('<blockquote>q</blockquote>');
    expect(toHtml(expandableBlockquote('q'))).toBe('<blockquote expandable>q</blockquote>');
  });

  it('closes and reopens entities that overlap without nesting', () => {
    const message = {
      text: 'abcd',
      entities: [
        { type: 'bold' as const, offset: 0, length: 3 },
        { type: 'italic' as const, offset: 1, length: 3 },
      ],
    };
    expect(toHtml(message)).toBe('<b>a<i>bc</i></b><i>d</i>');
  });

  it('renders a link with a script or data URL as text, so a web preview cannot run it', () => {
    expect(toHtml(link('x', 'javascript:alert(1)'))).toBe('x');
    expect(toHtml(link('x', ' Java\tScript:alert(1)'))).toBe('x');
    expect(toHtml(link('x', 'data:text/html,<script>'))).toBe('x');
    expect(toHtml(link('x', 'tg://resolve?domain=a&b'))).toBe('<a href="tg://resolve?domain=a&amp;b">x</a>');
    expect(toHtml(link('x', 'MAILTO:a@b.c'))).toBe('<a href="MAILTO:a@b.c">x</a>');
  });

  it('renders entities Telegram detects itself as text', () => {
    expect(toHtml({ text: '@bot #tag', entities: [{ type: 'mention', offset: 0, length: 4 }] })).toBe('@bot #tag');
  });
});

describe('plain text rendering', () => {
  it('drops formatting and shows link targets', () => {
    const message = fmt`${bold('See')} ${link('docs', 'https://example.com')} or ${link('https://a.b', 'https://a.b')}`;
    expect(toPlainText(message)).toBe('See docs (https://example.com) or https://a.b');
    expect(toPlainText(message, { linkUrls: false })).toBe('See docs or https://a.b');
  });
});
