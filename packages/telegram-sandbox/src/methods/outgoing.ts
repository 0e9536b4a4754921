import { ERRORS } from '../api/api-error';
import type { CheckedMarkup } from '../api/markup';
import type { MethodContext } from '../api/method';
import type { TelegramMessage } from '../types';
import { findLive, type Conversation } from '../world/conversations';

/** Where a bot's new message goes, and the message it replies to. */
export interface SendTarget {
  conversation: Conversation;
  replyTo: TelegramMessage | undefined;
}

/**
 * Resolves `chat_id` and the reply target of a send call.
 *
 * @throws {TelegramApiError} `chat not found`, `Forbidden: bot was blocked by the user`,
 * `message to be replied not found`.
 */
export function resolveTarget(
  { world, bot }: MethodContext,
  chatId: number | string,
  reply: { messageId: number; allowMissing: boolean } | undefined,
): SendTarget {
  const conversation = world.conversationOfBot(bot, chatId);
  if (conversation.chat.type === 'private' && bot.blockedBy.has(conversation.chat.id)) throw ERRORS.blocked();
  let replyTo: TelegramMessage | undefined;
  if (reply) {
    replyTo = findLive(conversation, reply.messageId)?.message;
    if (!replyTo && !reply.allowMissing) throw ERRORS.replyNotFound();
  }
  return { conversation, replyTo };
}

/** A replied-to message as Telegram embeds it: without its own `reply_to_message`. */
function withoutReply(message: TelegramMessage): TelegramMessage {
  const { reply_to_message: _nested, ...rest } = message;
  return rest;
}

/** Stores a bot's message, applies its keyboard, ends its chat action, and returns what the bot gets back. */
export function postBotMessage(
  { world, bot }: MethodContext,
  target: SendTarget,
  body: Omit<TelegramMessage, 'message_id' | 'date' | 'chat' | 'from'>,
  markup: CheckedMarkup,
): TelegramMessage {
  const { conversation, replyTo } = target;
  conversation.chatAction = undefined;
  if (markup.replyKeyboard !== undefined) {
    conversation.replyKeyboard = markup.replyKeyboard ?? undefined;
    world.emit({ type: 'keyboard', key: conversation.key });
  }
  const replied = replyTo ? withoutReply(replyTo) : undefined;
  const stored = world.append(
    conversation,
    {
      from: bot.user,
      ...(replied ? { reply_to_message: replied } : {}),
      ...body,
      ...(markup.inline ? { reply_markup: markup.inline } : {}),
    },
    bot.token,
  );
  return stored.message;
}

/** `entities` as Telegram sends them: omitted when empty. */
export function withEntities<K extends 'entities' | 'caption_entities'>(
  key: K,
  entities: TelegramMessage['entities'],
): Partial<Record<K, NonNullable<TelegramMessage['entities']>>> {
  return entities && entities.length > 0
    ? ({ [key]: entities } as Record<K, NonNullable<TelegramMessage['entities']>>)
    : {};
}
