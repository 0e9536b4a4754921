import type { CommonEntityType, EntityAttributes } from './entities';
import { TextBuilder, toFormatted, type FormatInput, type FormattedText } from './rich-text';

function wrap(input: FormatInput, entity: EntityAttributes): FormattedText {
  return new TextBuilder().append(input).wrapFrom(0, entity).build();
}

function style(type: CommonEntityType) {
  return (input: FormatInput): FormattedText => wrap(input, { type });
}

/**
 * Bold text. Nested formatting in the input is kept.
 *
 * @example
 * ```ts
 * bold('Pods'); // { text: 'Pods', entities: [{ type: 'bold', offset: 0, length: 4 }] }
 * ```
 */
export const bold: (input: FormatInput) => FormattedText = style('bold');

/**
 * Italic text. Nested formatting in the input is kept.
 *
 * @example
 * ```ts
 * italic('no data');
 * ```
 */
export const italic: (input: FormatInput) => FormattedText = style('italic');

/**
 * Underlined text. Nested formatting in the input is kept.
 *
 * @example
 * ```ts
 * underline('important');
 * ```
 */
export const underline: (input: FormatInput) => FormattedText = style('underline');

/**
 * Struck-through text. Nested formatting in the input is kept.
 *
 * @example
 * ```ts
 * strikethrough('old value');
 * ```
 */
export const strikethrough: (input: FormatInput) => FormattedText = style('strikethrough');

/**
 * Text hidden behind a spoiler. Nested formatting in the input is kept.
 *
 * @example
 * ```ts
 * spoiler('surprise');
 * ```
 */
export const spoiler: (input: FormatInput) => FormattedText = style('spoiler');

/**
 * A block quotation. Nested formatting is kept, except quotes inside it, which Telegram does not
 * allow (they are dropped).
 *
 * @example
 * ```ts
 * blockquote(lines('first', 'second'));
 * ```
 */
export function blockquote(input: FormatInput): FormattedText {
  return wrap(withoutQuotes(input), { type: 'blockquote' });
}

/**
 * A block quotation that Telegram shows collapsed until tapped. Nested quotes are dropped, as in
 * {@link blockquote}.
 *
 * @example
 * ```ts
 * expandableBlockquote(lines(...longListOfWarnings));
 * ```
 */
export function expandableBlockquote(input: FormatInput): FormattedText {
  return wrap(withoutQuotes(input), { type: 'expandable_blockquote' });
}

/**
 * Inline monospace text. Telegram does not allow other entities inside `code`, so any formatting
 * in the input is dropped and only its text is kept.
 *
 * @example
 * ```ts
 * code('aa:bb:cc:dd:ee:ff'); // { text: 'aa:bb:cc:dd:ee:ff', entities: [{ type: 'code', offset: 0, length: 17 }] }
 * ```
 */
export function code(input: FormatInput): FormattedText {
  return wrap(toFormatted(input).text, { type: 'code' });
}

/**
 * A monospace block, optionally tagged with a programming language. As with {@link code}, any
 * formatting in the input is dropped.
 *
 * @default language none
 * @example
 * ```ts
 * pre('{"ok":true}', 'json'); // entities: [{ type: 'pre', offset: 0, length: 11, language: 'json' }]
 * ```
 */
export function pre(input: FormatInput, language?: string): FormattedText {
  const text = toFormatted(input).text;
  return wrap(text, language ? { type: 'pre', language } : { type: 'pre' });
}

/**
 * A text link: `label` shown, `url` opened when tapped. The label keeps its own formatting.
 *
 * @throws {TypeError} When `url` is empty.
 * @example
 * ```ts
 * link('Plume', 'https://www.plume.com/');
 * ```
 */
export function link(label: FormatInput, url: string): FormattedText {
  if (typeof url !== 'string' || url.trim() === '') throw new TypeError('link() needs a non-empty url');
  return wrap(label, { type: 'text_link', url });
}

function withoutQuotes(input: FormatInput): FormattedText {
  const value = toFormatted(input);
  return {
    text: value.text,
    entities: value.entities.filter((e) => e.type !== 'blockquote' && e.type !== 'expandable_blockquote'),
  };
}
