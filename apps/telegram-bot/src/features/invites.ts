import { Composer, Markup } from 'telegraf';
import { inviteRoleData, revokeInviteData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { answerPress } from '../replies';
import type { OpenInvite } from '../storage/team-store';
import { inviteLink, newInviteToken } from '../team/invite-token';
import { ROLE_DESCRIPTIONS, ROLES } from '../team/roles';
import { utcMinute } from '../team/when';
import { recordAudit } from './audit-trail';
import { requireMember } from './guards';

/** Said when an admin command is sent in a group: invites and members are handled in private only. */
export const PRIVATE_ONLY = 'For your team’s safety, I handle this only in a private chat with me.';
const STALE = 'This button is out of date. Send /invite or /invites again.';

const roleKeyboard = Markup.inlineKeyboard(
  ROLES.map((role) => [Markup.button.callback(`Invite a ${role}`, inviteRoleData.pack({ role }))]),
);

/** The text and Revoke buttons of the open invites. */
function invitesView(invites: readonly OpenInvite[]) {
  if (invites.length === 0) return { text: 'No open invites. /invite makes one.', keyboard: undefined };
  const lines = invites.map((i) => `#${i.inviteId} · ${i.role} · until ${utcMinute(i.expiresAt)}`);
  return {
    text: `Open invites (single use; the links were shown once, when made):\n${lines.join('\n')}`,
    keyboard: Markup.inlineKeyboard(
      invites.map((i) => [
        Markup.button.callback(`Revoke #${i.inviteId}`, revokeInviteData.pack({ invite: i.inviteId })),
      ]),
    ),
  };
}

/**
 * /invite (admin): asks for the role, then gives a single-use deep link that joins the workspace
 * with it (`https://t.me/<bot>?start=<token>`, 128 random bits, stored only as a hash, valid for the
 * configured time, 72 h by default). /invites (admin): the open invites, each with a Revoke button.
 * Both only in a private chat.
 */
export function invitesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('invite', async (ctx) => {
    if (ctx.chat.type !== 'private') return void (await ctx.reply(PRIVATE_ONLY));
    if ((await requireMember(ctx, 'admin')) === undefined) return;
    const roles = ROLES.map((role) => `${role}: ${ROLE_DESCRIPTIONS[role]}`).join('\n');
    await ctx.reply(`Which role should the new member have?\n\n${roles}`, roleKeyboard);
  });

  feature.action(inviteRoleData.filter(), async (ctx) => {
    const data = inviteRoleData.unpack(callbackDataOf(ctx));
    if (data === undefined || ctx.chat?.type !== 'private') return void (await ctx.answerCbQuery(STALE));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const { team, clock, teamSettings } = ctx.services;
    const { token, hash } = newInviteToken();
    const expiresAt = clock() + teamSettings.inviteTtlMs;
    const inviteId = await team.createInvite(ready.membership.workspaceId, data.role, ctx.from.id, hash, expiresAt);
    ctx.services.logger.info({ userId: ctx.from.id, inviteId, role: data.role }, 'Made an invite.');
    await recordAudit(ctx, ready.membership.workspaceId, 'member.invited', {
      detail: `${data.role}, invite #${inviteId}`,
    });
    await answerPress(ctx);
    await ctx.editMessageText(
      `Invite #${inviteId} for a ${data.role}:\n${inviteLink(ctx.botInfo.username, token)}\n\nSingle use, valid until ${utcMinute(expiresAt)}. Send it to that one person privately, never in a group. /invites lists the open invites and revokes them.`,
      { link_preview_options: { is_disabled: true } },
    );
  });

  feature.command('invites', async (ctx) => {
    if (ctx.chat.type !== 'private') return void (await ctx.reply(PRIVATE_ONLY));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const view = invitesView(await ctx.services.team.openInvites(ready.membership.workspaceId, ctx.services.clock()));
    await ctx.reply(view.text, view.keyboard);
  });

  feature.action(revokeInviteData.filter(), async (ctx) => {
    const data = revokeInviteData.unpack(callbackDataOf(ctx));
    if (data === undefined) return void (await ctx.answerCbQuery(STALE));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const { team, clock, logger } = ctx.services;
    const { workspaceId } = ready.membership;
    const revoked = await team.revokeInvite(workspaceId, data.invite, clock());
    if (revoked) {
      logger.info({ userId: ctx.from.id, inviteId: data.invite }, 'Revoked an invite.');
      await recordAudit(ctx, workspaceId, 'invite.revoked', { detail: `invite #${data.invite}` });
    }
    await answerPress(
      ctx,
      revoked ? `Invite #${data.invite} revoked.` : 'That invite was already used, revoked or expired.',
    );
    const view = invitesView(await team.openInvites(workspaceId, clock()));
    await ctx.editMessageText(view.text, view.keyboard).catch(() => undefined);
  });

  return feature;
}
