import { z } from 'zod';
import { badRequest, ERRORS } from '../api/api-error';
import { checkMarkup, replyMarkup, type ReplyMarkupInput } from '../api/markup';
import { defineMethod, type MethodContext } from '../api/method';
import { chatId, entities, int } from '../api/params';
import { sameEntities } from '../text/entities';
import { formatText } from '../text/format';
import type { TelegramInlineKeyboardMarkup, TelegramMessage } from '../types';
import { findLive, type Conversation, type StoredMessage } from '../world/conversations';
import { withEntities } from './outgoing';

/** The parameters naming the message an edit applies to, and its new inline keyboard. */
export const editTarget = {
  chat_id: chatId.optional(),
  message_id: int('message_id').optional(),
  inline_message_id: z.string().optional(),
  reply_markup: replyMarkup,
};

/** Finds the bot's message to edit, with Telegram's errors. */
export function findTarget(
  { world, bot }: MethodContext,
  params: {
    chat_id?: number | string | undefined;
    message_id?: number | undefined;
    inline_message_id?: string | undefined;
  },
): { conversation: Conversation; stored: StoredMessage } {
  if (params.inline_message_id !== undefined) throw badRequest('MESSAGE_ID_INVALID');
  if (params.chat_id === undefined) throw badRequest('chat_id is empty');
  if (params.message_id === undefined) throw badRequest('message identifier is not specified');
  const conversation = world.conversationOfBot(bot, params.chat_id);
  const stored = findLive(conversation, params.message_id);
  if (!stored) throw ERRORS.editNotFound();
  if (stored.botToken !== bot.token) throw ERRORS.cantBeEdited();
  return { conversation, stored };
}

/** Only inline keyboards can be attached by an edit; no markup removes the keyboard. */
export function inlineMarkup(input: ReplyMarkupInput | undefined): TelegramInlineKeyboardMarkup | undefined {
  if (input && !('inline_keyboard' in input)) throw badRequest("can't parse inline keyboard markup JSON object");
  return checkMarkup(input).inline;
}

/** Whether two inline keyboards are the same (none and an empty one alike). */
export const sameMarkup = (a: TelegramInlineKeyboardMarkup | undefined, b: TelegramInlineKeyboardMarkup | undefined) =>
  JSON.stringify(a?.inline_keyboard ?? []) === JSON.stringify(b?.inline_keyboard ?? []);

/**
 * Stores the edited message: `content` over the current one, the `keep` fields that `content` lacks
 * removed, the keyboard replaced (or removed), `edit_date` set.
 */
export function applyEdit(
  { world }: MethodContext,
  found: { conversation: Conversation; stored: StoredMessage },
  content: Partial<TelegramMessage>,
  keep: readonly (keyof TelegramMessage)[],
  markup: TelegramInlineKeyboardMarkup | undefined,
): TelegramMessage {
  const previous = found.stored.message;
  const next: TelegramMessage = { ...previous, ...content, edit_date: world.unixTime() };
  for (const key of keep) if (content[key] === undefined) delete next[key];
  if (markup) next.reply_markup = markup;
  else delete next.reply_markup;
  world.replace(found.conversation, found.stored, next);
  return next;
}

/**
 * `editMessageText`: new text (same rules as sendMessage) and keyboard; without `reply_markup`
 * the keyboard is removed. Refuses "message is not modified", "message to edit not found",
 * "message can't be edited" (not the bot's) and "there is no text in the message to edit".
 */
export const editMessageText = defineMethod({
  name: 'editMessageText',
  limited: true,
  params: z.object({
    ...editTarget,
    text: z.string({ error: () => 'Bad Request: message text is empty' }).optional(),
    parse_mode: z.string().optional(),
    entities,
    link_preview_options: z.unknown().optional(),
  }),
  run: (params, context) => {
    const formatted = formatText(
      { text: params.text, parseMode: params.parse_mode, entities: params.entities },
      'text',
    );
    const markup = inlineMarkup(params.reply_markup);
    const found = findTarget(context, params);
    const current = found.stored.message;
    if (current.text === undefined) throw ERRORS.noTextToEdit();
    if (
      current.text === formatted.text &&
      sameEntities(current.entities, formatted.entities) &&
      sameMarkup(current.reply_markup, markup)
    ) {
      throw ERRORS.notModified();
    }
    return applyEdit(
      context,
      found,
      { text: formatted.text, ...withEntities('entities', formatted.entities) },
      ['entities'],
      markup,
    );
  },
});

/** `editMessageCaption`: the caption of a photo or document, with sendPhoto's caption rules. */
export const editMessageCaption = defineMethod({
  name: 'editMessageCaption',
  limited: true,
  params: z.object({
    ...editTarget,
    caption: z.string().optional(),
    parse_mode: z.string().optional(),
    caption_entities: entities,
  }),
  run: (params, context) => {
    const caption = formatText(
      { text: params.caption, parseMode: params.parse_mode, entities: params.caption_entities },
      'caption',
    );
    const markup = inlineMarkup(params.reply_markup);
    const found = findTarget(context, params);
    const current = found.stored.message;
    if (current.text !== undefined) throw badRequest('there is no caption in the message to edit');
    if (
      (current.caption ?? '') === caption.text &&
      sameEntities(current.caption_entities, caption.entities) &&
      sameMarkup(current.reply_markup, markup)
    ) {
      throw ERRORS.notModified();
    }
    const content = caption.text
      ? { caption: caption.text, ...withEntities('caption_entities', caption.entities) }
      : {};
    return applyEdit(context, found, content, ['caption', 'caption_entities'], markup);
  },
});

/** `editMessageReplyMarkup`: replaces or (without `reply_markup`) removes the inline keyboard. */
export const editMessageReplyMarkup = defineMethod({
  name: 'editMessageReplyMarkup',
  limited: true,
  params: z.object(editTarget),
  run: (params, context) => {
    const markup = inlineMarkup(params.reply_markup);
    const found = findTarget(context, params);
    if (sameMarkup(found.stored.message.reply_markup, markup)) throw ERRORS.notModified();
    return applyEdit(context, found, {}, [], markup);
  },
});
