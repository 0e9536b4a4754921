import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import { echo } from '../security/bidi';
import { requireMember } from './guards';

const USAGE =
  "Your alerts come to your private chat with me. To have them in a group instead, send /alerts here in that group (you need the support or admin role; outside your team's chat you must also be one of the group's administrators); /alerts off brings them back here.";

/** Whether the sender runs this group: its owner or one of its administrators (asked of Telegram). */
async function isGroupAdmin(ctx: BotContext, chatId: number, userId: number): Promise<boolean> {
  const member = await ctx.telegram.getChatMember(chatId, userId);
  return member.status === 'creator' || member.status === 'administrator';
}

/**
 * `/alerts here` (in a group, by one of its administrators who has set up the bot): that person's
 * alerts go to the group, in a forum to the topic the command was sent in; `/alerts off` sends them
 * back to the private chat; `/alerts` says where they go.
 */
export function alertsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('alerts', async (ctx) => {
    const argument = ctx.payload.trim().toLowerCase();
    const userId = ctx.from.id;
    const { settings, logger } = ctx.services;
    if (argument === 'off') {
      const removed = await settings.clearRoute(userId);
      if (removed) logger.info({ userId }, 'Alert route removed');
      await ctx.reply(
        removed
          ? `Done: ${echo(ctx.from.first_name)}'s alerts go to the private chat with me again.`
          : 'Your alerts already go to your private chat with me.',
      );
      return;
    }
    if (argument !== 'here') {
      const route = await settings.route(userId);
      await ctx.reply(
        route === undefined
          ? USAGE
          : `Your alerts go to the group “${echo(route.chatTitle)}”. /alerts off brings them back to your private chat.`,
      );
      return;
    }
    if (ctx.chat.type === 'private') {
      await ctx.reply('Send /alerts here in the group where your alerts should go (add me to it first).');
      return;
    }
    const ready = await requireMember(ctx, 'support');
    if (ready === undefined) return;
    const teamChat = (await ctx.services.team.chatWorkspace(ctx.chat.id)) === ready.membership.workspaceId;
    if (!teamChat && !(await isGroupAdmin(ctx, ctx.chat.id, userId))) {
      await ctx.reply('Only an administrator of this group can send their alerts here.');
      return;
    }
    const message = ctx.message;
    const threadId = message.is_topic_message === true ? message.message_thread_id : undefined;
    await settings.setRoute(userId, {
      chatId: ctx.chat.id,
      chatTitle: ctx.chat.title,
      ...(threadId === undefined ? {} : { threadId }),
    });
    logger.info({ userId, chatId: ctx.chat.id, threadId }, 'Alert route set');
    const where = threadId === undefined ? 'this group' : 'this topic';
    await ctx.reply(
      `Done: ${echo(ctx.from.first_name)}'s alerts now come to ${where}. /alerts off sends them back to the private chat.`,
    );
  });

  return feature;
}
