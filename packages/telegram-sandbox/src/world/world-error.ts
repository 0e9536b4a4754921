/**
 * What the world refuses, in its own terms. The world knows nothing of the Bot API: the dispatcher
 * (`api/dispatch.ts`) turns these into Telegram's error envelopes, and other callers (the users'
 * side, the web chat) may show the message as it is.
 */

/** Which rule of the world was broken. */
export type WorldErrorCode = 'CHAT_NOT_FOUND' | 'CHAT_UPGRADED' | 'THREAD_NOT_FOUND' | 'USER_NOT_FOUND';

/** A request the world cannot serve, e.g. a chat id that names no chat of the bot, or a group that became a supergroup. */
export class WorldError extends Error {
  override name = 'WorldError';
  /** A stable discriminant, mapped to a Bot API error by the dispatcher. */
  readonly code: WorldErrorCode;
  /** On `CHAT_UPGRADED`: the id of the supergroup the group became. */
  readonly migrateToChatId: number | undefined;

  constructor(code: WorldErrorCode, message: string, migrateToChatId?: number) {
    super(message);
    this.code = code;
    this.migrateToChatId = migrateToChatId;
  }
}
