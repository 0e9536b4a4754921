import { TelegramError } from 'telegraf';

/** Telegram's answer to an edit that would change nothing. */
export function isNotModified(error: unknown): boolean {
  return error instanceof TelegramError && /message is not modified/i.test(error.description);
}

/** Telegram refused because the user blocked the bot or the chat is gone: nobody to tell. */
export function isUnreachableChat(error: unknown): boolean {
  return error instanceof TelegramError && (error.code === 403 || /chat not found/i.test(error.description));
}

/** Telegram's answer to a late answerCallbackQuery: the button's spinner has already timed out. */
export function isExpiredQuery(error: unknown): boolean {
  return error instanceof TelegramError && /query is too old|query id is invalid/i.test(error.description);
}

/**
 * Telegram refused because the message the update was about is gone: deleted, too old, or never
 * one the bot can act on (a press on a message that no longer exists, an inline message).
 */
export function isMessageGone(error: unknown): boolean {
  return (
    error instanceof TelegramError &&
    /message to (edit|delete|react|be replied) not found|message can't be (edited|deleted)|MESSAGE_ID_INVALID/i.test(
      error.description,
    )
  );
}
