import { createHash, randomInt } from 'node:crypto';
import { SandboxError } from '../errors';
import { userText } from '../text/format';
import type { TelegramMessage, TelegramUser } from '../types';
import { photoSizes, type Upload } from '../world/files';
import { findLive, type Conversation, type StoredMessage } from '../world/conversations';
import type { CallbackQueryRecord, World } from '../world/world';

/** Telegram's `chat_instance`: stable per chat, opaque. */
function chatInstance(conversation: Conversation): string {
  const digest = createHash('sha256').update(conversation.key).digest();
  return digest.readBigInt64BE(0).toString();
}

/** What a user's message carries: text, or a photo with an optional caption. */
export type UserContent =
  | { kind: 'text'; text: string }
  | { kind: 'photo'; upload: Upload; caption?: string };

/** The stored message fields of `content`, with entities as Telegram's clients detect them. */
function messageFields(world: World, content: UserContent): Partial<TelegramMessage> {
  if (content.kind === 'text') {
    const { text, entities } = userText(content.text);
    if (!text) throw new SandboxError('INVALID_INPUT', 'A message needs some text: send() got an empty or blank string.');
    return { text, ...(entities.length ? { entities } : {}) };
  }
  const caption = content.caption === undefined ? undefined : userText(content.caption);
  if (caption !== undefined && caption.text.length > 1024) {
    throw new SandboxError('INVALID_INPUT', `A photo caption holds at most 1024 characters; sendPhoto() got ${caption.text.length}.`);
  }
  const photo = photoSizes(world.files.putUpload('photo', content.upload));
  return {
    photo,
    ...(caption?.text ? { caption: caption.text } : {}),
    ...(caption?.entities.length ? { caption_entities: caption.entities } : {}),
  };
}

/**
 * A user writes in a chat: the message is stored and every bot of the chat gets a `message`
 * update (unless the user blocked it). Commands, mentions and links get their entities, as
 * Telegram's clients send them.
 */
export function sendAsUser(
  world: World,
  conversation: Conversation,
  user: TelegramUser,
  content: UserContent,
  replyToId?: number,
): StoredMessage {
  if (world.closed) throw new SandboxError('CLOSED', 'The sandbox is closed: start a new one with startSandbox().');
  if (!conversation.memberIds.has(user.id)) {
    throw new SandboxError('NOT_A_MEMBER', `${user.first_name} (id ${user.id}) is not a member of chat ${conversation.chat.id}: add them first.`);
  }
  const fields = messageFields(world, content);
  let replyTo: TelegramMessage | undefined;
  if (replyToId !== undefined) {
    const target = findLive(conversation, replyToId);
    if (!target) throw new SandboxError('MESSAGE_NOT_FOUND', `Cannot reply to message #${replyToId}: it is not in the chat.`);
    const { reply_to_message: _nested, ...rest } = target.message;
    replyTo = rest;
  }
  const stored = world.append(conversation, {
    from: user,
    ...fields,
    ...(replyTo ? { reply_to_message: replyTo } : {}),
  });
  if (conversation.replyKeyboard?.oneTime) {
    conversation.replyKeyboard = undefined;
    world.emit({ type: 'keyboard', key: conversation.key });
  }
  for (const token of conversation.botTokens) {
    const bot = world.bots.get(token);
    if (bot && !bot.blockedBy.has(user.id)) bot.queue.push('message', { message: stored.message });
  }
  return stored;
}

/**
 * A user edits one of their own messages: its text (or a photo's caption) is replaced, it gets an
 * `edit_date`, and every bot of the chat gets an `edited_message` update (unless the user blocked it).
 */
export function editAsUser(world: World, conversation: Conversation, user: TelegramUser, messageId: number, rawText: string): StoredMessage {
  if (world.closed) throw new SandboxError('CLOSED', 'The sandbox is closed: start a new one with startSandbox().');
  const stored = findLive(conversation, messageId);
  if (!stored || stored.botToken !== undefined || stored.message.from?.id !== user.id) {
    throw new SandboxError('MESSAGE_NOT_FOUND', `${user.first_name} can only edit their own messages: #${messageId} is not one of theirs in chat ${conversation.chat.id}.`);
  }
  const { entities: _entities, caption_entities: _captionEntities, ...previous } = stored.message;
  const { text, entities } = userText(rawText);
  const isCaption = previous.text === undefined;
  if (!isCaption && !text) throw new SandboxError('INVALID_INPUT', 'A message needs some text: edit() got an empty or blank string.');
  if (isCaption && text.length > 1024) {
    throw new SandboxError('INVALID_INPUT', `A photo caption holds at most 1024 characters; edit() got ${text.length}.`);
  }
  const { caption: _caption, ...withoutCaption } = previous;
  const content = isCaption
    ? { ...withoutCaption, ...(text ? { caption: text } : {}), ...(entities.length ? { caption_entities: entities } : {}) }
    : { ...previous, text, ...(entities.length ? { entities } : {}) };
  world.replace(conversation, stored, { ...content, edit_date: world.unixTime() });
  for (const token of conversation.botTokens) {
    const bot = world.bots.get(token);
    if (bot && !bot.blockedBy.has(user.id)) bot.queue.push('edited_message', { edited_message: stored.message });
  }
  return stored;
}

/**
 * A user presses an inline button carrying `data` under a bot's message: the bot that sent the
 * message gets a `callback_query` update, which it should answer with answerCallbackQuery.
 */
export function pressAsUser(
  world: World,
  conversation: Conversation,
  user: TelegramUser,
  stored: StoredMessage,
  data: string,
): CallbackQueryRecord {
  if (world.closed) throw new SandboxError('CLOSED', 'The sandbox is closed: start a new one with startSandbox().');
  const bot = stored.botToken ? world.bots.get(stored.botToken) : undefined;
  if (!bot) throw new SandboxError('BUTTON_NOT_FOUND', `Message #${stored.message.message_id} was not sent by a bot.`);
  const record: CallbackQueryRecord = {
    id: `${randomInt(1, 2 ** 47)}${randomInt(0, 1_000_000)}`,
    botToken: bot.token,
    key: conversation.key,
    messageId: stored.message.message_id,
    userId: user.id,
    data,
    answer: undefined,
  };
  world.callbackQueries.set(record.id, record);
  if (!bot.blockedBy.has(user.id)) {
    bot.queue.push('callback_query', {
      callback_query: { id: record.id, from: user, message: stored.message, chat_instance: chatInstance(conversation), data },
    });
  }
  return record;
}
