import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

/**
 * Follows a group that became a supergroup: Telegram announces it with a `migrate_to_chat_id`
 * message in the old group and a `migrate_from_chat_id` one in the new; either moves every alert
 * route from the old id to the new (the second finds nothing left to move). Runs before the
 * allow-list: whoever upgraded the group, the routes of its members must follow.
 */
export function chatMigrations(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = ctx.message;
    if (message === undefined || ctx.chat === undefined) return next();
    const move =
      'migrate_to_chat_id' in message
        ? { from: ctx.chat.id, to: message.migrate_to_chat_id }
        : 'migrate_from_chat_id' in message
          ? { from: message.migrate_from_chat_id, to: ctx.chat.id }
          : undefined;
    if (move === undefined) return next();
    const moved = await ctx.services.settings.moveChat(move.from, move.to);
    ctx.services.logger.info({ from: move.from, to: move.to, routes: moved }, 'A group became a supergroup');
  };
}
