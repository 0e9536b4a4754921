import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

/**
 * A chat whose notifications were paused (the person had blocked the bot: Telegram answered 403)
 * is resumed as soon as anything comes from it again: the notifications parked meanwhile go out.
 */
export function resumeDeliveries(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const chatId = ctx.chat?.id;
    const { monitoring, logger } = ctx.services;
    if (chatId !== undefined && (await monitoring.outbox.isPaused(chatId))) {
      const parked = await monitoring.outbox.resume(chatId);
      logger.info({ chatId, notifications: parked }, 'Deliveries resumed: the chat writes to the bot again');
      monitoring.wakeRelay();
    }
    await next();
  };
}
