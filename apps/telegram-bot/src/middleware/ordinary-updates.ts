import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

/** The answer to a press on a button of an inline message (this bot never sends any). */
export const INLINE_BUTTON = 'This button only works in a chat with me. Send /status there for a fresh report.';

/** The answer to a command posted on behalf of a chat: an anonymous group admin, or a channel. */
export const ANONYMOUS_COMMAND =
  'I answer people, and I cannot tell who sent this: it was posted on behalf of the group or a channel. Turn off “Remain anonymous”, or message me directly.';

/** A message with no person behind it: a channel post, no `from`, or sent on behalf of a chat (`sender_chat`). */
function isFromNobody(ctx: BotContext): boolean {
  if (ctx.channelPost !== undefined || ctx.editedChannelPost !== undefined) return true;
  const message = ctx.message ?? ctx.editedMessage;
  return message !== undefined && (message.from === undefined || message.sender_chat !== undefined);
}

/**
 * Ordinary Telegram events that are not a person talking to the bot in a chat, answered politely
 * or ignored, and logged at debug, never as errors:
 * - a press on a button of an inline message (`inline_message_id`, no message or chat): answered
 *   with {@link INLINE_BUTTON};
 * - a message posted by nobody in particular (a channel post, an anonymous group admin, a linked
 *   channel, no `from`): ignored, except that a command gets {@link ANONYMOUS_COMMAND}.
 * Runs after the secret guard (a secret is deleted whoever posted it) and before the allow-list.
 */
export function ordinaryUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { logger } = ctx.services;
    if (ctx.callbackQuery !== undefined && ctx.callbackQuery.message === undefined) {
      logger.debug({ update: ctx.updateType }, 'A press on an inline message: answered, not handled.');
      await ctx
        .answerCbQuery(INLINE_BUTTON)
        .catch((err: unknown) => logger.debug({ err }, 'Could not answer an inline press'));
      return;
    }
    if (!isFromNobody(ctx)) return next();
    logger.debug(
      { update: ctx.updateType, chatId: ctx.chat?.id },
      'A message posted on behalf of a chat: not handled.',
    );
    const message = ctx.message;
    if (message !== undefined && 'text' in message && message.text.startsWith('/') && ctx.chat !== undefined) {
      await ctx
        .reply(ANONYMOUS_COMMAND)
        .catch((err: unknown) => logger.debug({ err }, 'Could not answer an anonymous command'));
    }
  };
}
