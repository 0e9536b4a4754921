import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

/** The one answer a stranger gets. */
export const REFUSAL = 'Sorry, this bot is private.';

/**
 * With an allow-list, updates from anyone else stop here: the first gets {@link REFUSAL}, later ones
 * nothing at all (not even a reaction that would confirm the bot reads them). Refusals are kept in
 * the store, so a restart does not refuse everyone again.
 */
export function allowedUsers(allowed: ReadonlySet<number> | undefined): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (allowed === undefined || (userId !== undefined && allowed.has(userId))) return next();
    ctx.services.metrics.refused.inc();
    if (userId === undefined || !(await ctx.services.store.noteRefusal(userId))) return;
    ctx.services.logger.info({ userId }, 'Refused a user outside ALLOWED_USERS.');
    if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(REFUSAL).catch(() => undefined);
    else if (ctx.chat !== undefined) await ctx.reply(REFUSAL).catch(() => undefined);
  };
}
