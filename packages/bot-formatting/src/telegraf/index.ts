// Public surface of @org/bot-formatting/telegraf: FormattedText as telegraf's message arguments.
// telegraf is an optional peer dependency; only its types are imported, so this entry loads nothing
// of telegraf at run time.
import type { MessageEntity as TelegrafEntity } from 'telegraf/types';
import type { FormattedText } from '../rich-text';

/**
 * A message's text and `extra` as telegraf's send and edit methods take them: `entities` carries
 * the formatting (no `parse_mode`, so nothing needs escaping).
 *
 * @typeParam E - the other `extra` fields (`reply_markup`, `link_preview_options`…).
 * @example
 * ```ts
 * const [text, extra]: TelegrafMessage<{ reply_markup?: InlineKeyboardMarkup }> = toTelegraf(part, { reply_markup: keyboard });
 * ```
 */
export type TelegrafMessage<E extends object = object> = [text: string, extra: E & { entities: TelegrafEntity[] }];

/**
 * The entities of a message in telegraf's own type. Telegram accepts every entity this package
 * builds; telegraf 4.16's types (Bot API 7.1) lack the later `expandable_blockquote`, which telegraf
 * sends on as given. This is the one place that bridges the two types.
 *
 * @param message - a rendered message (or one part of a split one)
 * @returns a new array; the message is not changed
 * @example
 * ```ts
 * await ctx.telegram.editMessageText(chatId, messageId, undefined, part.text, { entities: telegrafEntities(part) });
 * ```
 */
export function telegrafEntities(message: FormattedText): TelegrafEntity[] {
  return message.entities.map((entity) => ({ ...entity }) as TelegrafEntity);
}

/**
 * Turns a {@link FormattedText} into the `(text, extra)` arguments of telegraf's `ctx.reply`,
 * `ctx.editMessageText`, `telegram.sendMessage` and the like, with `extra` merged in.
 *
 * @param message - a rendered message of at most 4096 UTF-16 code units (split longer ones first)
 * @param extra - further fields of the call's `extra`; its own `entities` is replaced
 * @returns `[text, { ...extra, entities }]`, to spread into the call
 * @example
 * ```ts
 * import { bold, fmt } from '@org/bot-formatting';
 * import { toTelegraf } from '@org/bot-formatting/telegraf';
 *
 * bot.command('hello', (ctx) => ctx.reply(...toTelegraf(fmt`Hello, ${bold('world')}!`, { link_preview_options: { is_disabled: true } })));
 * ```
 */
export function toTelegraf<E extends object = object>(message: FormattedText, extra?: E): TelegrafMessage<E> {
  return [message.text, { ...(extra as E), entities: telegrafEntities(message) }];
}
