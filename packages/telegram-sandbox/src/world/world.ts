import { EventEmitter } from 'node:events';
import type { CallbackAnswer, TelegramMessage, TelegramUser } from '../types';
import type { BotRecord } from './bots';
import { createConversation, groupKey, privateKey, type Conversation, type StoredMessage } from './conversations';
import { FileStore } from './files';
import { WorldError } from './world-error';

/** A button press waiting for, or having received, the bot's answer. */
export interface CallbackQueryRecord {
  id: string;
  botToken: string;
  key: string;
  messageId: number;
  userId: number;
  data: string;
  answer: CallbackAnswer | undefined;
}

/** What changed, for waits, the web page's live updates and the harness. */
export type WorldEvent =
  | { type: 'message' | 'edit' | 'delete'; key: string; messageId: number }
  | { type: 'chat-action' | 'keyboard'; key: string }
  | { type: 'callback-answer'; key: string; queryId: string }
  | { type: 'conversations' }
  | { type: 'bot'; token: string }
  | { type: 'closed' };

/**
 * The state of one sandbox: bots, users, chats and their messages, files and button presses.
 * Every change goes through here and is announced as a {@link WorldEvent}.
 */
export class World {
  readonly bots = new Map<string, BotRecord>();
  readonly users = new Map<number, TelegramUser>();
  readonly conversations = new Map<string, Conversation>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly files = new FileStore();
  closed = false;
  private readonly emitter = new EventEmitter();
  private seq = 0;
  private nextUserId = 1001;
  private nextGroupId = 1;

  constructor(readonly now: () => number) {
    this.emitter.setMaxListeners(0);
  }

  /** A new, increasing sequence number: the order of every change. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** The current sequence number, i.e. the last change. */
  get currentSeq(): number {
    return this.seq;
  }

  /** Telegram dates are Unix seconds. */
  unixTime(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Announces a change to every subscriber. */
  emit(event: WorldEvent): void {
    this.emitter.emit('event', event);
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (event: WorldEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** The first registered bot, the one users talk to unless told otherwise. */
  defaultBot(): BotRecord {
    const [bot] = this.bots.values();
    if (!bot) throw new Error('the sandbox has no bot');
    return bot;
  }

  /** The bot whose id (the number before the colon of its token) is `id`. */
  botById(id: number): BotRecord | undefined {
    return [...this.bots.values()].find((bot) => bot.user.id === id);
  }

  /** A free user id: 1001, 1002… */
  allocateUserId(): number {
    while (this.users.has(this.nextUserId)) this.nextUserId += 1;
    return this.nextUserId++;
  }

  /** A free group number; groups get its negative as id. */
  allocateGroupId(): number {
    while (this.conversations.has(groupKey(-this.nextGroupId))) this.nextGroupId += 1;
    return this.nextGroupId++;
  }

  /** The private chat between `bot` and `user`, created on first use. */
  privateConversation(bot: BotRecord, user: TelegramUser): Conversation {
    const key = privateKey(bot.user.id, user.id);
    let conversation = this.conversations.get(key);
    if (!conversation) {
      conversation = createConversation(key, {
        id: user.id,
        type: 'private',
        first_name: user.first_name,
        ...(user.last_name ? { last_name: user.last_name } : {}),
        ...(user.username ? { username: user.username } : {}),
      });
      conversation.botTokens.add(bot.token);
      conversation.memberIds.add(user.id);
      this.conversations.set(key, conversation);
      this.emit({ type: 'conversations' });
    }
    return conversation;
  }

  /**
   * The chat a bot means by `chat_id`: a user id for a private chat, a group id, or a group's
   * `@username`.
   *
   * @throws {WorldError} `CHAT_NOT_FOUND` when no such chat exists for this bot; `CHAT_UPGRADED` when
   * the group became a supergroup (carrying the supergroup's id).
   */
  conversationOfBot(bot: BotRecord, chatId: number | string): Conversation {
    if (typeof chatId === 'number' && chatId > 0) {
      const user = this.users.get(chatId);
      if (user) return this.privateConversation(bot, user);
    }
    for (const conversation of this.conversations.values()) {
      if (conversation.chat.type === 'private' || !conversation.botTokens.has(bot.token)) continue;
      const { id, username } = conversation.chat;
      if (
        chatId === id ||
        (typeof chatId === 'string' && username && chatId.toLowerCase() === `@${username.toLowerCase()}`)
      ) {
        if (conversation.migratedTo !== undefined) {
          throw new WorldError(
            'CHAT_UPGRADED',
            `Group ${id} became the supergroup ${conversation.migratedTo}.`,
            conversation.migratedTo,
          );
        }
        return conversation;
      }
    }
    throw new WorldError(
      'CHAT_NOT_FOUND',
      `@${bot.user.username ?? bot.user.id} has no chat ${JSON.stringify(chatId)}.`,
    );
  }

  /** Adds a message at the end of a chat and announces it. */
  append(
    conversation: Conversation,
    body: Omit<TelegramMessage, 'message_id' | 'date' | 'chat'>,
    botToken?: string,
    delivery: { silent?: boolean } = {},
  ): StoredMessage {
    const message: TelegramMessage = {
      message_id: conversation.nextMessageId++,
      date: this.unixTime(),
      chat: conversation.chat,
      ...body,
    };
    const stored: StoredMessage = {
      message,
      seq: this.nextSeq(),
      deleted: false,
      ...(botToken ? { botToken } : {}),
      ...(delivery.silent === true ? { silent: true } : {}),
    };
    conversation.messages.set(message.message_id, stored);
    this.emit({ type: 'message', key: conversation.key, messageId: message.message_id });
    return stored;
  }

  /** Replaces a message's content (an edit) and announces it. */
  replace(conversation: Conversation, stored: StoredMessage, message: TelegramMessage): void {
    stored.message = message;
    stored.seq = this.nextSeq();
    this.emit({ type: 'edit', key: conversation.key, messageId: message.message_id });
  }

  /** Deletes a message and announces it. */
  remove(conversation: Conversation, stored: StoredMessage): void {
    stored.deleted = true;
    stored.seq = this.nextSeq();
    this.emit({ type: 'delete', key: conversation.key, messageId: stored.message.message_id });
  }
}
