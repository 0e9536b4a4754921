import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';
import { findInviteTokens, hashInviteToken } from '../team/invite-token';
import { postedMessage } from './header-guard';

/** What a group is told after an invite link posted there was deleted and revoked. */
export const INVITE_DELETED =
  'I deleted an invite link posted here and revoked it: an invite is for one person, sent privately. An admin can make a new one with /invite in a private chat with me.';

/**
 * In groups, deletes any message holding an invite to this bot (a `t.me/<bot>?start=` link or a
 * `/start <token>`), new or edited, text or caption, from anyone, revokes the invite, and says
 * why. Runs beside the header guard, before the allow-list: a stranger's paste is deleted too.
 */
export function inviteGuard(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = postedMessage(ctx);
    if (message === undefined || ctx.chat === undefined || ctx.chat.type === 'private') return next();
    const text = 'text' in message ? message.text : 'caption' in message ? message.caption : undefined;
    const tokens = findInviteTokens(text ?? '', ctx.botInfo.username);
    if (tokens.length === 0) return next();
    const { team, clock, logger } = ctx.services;
    for (const token of tokens) {
      const revoked = await team.revokeByToken(hashInviteToken(token), clock());
      if (revoked !== null) {
        logger.warn({ chatId: ctx.chat.id, inviteId: revoked.inviteId }, 'Revoked an invite posted in a group.');
        await team.audit({
          workspaceId: revoked.workspaceId,
          actorId: ctx.from?.id ?? 0,
          action: 'invite.revoked',
          subjectId: ctx.chat.id,
          detail: `#${revoked.inviteId} posted in a group`,
        });
      }
    }
    await ctx
      .deleteMessage()
      .catch((err: unknown) => logger.warn({ err }, 'Could not delete a message holding an invite'));
    await ctx.reply(INVITE_DELETED);
  };
}
