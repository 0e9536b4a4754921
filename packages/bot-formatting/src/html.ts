import { normalizeEntities, type MessageEntity } from './entities';
import type { FormattedText } from './rich-text';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes `& < > " '` for HTML text and attribute values. Applied exactly once by
 * {@link toHtml}; exported for callers that build their own HTML around it.
 *
 * @example
 * ```ts
 * escapeHtml('<b> & "x"'); // '&lt;b&gt; &amp; &quot;x&quot;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** URL schemes a preview may link to (those Telegram opens); anything else renders as text. */
const SAFE_SCHEMES = new Set(['http', 'https', 'tg', 'ton', 'mailto', 'tel']);

/**
 * False for a URL whose scheme is not in {@link SAFE_SCHEMES} (`javascript:`, `data:`…), read the
 * way browsers do, after dropping control characters and spaces. Scheme-less URLs are safe.
 */
function isSafeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

interface Tag {
  readonly open: string;
  readonly close: string;
}

function tagFor(entity: MessageEntity): Tag | undefined {
  switch (entity.type) {
    case 'bold':
      return { open: '<b>', close: '</b>' };
    case 'italic':
      return { open: '<i>', close: '</i>' };
    case 'underline':
      return { open: '<u>', close: '</u>' };
    case 'strikethrough':
      return { open: '<s>', close: '</s>' };
    case 'spoiler':
      return { open: '<span class="tg-spoiler">', close: '</span>' };
    case 'code':
      return { open: '<code>', close: '</code>' };
    case 'pre':
      return entity.language
        ? { open: `<pre><code class="language-${escapeHtml(entity.language)}">`, close: '</code></pre>' }
        : { open: '<pre>', close: '</pre>' };
    case 'text_link':
      return isSafeUrl(entity.url) ? { open: `<a href="${escapeHtml(entity.url)}">`, close: '</a>' } : undefined;
    case 'text_mention':
      return { open: `<a href="tg://user?id=${escapeHtml(String(entity.user.id))}">`, close: '</a>' };
    case 'blockquote':
      return { open: '<blockquote>', close: '</blockquote>' };
    case 'expandable_blockquote':
      return { open: '<blockquote expandable>', close: '</blockquote>' };
    case 'custom_emoji':
      return { open: `<tg-emoji emoji-id="${escapeHtml(entity.custom_emoji_id)}">`, close: '</tg-emoji>' };
    default:
      // mention, hashtag, url, email…: Telegram detects these itself; they render as text.
      return undefined;
  }
}

interface Open {
  readonly end: number;
  readonly tag: Tag;
}

/**
 * Renders a message as HTML in Telegram's tag set (`<b>`, `<i>`, `<u>`, `<s>`,
 * `<span class="tg-spoiler">`, `<code>`, `<pre>`, `<a href>`, `<blockquote>`…), for a web preview
 * or logs. Every character of the text and of attribute values is escaped exactly once. The result
 * is always well formed: entities that overlap without nesting are closed and reopened around each
 * other. Entities Telegram detects by itself (mentions, hashtags, URLs…) render as plain text, and
 * so does a text link whose URL scheme is not http(s), tg, ton, mailto or tel (a `javascript:` link
 * in a web preview would run script).
 *
 * @example
 * ```ts
 * toHtml(fmt`${bold('a<b')} & c`); // '<b>a&lt;b</b> &amp; c'
 * ```
 */
export function toHtml(message: FormattedText): string {
  const { text } = message;
  const tagged = normalizeEntities(text, message.entities).flatMap((entity) => {
    const tag = tagFor(entity);
    return tag ? [{ start: entity.offset, end: entity.offset + entity.length, tag }] : [];
  });
  const boundaries = [...new Set([0, text.length, ...tagged.flatMap((t) => [t.start, t.end])])].sort((a, b) => a - b);
  const stack: Open[] = [];
  const out: string[] = [];
  let next = 0;
  boundaries.forEach((position, index) => {
    closeEndingAt(position, stack, out);
    while (next < tagged.length && (tagged[next] as { start: number }).start === position) {
      const entity = tagged[next] as { end: number; tag: Tag };
      out.push(entity.tag.open);
      stack.push({ end: entity.end, tag: entity.tag });
      next += 1;
    }
    const following = boundaries[index + 1];
    if (following !== undefined) out.push(escapeHtml(text.slice(position, following)));
  });
  return out.join('');
}

/**
 * Closes every open tag that ends at `position`. Tags above it on the stack that continue are
 * closed first and reopened afterwards, so the output stays well formed for any overlap.
 */
function closeEndingAt(position: number, stack: Open[], out: string[]): void {
  const lowest = stack.findIndex((open) => open.end === position);
  if (lowest === -1) return;
  const reopen: Open[] = [];
  while (stack.length > lowest) {
    const open = stack.pop() as Open;
    out.push(open.tag.close);
    if (open.end !== position) reopen.push(open);
  }
  for (const open of reopen.reverse()) {
    out.push(open.tag.open);
    stack.push(open);
  }
}
