import type { FormattedText } from '@org/bot-formatting';
import { telegrafEntities } from '@org/bot-formatting/telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { BotContext } from './context';
import { isExpiredQuery, isNotModified } from './errors/telegram-errors';

const NO_PREVIEW = { is_disabled: true } as const;

/** Shows "typing…" while a report is fetched; never waits for it and never fails because of it. */
export function showTyping(ctx: BotContext): void {
  if (ctx.chat !== undefined) void ctx.sendChatAction('typing').catch(() => undefined);
}

/**
 * Answers a button press after the work it asked for. Telegram drops presses left unanswered for
 * about 15 s (a slow Plume call can take longer): the spinner is gone then, so that refusal is ignored.
 */
export async function answerPress(ctx: BotContext, text?: string): Promise<void> {
  try {
    await ctx.answerCbQuery(text);
  } catch (error) {
    if (!isExpiredQuery(error)) throw error;
  }
}

/** Replaces the pressed message's text; an edit that would change nothing (a double press) is no error. */
export async function editText(
  ctx: BotContext,
  text: string,
  extra?: Parameters<BotContext['editMessageText']>[1],
): Promise<'edited' | 'unchanged'> {
  try {
    await ctx.editMessageText(text, extra);
    return 'edited';
  } catch (error) {
    if (isNotModified(error)) return 'unchanged';
    throw error;
  }
}

/** Sends the parts of a report in order; the keyboard goes under the last one. */
export async function replyRich(
  ctx: BotContext,
  parts: readonly FormattedText[],
  keyboard?: InlineKeyboardMarkup,
): Promise<void> {
  for (const [index, part] of parts.entries()) {
    await ctx.reply(part.text, {
      entities: telegrafEntities(part),
      link_preview_options: NO_PREVIEW,
      ...(index === parts.length - 1 && keyboard !== undefined ? { reply_markup: keyboard } : {}),
    });
  }
}

const normalise = (entities: readonly object[] | undefined) =>
  JSON.stringify(
    (entities ?? []).map((e) => {
      const { type, offset, length, url, language } = e as Record<string, unknown>;
      return { type, offset, length, url, language };
    }),
  );

/**
 * Shows a report in place of the pressed message: a one-part report replaces it; a longer one is
 * sent whole as new messages (the keyboard under the last), and the pressed message keeps its text
 * but loses its buttons, so that no new part is mixed into the old report's parts above it.
 * Returns `unchanged` when the message already shows exactly this, without asking Telegram, so
 * "message is not modified" never surfaces.
 */
export async function editRich(
  ctx: BotContext,
  parts: readonly FormattedText[],
  keyboard?: InlineKeyboardMarkup,
): Promise<'edited' | 'unchanged'> {
  const [first, ...rest] = parts;
  if (first === undefined) return 'unchanged';
  if (rest.length > 0) {
    // The old buttons are gone with the new report below; a failure to remove them changes nothing else.
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await replyRich(ctx, parts, keyboard);
    return 'edited';
  }
  const current = ctx.callbackQuery?.message;
  if (
    current !== undefined &&
    'text' in current &&
    current.text === first.text &&
    normalise(current.entities) === normalise(first.entities) &&
    JSON.stringify(current.reply_markup ?? null) === JSON.stringify(keyboard ?? null)
  ) {
    return 'unchanged';
  }
  return editText(ctx, first.text, {
    entities: telegrafEntities(first),
    link_preview_options: NO_PREVIEW,
    ...(keyboard === undefined ? {} : { reply_markup: keyboard }),
  });
}

/** Sends one message (no keyboard) and returns its id, to edit or delete it later. */
export async function replyOne(ctx: BotContext, part: FormattedText): Promise<number> {
  const sent = await ctx.reply(part.text, { entities: telegrafEntities(part), link_preview_options: NO_PREVIEW });
  return sent.message_id;
}

/** Replaces the text of one of the bot's messages in this chat; an edit that would change nothing is no error. */
export async function editOne(ctx: BotContext, messageId: number, part: FormattedText): Promise<void> {
  try {
    await ctx.telegram.editMessageText(ctx.chat?.id, messageId, undefined, part.text, {
      entities: telegrafEntities(part),
      link_preview_options: NO_PREVIEW,
    });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/** Deletes one of the bot's messages in this chat. */
export async function deleteOne(ctx: BotContext, messageId: number): Promise<void> {
  await ctx.telegram.deleteMessage(ctx.chat?.id ?? 0, messageId);
}
