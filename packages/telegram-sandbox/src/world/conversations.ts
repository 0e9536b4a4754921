import type { TelegramChat, TelegramMessage } from '../types';

/** A reply keyboard (custom keyboard) a bot showed in a chat, shown by the web page. */
export interface ReplyKeyboard {
  rows: string[][];
  oneTime: boolean;
  placeholder?: string;
}

/** One message with its history as the sandbox tracks it. */
export interface StoredMessage {
  message: TelegramMessage;
  /** The world sequence number of its last change (send or edit). */
  seq: number;
  deleted: boolean;
  /** The token of the bot that sent it, if a bot did. */
  botToken?: string;
  /** The bot sent it with `disable_notification`: members got it without a sound. */
  silent?: boolean;
}

/**
 * A chat as one set of participants sees it. A private chat exists once per bot and user (each
 * bot sees its own chat with the user, with its own message ids); a group is shared by its bots.
 */
export interface Conversation {
  /** `p:<bot id>:<user id>` or `g:<chat id>`. */
  key: string;
  chat: TelegramChat;
  botTokens: Set<string>;
  memberIds: Set<number>;
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
  replyKeyboard: ReplyKeyboard | undefined;
  chatAction: { action: string; by: string; until: number } | undefined;
  /** Members who run the group: its owner (`creator`) and its administrators. */
  admins: Map<number, 'creator' | 'administrator'>;
  /** A forum's topics by id (the id of the message that created each). */
  topics: Map<number, string>;
  /** Set once the group became a supergroup: that supergroup's id. */
  migratedTo: number | undefined;
}

/** The key of the private chat between a bot and a user. */
export function privateKey(botId: number, userId: number): string {
  return `p:${botId}:${userId}`;
}

/** The key of a group. */
export function groupKey(chatId: number): string {
  return `g:${chatId}`;
}

/** An empty conversation. */
export function createConversation(key: string, chat: TelegramChat): Conversation {
  return {
    key,
    chat,
    botTokens: new Set(),
    memberIds: new Set(),
    messages: new Map(),
    nextMessageId: 1,
    replyKeyboard: undefined,
    chatAction: undefined,
    admins: new Map(),
    topics: new Map(),
    migratedTo: undefined,
  };
}

/** The chat as it now stands: messages not deleted, oldest first, with edits applied. */
export function liveMessages(conversation: Conversation): TelegramMessage[] {
  return [...conversation.messages.values()].filter((stored) => !stored.deleted).map((stored) => stored.message);
}

/** A stored message that still exists. */
export function findLive(conversation: Conversation, messageId: number): StoredMessage | undefined {
  const stored = conversation.messages.get(messageId);
  return stored && !stored.deleted ? stored : undefined;
}
