/**
 * The Telegram Bot API objects the sandbox sends and stores: a deliberate local subset of
 * https://core.telegram.org/bots/api, so that the package depends on no bot framework's types.
 * Field names are Telegram's (snake_case), because these objects are what bots receive over HTTP.
 */

/** A Telegram user or bot, as in `message.from` or `getMe`. */
export interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  can_join_groups?: boolean;
  can_read_all_group_messages?: boolean;
  supports_inline_queries?: boolean;
}

/** The chat a message belongs to. Private chats carry the user's names, groups a title. */
export interface TelegramChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  /** A supergroup whose messages are organised in topics. */
  is_forum?: boolean;
}

/** Every entity type Telegram knows. */
export type TelegramMessageEntityType =
  | 'mention'
  | 'hashtag'
  | 'cashtag'
  | 'bot_command'
  | 'url'
  | 'email'
  | 'phone_number'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'blockquote'
  | 'expandable_blockquote'
  | 'code'
  | 'pre'
  | 'text_link'
  | 'text_mention'
  | 'custom_emoji';

/** A formatted span of a text; `offset` and `length` count UTF-16 code units. */
export interface TelegramMessageEntity {
  type: TelegramMessageEntityType;
  offset: number;
  length: number;
  url?: string;
  user?: TelegramUser;
  language?: string;
  custom_emoji_id?: string;
}

/** One inline keyboard button. The sandbox acts on `callback_data` and `url`; others are shown only. */
export interface TelegramInlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  switch_inline_query?: string;
  switch_inline_query_current_chat?: string;
  copy_text?: { text: string };
  web_app?: { url: string };
  login_url?: { url: string };
  pay?: boolean;
}

/** The keyboard attached under a message. */
export interface TelegramInlineKeyboardMarkup {
  inline_keyboard: TelegramInlineKeyboardButton[][];
}

/** One size of a photo. */
export interface TelegramPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

/** A general file. */
export interface TelegramDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

/** A message as the Bot API returns it. */
export interface TelegramMessage {
  message_id: number;
  date: number;
  chat: TelegramChat;
  from?: TelegramUser;
  edit_date?: number;
  reply_to_message?: TelegramMessage;
  text?: string;
  entities?: TelegramMessageEntity[];
  caption?: string;
  caption_entities?: TelegramMessageEntity[];
  photo?: TelegramPhotoSize[];
  document?: TelegramDocument;
  reply_markup?: TelegramInlineKeyboardMarkup;
  /** In a forum supergroup: the topic (the id of the message that created it). */
  message_thread_id?: number;
  /** The message was sent in a forum topic. */
  is_topic_message?: boolean;
  /** Service message: a topic was created (its id is this message's `message_thread_id`). */
  forum_topic_created?: { name: string; icon_color: number };
  /** Service message in the old group: it became the supergroup with this id. */
  migrate_to_chat_id?: number;
  /** Service message in the new supergroup: it was the group with this id. */
  migrate_from_chat_id?: number;
}

/** A user's standing in a chat, as `getChatMember` returns it. */
export interface TelegramChatMember {
  status: 'creator' | 'administrator' | 'member' | 'left';
  user: TelegramUser;
  /** On `creator` and `administrator`. */
  is_anonymous?: boolean;
  /** On `administrator`: the sandbox grants every administrator every right. */
  can_be_edited?: boolean;
  can_manage_chat?: boolean;
  can_delete_messages?: boolean;
  can_restrict_members?: boolean;
  can_promote_members?: boolean;
  can_change_info?: boolean;
  can_invite_users?: boolean;
  can_pin_messages?: boolean;
  can_manage_topics?: boolean;
}

/** The update a bot receives when a user presses an inline button. */
export interface TelegramCallbackQuery {
  id: string;
  from: TelegramUser;
  message?: TelegramMessage;
  chat_instance: string;
  data?: string;
}

/** How a bot answered a button press (answerCallbackQuery's parameters). */
export interface CallbackAnswer {
  text?: string;
  show_alert: boolean;
  url?: string;
  cache_time?: number;
}

/** One incoming update, as returned by getUpdates or POSTed to a webhook. */
export interface TelegramUpdate {
  update_id: number;
  message?: TelegramMessage;
  edited_message?: TelegramMessage;
  callback_query?: TelegramCallbackQuery;
}

/** A command of the bot's menu (setMyCommands). */
export interface TelegramBotCommand {
  command: string;
  description: string;
}

/** Extra information of a failed call, as in Telegram's envelope. */
export interface TelegramResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** Telegram's response envelope. */
export type TelegramResponse<T = unknown> =
  | { ok: true; result: T; description?: string }
  | { ok: false; error_code: number; description: string; parameters?: TelegramResponseParameters };
