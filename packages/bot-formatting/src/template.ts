import { TextBuilder, type FormatInput, type FormattedText } from './rich-text';

/**
 * Tagged template that builds a {@link FormattedText}. Interpolated strings and numbers are
 * inserted as-is: a location name such as `*Home_1* <b>` stays exactly that and can never break
 * the message. Interpolated formatted values keep their entities, re-offset.
 *
 * @throws {TypeError} When an interpolated value is not a string, finite number or formatted value.
 * @example
 * ```ts
 * const message = fmt`Location ${bold(name)} has ${count} pods`;
 * await ctx.reply(message.text, { entities: message.entities });
 * ```
 */
export function fmt(strings: TemplateStringsArray, ...values: readonly FormatInput[]): FormattedText {
  const builder = new TextBuilder();
  strings.forEach((literal, index) => {
    builder.append(literal);
    if (index < values.length) builder.append(values[index] as FormatInput);
  });
  return builder.build();
}
