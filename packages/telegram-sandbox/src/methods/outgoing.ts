import { ERRORS } from '../api/api-error';
import type { CheckedMarkup } from '../api/markup';
import type { MethodContext } from '../api/method';
import type { TelegramMessage } from '../types';
import { findLive, type Conversation } from '../world/conversations';

/** Where a bot's new message goes, the message it replies to, its forum topic, and whether it is silent. */
export interface SendTarget {
  conversation: Conversation;
  replyTo: TelegramMessage | undefined;
  /** The forum topic, when the chat is a forum and the message goes to a topic. */
  threadId: number | undefined;
  /** Sent with `disable_notification`. */
  silent: boolean;
}

/** How a send call placed its message besides the chat and the reply. */
export interface SendPlacement {
  /** `message_thread_id`: a topic of a forum (ignored in other chats, as Telegram does for sends). */
  threadId?: number | undefined;
  /** `disable_notification`. */
  silent?: boolean | undefined;
}

/**
 * Resolves `chat_id`, the reply target and the forum topic of a send call. In a forum, a reply
 * without `message_thread_id` goes to the replied message's topic, as in Telegram.
 *
 * @throws {TelegramApiError} `chat not found`, `group chat was upgraded to a supergroup chat` (with
 * `migrate_to_chat_id`), `Forbidden: bot was blocked by the user`, `message to be replied not found`,
 * `message thread not found`.
 */
export function resolveTarget(
  { world, bot }: MethodContext,
  chatId: number | string,
  reply: { messageId: number; allowMissing: boolean } | undefined,
  placement: SendPlacement = {},
): SendTarget {
  const conversation = world.conversationOfBot(bot, chatId);
  if (conversation.chat.type === 'private' && bot.blockedBy.has(conversation.chat.id)) throw ERRORS.blocked();
  let replyTo: TelegramMessage | undefined;
  if (reply) {
    replyTo = findLive(conversation, reply.messageId)?.message;
    if (!replyTo && !reply.allowMissing) throw ERRORS.replyNotFound();
  }
  let threadId: number | undefined;
  if (conversation.chat.is_forum === true) {
    threadId = placement.threadId ?? (replyTo?.is_topic_message === true ? replyTo.message_thread_id : undefined);
    if (threadId !== undefined && !conversation.topics.has(threadId)) throw ERRORS.threadNotFound();
  }
  return { conversation, replyTo, threadId, silent: placement.silent ?? false };
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
  const { conversation, replyTo, threadId } = target;
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
      ...(threadId === undefined ? {} : { message_thread_id: threadId, is_topic_message: true }),
      ...(replied ? { reply_to_message: replied } : {}),
      ...body,
      ...(markup.inline ? { reply_markup: markup.inline } : {}),
    },
    bot.token,
    { silent: target.silent },
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
