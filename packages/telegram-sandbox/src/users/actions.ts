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
export type UserContent = { kind: 'text'; text: string } | { kind: 'photo'; upload: Upload; caption?: string };

/** A message's text and its entities, as Telegram's clients detect them; `method` names the caller in errors. */
function textFields(raw: string, method: string): Pick<TelegramMessage, 'text' | 'entities'> {
  const { text, entities } = userText(raw);
  if (!text)
    throw new SandboxError('INVALID_INPUT', `A message needs some text: ${method} got an empty or blank string.`);
  return { text, ...(entities.length ? { entities } : {}) };
}

/** A caption (none when blank) and its entities; `method` names the caller in errors. */
function captionFields(raw: string, method: string): Pick<TelegramMessage, 'caption' | 'caption_entities'> {
  const { text, entities } = userText(raw);
  if (text.length > 1024)
    throw new SandboxError(
      'INVALID_INPUT',
      `A photo caption holds at most 1024 characters; ${method} got ${text.length}.`,
    );
  return { ...(text ? { caption: text } : {}), ...(entities.length ? { caption_entities: entities } : {}) };
}

/** The stored message fields of `content`. */
function messageFields(world: World, content: UserContent): Partial<TelegramMessage> {
  if (content.kind === 'text') return textFields(content.text, 'send()');
  const caption = captionFields(content.caption ?? '', 'sendPhoto()');
  return { photo: photoSizes(world.files.putUpload('photo', content.upload)), ...caption };
}

/** Gives every bot of the chat the update, unless the user blocked it. */
function notifyBots(
  world: World,
  conversation: Conversation,
  user: TelegramUser,
  update: { message: TelegramMessage } | { edited_message: TelegramMessage },
): void {
  const kind = 'message' in update ? 'message' : 'edited_message';
  for (const token of conversation.botTokens) {
    const bot = world.bots.get(token);
    if (bot && !bot.blockedBy.has(user.id)) bot.queue.push(kind, update);
  }
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
  threadId?: number,
): StoredMessage {
  if (world.closed) throw new SandboxError('CLOSED', 'The sandbox is closed: start a new one with startSandbox().');
  if (conversation.migratedTo !== undefined) {
    throw new SandboxError(
      'INVALID_INPUT',
      `Group ${conversation.chat.id} became the supergroup ${conversation.migratedTo}: act in the group migrateToSupergroup() returned.`,
    );
  }
  if (!conversation.memberIds.has(user.id)) {
    throw new SandboxError(
      'NOT_A_MEMBER',
      `${user.first_name} (id ${user.id}) is not a member of chat ${conversation.chat.id}: add them first.`,
    );
  }
  const fields = messageFields(world, content);
  let replyTo: TelegramMessage | undefined;
  if (replyToId !== undefined) {
    const target = findLive(conversation, replyToId);
    if (!target)
      throw new SandboxError('MESSAGE_NOT_FOUND', `Cannot reply to message #${replyToId}: it is not in the chat.`);
    const { reply_to_message: _nested, ...rest } = target.message;
    replyTo = rest;
  }
  const stored = world.append(conversation, {
    from: user,
    ...(threadId === undefined ? {} : { message_thread_id: threadId, is_topic_message: true }),
    ...fields,
    ...(replyTo ? { reply_to_message: replyTo } : {}),
  });
  if (conversation.replyKeyboard?.oneTime) {
    conversation.replyKeyboard = undefined;
    world.emit({ type: 'keyboard', key: conversation.key });
  }
  notifyBots(world, conversation, user, { message: stored.message });
  return stored;
}

/**
 * A service message (a topic created, a group upgraded…) caused by `user`: stored, and every bot of
 * the chat gets it as a `message` update, as Telegram sends them.
 */
export function postServiceMessage(
  world: World,
  conversation: Conversation,
  user: TelegramUser,
  fields: Partial<Omit<TelegramMessage, 'message_id' | 'date' | 'chat' | 'from'>>,
): StoredMessage {
  if (world.closed) throw new SandboxError('CLOSED', 'The sandbox is closed: start a new one with startSandbox().');
  const stored = world.append(conversation, { from: user, ...fields });
  notifyBots(world, conversation, user, { message: stored.message });
  return stored;
}

/**
 * A user edits one of their own messages: its text (or a photo's caption) is replaced, it gets an
 * `edit_date`, and every bot of the chat gets an `edited_message` update (unless the user blocked it).
 */
export function editAsUser(
  world: World,
  conversation: Conversation,
  user: TelegramUser,
  messageId: number,
  rawText: string,
): StoredMessage {
  if (world.closed) throw new SandboxError('CLOSED', 'The sandbox is closed: start a new one with startSandbox().');
  const stored = findLive(conversation, messageId);
  if (!stored || stored.botToken !== undefined || stored.message.from?.id !== user.id) {
    throw new SandboxError(
      'MESSAGE_NOT_FOUND',
      `${user.first_name} can only edit their own messages: #${messageId} is not one of theirs in chat ${conversation.chat.id}.`,
    );
  }
  const { text, entities: _entities, caption: _caption, caption_entities: _captionEntities, ...rest } = stored.message;
  const fields = text !== undefined ? textFields(rawText, 'edit()') : captionFields(rawText, 'edit()');
  world.replace(conversation, stored, { ...rest, ...fields, edit_date: world.unixTime() });
  notifyBots(world, conversation, user, { edited_message: stored.message });
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
      callback_query: {
        id: record.id,
        from: user,
        message: stored.message,
        chat_instance: chatInstance(conversation),
        data,
      },
    });
  }
  return record;
}
