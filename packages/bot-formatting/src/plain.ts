import { normalizeEntities } from './entities';
import type { FormattedText } from './rich-text';

/** Options of {@link toPlainText}. */
export interface PlainTextOptions {
  /**
   * Append the URL of each text link after its label, as `label (url)`, unless the label already
   * is the URL.
   *
   * @default true
   */
  readonly linkUrls?: boolean;
}

/**
 * Renders a message as plain text for logs or a CLI: the text itself, formatting dropped, and
 * (by default) the target of each text link shown after it.
 *
 * @example
 * ```ts
 * toPlainText(fmt`See ${link('docs', 'https://example.com')}`); // 'See docs (https://example.com)'
 * ```
 */
export function toPlainText(message: FormattedText, options: PlainTextOptions = {}): string {
  const { text } = message;
  if (options.linkUrls === false) return text;
  const links = normalizeEntities(text, message.entities).flatMap((entity) =>
    entity.type === 'text_link' && text.slice(entity.offset, entity.offset + entity.length) !== entity.url
      ? [{ end: entity.offset + entity.length, url: entity.url }]
      : [],
  );
  if (links.length === 0) return text;
  links.sort((a, b) => a.end - b.end);
  const out: string[] = [];
  let position = 0;
  for (const { end, url } of links) {
    out.push(text.slice(position, end), ` (${url})`);
    position = end;
  }
  out.push(text.slice(position));
  return out.join('');
}
