/**
 * What the web chat's server and its browser script say to each other: the JSON of `/web/state`,
 * of the `/web/send` and `/web/press` answers, and of the Server-Sent Events of `/web/events`.
 * Types only, with no Node import, so that the browser code (`web/client/`) shares them.
 */
import type { CallbackAnswer, TelegramBotCommand, TelegramMessage } from '../types';

/** A chat the page's user can open. */
export interface WebChat {
  key: string;
  title: string;
  type: string;
}

/** A message with what the page needs besides Telegram's fields. */
export interface WebMessage extends TelegramMessage {
  sandbox: {
    outgoing: boolean;
    sender: string;
    photoUrl?: string | undefined;
    documentUrl?: string | undefined;
    /** Sent with `disable_notification`. */
    silent?: boolean;
    /** The forum topic's name. */
    topic?: string;
    /** What a service message says happened (after the sender's name). */
    service?: string;
  };
}

/** Everything the page shows of one chat; sent again on every change. */
export interface ChatSnapshot {
  chat: WebChat;
  viewer: { id: number; name: string };
  messages: WebMessage[];
  replyKeyboard: { rows: string[][]; placeholder?: string } | null;
  action: { text: string; remainingMs: number } | null;
  commands: TelegramBotCommand[];
}

/** `GET /web/state`: who the viewer is, who else they can be, and their chats. */
export interface WebState {
  me: { id: number };
  users: { id: number; name: string }[];
  chats: WebChat[];
  /** The key of the chat to open. */
  chat: string;
}

/** The answer to `POST /web/send` and `POST /web/press`. */
export type WebActionResult = { ok: true } | { ok: false; error: string };

/** The events of `/web/events`, by name, with their data. */
export interface WebEvents {
  snapshot: ChatSnapshot;
  chats: WebChat[];
  answer: CallbackAnswer;
  ping: Record<string, never>;
}
