import { Composer, Markup } from 'telegraf';
import { memberActionData, type MemberAction } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { answerPress } from '../replies';
import type { Member } from '../storage/team-store';
import { memberLabel } from '../team/display-name';
import { ROLES } from '../team/roles';
import { ago } from '../team/when';
import { recordAudit } from './audit-trail';
import { requireMember } from './guards';
import { PRIVATE_ONLY } from './invites';

const LAST_ADMIN = 'The last admin of a workspace can neither leave nor be demoted: first make someone else an admin.';
const STALE = 'This button is out of date. Send /team again.';

/** A member's name on a button: short, and with the id when two members would look alike. */
function buttonNames(members: readonly Member[]): Map<number, string> {
  const short = (m: Member) => [...memberLabel(m)].slice(0, 24).join('');
  const counts = new Map<string, number>();
  for (const m of members) counts.set(short(m), (counts.get(short(m)) ?? 0) + 1);
  return new Map(
    members.map((m) => [m.userId, (counts.get(short(m)) ?? 0) > 1 ? `${short(m)} · ${m.userId}` : short(m)]),
  );
}

/** The member list (names as Telegram gave them, and ids) and, per member, buttons to give another role or remove them. */
function teamView(members: readonly Member[], me: number, now: number) {
  const lines = members.map(
    (m) =>
      `• ${memberLabel(m)} · id ${m.userId}${m.userId === me ? ' (you)' : ''} · ${m.role} · last active ${ago(m.lastActiveAt, now)}`,
  );
  const names = buttonNames(members);
  const rows = members.map((m) => {
    const name = names.get(m.userId) ?? String(m.userId);
    return [
      ...ROLES.filter((role) => role !== m.role).map((role) =>
        Markup.button.callback(`${name} → ${role}`, memberActionData.pack({ user: m.userId, act: role })),
      ),
      Markup.button.callback(`${name} ✖ remove`, memberActionData.pack({ user: m.userId, act: 'remove' })),
    ];
  });
  return {
    text: `Your workspace has ${members.length === 1 ? '1 member' : `${members.length} members`}:\n${lines.join('\n')}\n\n/invite adds someone.`,
    keyboard: Markup.inlineKeyboard(rows),
  };
}

/** What the person concerned is told, when a change reaches them. */
const NOTICE: Record<MemberAction, string> = {
  remove: 'An admin removed you from your workspace: you no longer have access to its Plume account.',
  viewer: 'An admin made you a viewer in your workspace: reports and your own watches.',
  support: "An admin gave you the support role in your workspace: reports, the team's watches and alert routing.",
  admin: 'An admin made you an admin of your workspace: credentials, invites, roles and the audit log too.',
};

/**
 * /team (admin, private chat): members with role and last activity, with buttons to change a role
 * or remove a member (checked again on each press: an admin demoted meanwhile is refused). /leave:
 * leave the workspace. The last admin can neither leave nor be demoted.
 */
export function teamFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('team', async (ctx) => {
    if (ctx.chat.type !== 'private') return void (await ctx.reply(PRIVATE_ONLY));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const { team, clock } = ctx.services;
    const view = teamView(await team.members(ready.membership.workspaceId), ctx.from.id, clock());
    await ctx.reply(view.text, view.keyboard);
  });

  feature.action(memberActionData.filter(), async (ctx) => {
    const data = memberActionData.unpack(callbackDataOf(ctx));
    if (data === undefined) return void (await ctx.answerCbQuery(STALE));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const { team, clock, logger } = ctx.services;
    const { workspaceId } = ready.membership;
    const concerned = (await team.members(workspaceId)).find((m) => m.userId === data.user);
    const who = concerned === undefined ? `user ${data.user}` : memberLabel(concerned);
    const change =
      data.act === 'remove'
        ? await team.removeMember(workspaceId, data.user)
        : await team.setRole(workspaceId, data.user, data.act);
    if (change === 'last-admin') return void (await ctx.answerCbQuery(LAST_ADMIN, { show_alert: true }));
    if (change === 'not-member') await answerPress(ctx, `${who} is no longer a member.`);
    else {
      logger.info({ userId: ctx.from.id, member: data.user, act: data.act }, 'Changed a membership.');
      await recordAudit(ctx, workspaceId, data.act === 'remove' ? 'member.removed' : 'member.role', {
        subjectId: data.user,
        ...(data.act === 'remove' ? {} : { detail: data.act }),
      });
      await answerPress(ctx, data.act === 'remove' ? `${who} removed.` : `${who} is now ${data.act}.`);
      if (data.user !== ctx.from.id)
        await ctx.telegram
          .sendMessage(data.user, NOTICE[data.act])
          .catch((err: unknown) => logger.debug({ err }, 'Could not tell a member of their new role'));
    }
    const view = teamView(await team.members(workspaceId), ctx.from.id, clock());
    await ctx.editMessageText(view.text, view.keyboard).catch(() => undefined);
  });

  feature.command('leave', async (ctx) => {
    const { team } = ctx.services;
    const membership = await team.membership(ctx.from.id);
    if (membership === null) return void (await ctx.reply('You are not in a workspace. /setup connects your own.'));
    const members = await team.members(membership.workspaceId);
    if (members.length === 1)
      return void (await ctx.reply(
        'You are the only member of your workspace. /logout erases it, with its Plume credentials.',
      ));
    const change = await team.removeMember(membership.workspaceId, ctx.from.id);
    if (change === 'last-admin') return void (await ctx.reply(LAST_ADMIN));
    ctx.services.logger.info({ userId: ctx.from.id, workspaceId: membership.workspaceId }, 'Left a workspace.');
    await recordAudit(ctx, membership.workspaceId, 'member.left');
    await ctx.reply('You left the workspace. /setup connects your own Plume account; an invite link joins another.');
  });

  return feature;
}
