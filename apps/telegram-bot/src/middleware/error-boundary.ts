import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';
import { describeError } from '../errors/describe-error';
import { newErrorId } from '../errors/error-id';
import { isMessageGone, isUnreachableChat } from '../errors/telegram-errors';
import { UpdateAbandonedError } from './update-journal';

/** The answer to a press whose message is gone. */
export const MESSAGE_GONE = 'That message is no longer there. Send /status for a fresh report.';

/**
 * Contains every failure below it. A known failure (Plume's, or bad input) becomes a message the
 * user can act on; a chat that cannot be reached or a message that is gone (a press on a deleted
 * message) is an ordinary event, answered politely if at all; anything else is logged with a new
 * error id, and the user is given that id.
 * Nothing rethrows, so one update can never stop the bot. Also counts and times updates.
 */
export function errorBoundary(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { logger, metrics } = ctx.services;
    const started = performance.now();
    metrics.updates.inc({ kind: ctx.updateType });
    try {
      await next();
    } catch (error) {
      if (error instanceof UpdateAbandonedError) {
        logger.debug({ updateId: ctx.update.update_id }, 'Update left in the inbox for the next start.');
        return;
      }
      if (isUnreachableChat(error)) {
        logger.info({ userId: ctx.from?.id }, 'The chat cannot be reached (bot blocked?); dropping the update.');
        return;
      }
      if (isMessageGone(error)) {
        logger.debug(
          { userId: ctx.from?.id, update: ctx.updateType },
          'The message this update is about is gone; told the user, if a press.',
        );
        if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(MESSAGE_GONE).catch(() => undefined);
        return;
      }
      const known = describeError(error);
      const errorId = known === undefined ? newErrorId() : undefined;
      metrics.errors.inc({ cause: known?.cause ?? 'unexpected' });
      if (known === undefined)
        logger.error({ err: error, errorId, userId: ctx.from?.id, update: ctx.updateType }, 'Unexpected error');
      else logger.warn({ err: error, userId: ctx.from?.id, cause: known.cause }, 'Request failed');
      const text =
        known?.text ??
        `Sorry, something went wrong on my side. If it happens again, tell the bot's operator this error id: ${errorId}.`;
      if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery().catch(() => undefined);
      if (ctx.chat !== undefined)
        await ctx.reply(text).catch((err: unknown) => logger.warn({ err }, 'Could not tell the user about an error'));
    } finally {
      metrics.updateSeconds.observe((performance.now() - started) / 1000);
    }
  };
}
