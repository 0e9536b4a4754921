import { Composer, type MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';
import { requireMember } from './guards';

/** The one answer someone outside a team gets in its team chat. */
export const TEAM_CHAT_REFUSAL = 'Sorry, only members of this team can use me here.';
const GROUP_ONLY = 'Send /bind in the group you want as your team’s chat.';

const isGroup = (ctx: BotContext) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
/** A command or a button press: what is addressed to the bot (people's own chatter is not). */
const addressesBot = (ctx: BotContext) =>
  ctx.callbackQuery !== undefined ||
  (ctx.message !== undefined && 'text' in ctx.message && ctx.message.text.startsWith('/'));

/**
 * In a team chat, commands and button presses from anyone who is not a member of its workspace
 * stop here: the first in that chat gets {@link TEAM_CHAT_REFUSAL}, later ones nothing.
 */
export function teamChatGuard(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!isGroup(ctx) || ctx.from === undefined || ctx.chat === undefined || !addressesBot(ctx)) return next();
    const { team } = ctx.services;
    const workspaceId = await team.chatWorkspace(ctx.chat.id);
    if (workspaceId === null) return next();
    if ((await team.membership(ctx.from.id))?.workspaceId === workspaceId) return next();
    if (!(await team.noteChatRefusal(ctx.chat.id, ctx.from.id))) return;
    ctx.services.logger.info(
      { chatId: ctx.chat.id, userId: ctx.from.id },
      'Refused someone outside the team in its chat.',
    );
    if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(TEAM_CHAT_REFUSAL).catch(() => undefined);
    else await ctx.reply(TEAM_CHAT_REFUSAL).catch(() => undefined);
  };
}

/**
 * /bind in a group: an admin of a workspace who is an administrator of the group (asked of
 * Telegram with getChatMember) makes it the team's chat, where members use report commands.
 * /unbind undoes it. Nothing secret is ever asked for or shown there.
 */
export function teamChatsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('bind', async (ctx) => {
    if (!isGroup(ctx)) return void (await ctx.reply(GROUP_ONLY));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const member = await ctx.telegram.getChatMember(ctx.chat.id, ctx.from.id);
    if (member.status !== 'creator' && member.status !== 'administrator') {
      return void (await ctx.reply('Only an administrator of this group can make it the team’s chat.'));
    }
    const { team, clock, logger } = ctx.services;
    const { workspaceId } = ready.membership;
    const bound = await team.chatWorkspace(ctx.chat.id);
    if (bound !== null && bound !== workspaceId) {
      return void (await ctx.reply('This group is another team’s chat: an admin of that team must /unbind it first.'));
    }
    await team.bindChat(ctx.chat.id, workspaceId, ctx.from.id, clock());
    await team.audit({ workspaceId, actorId: ctx.from.id, action: 'chat.bound', subjectId: ctx.chat.id });
    logger.info({ chatId: ctx.chat.id, workspaceId, userId: ctx.from.id }, 'Bound a team chat.');
    await ctx.reply(
      'This group is now your team’s chat: members of your workspace can use the report commands here (/locations, /status…). I never ask for or show credentials here, and I delete any header or invite link posted here. /unbind undoes this.',
    );
  });

  feature.command('unbind', async (ctx) => {
    if (!isGroup(ctx)) return void (await ctx.reply(GROUP_ONLY));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const { team } = ctx.services;
    const { workspaceId } = ready.membership;
    if (!(await team.unbindChat(ctx.chat.id, workspaceId))) {
      return void (await ctx.reply('This group is not your team’s chat.'));
    }
    await team.audit({ workspaceId, actorId: ctx.from.id, action: 'chat.unbound', subjectId: ctx.chat.id });
    await ctx.reply('This group is no longer your team’s chat.');
  });

  return feature;
}
