import { renderTeamWatches, renderWatchList } from '@org/bot-formatting/plume';
import { Composer } from 'telegraf';
import {
  memberWatchesData,
  teamMuteData,
  teamUnwatchData,
  teamWatchConditionData,
  teamWatchesData,
  teamWatchSettingsData,
} from '../callback-data/team-watch-actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import {
  backToMemberKeyboard,
  memberWatchesKeyboard,
  teamWatchesKeyboard,
  teamWatchSettingsKeyboard,
} from '../keyboards/team-watch-keyboards';
import { answerPress, editRich, editText, replyRich } from '../replies';
import { echo } from '../security/bidi';
import type { Member } from '../storage/team-store';
import type { Watch } from '../storage/watch-store';
import { displayName, memberLabel } from '../team/display-name';
import { recordAudit } from './audit-trail';
import { requireMember, type Ready } from './guards';
import { settingsText } from './watches';

const HOUR_MS = 3_600_000;
const NOT_IN_TEAM = 'This person is no longer in your team. Send /teamwatch for the current list.';
const GONE = 'They no longer watch this location. Send /teamwatch for the current list.';

const listItem = (w: Watch) => ({
  locationName: echo(w.locationName),
  customerName: echo(w.customerName),
  conditionsOff: w.conditionsOff,
  openConditions: w.openConditions,
  mutedUntil: w.mutedUntil ?? null,
});

/** The team's overview: every member of the presser's workspace with their watches. */
async function overview(ctx: BotContext, ready: Ready) {
  const { team, monitoring } = ctx.services;
  const members = await team.members(ready.membership.workspaceId);
  const rows = members.map((m) => ({ userId: m.userId, name: memberLabel(m), role: m.role }));
  const withWatches = [];
  for (const m of rows) withWatches.push({ ...m, watches: (await monitoring.watches.list(m.userId)).map(listItem) });
  const parts = renderTeamWatches(withWatches, { now: monitoring.clock() });
  return { parts, keyboard: teamWatchesKeyboard(rows) };
}

/**
 * The presser (support or admin, checked afresh) and the member `userId` of their workspace, or
 * undefined after answering the press: a downgraded presser loses this at once, on old buttons
 * too, and a member who left is no longer shown.
 */
async function teamMember(ctx: BotContext, userId: number): Promise<{ ready: Ready; member: Member } | undefined> {
  const ready = await requireMember(ctx, 'support');
  if (ready === undefined) return undefined;
  const members = await ctx.services.team.members(ready.membership.workspaceId);
  const member = members.find((m) => m.userId === userId);
  if (member !== undefined) return { ready, member };
  await ctx.answerCbQuery(NOT_IN_TEAM, { show_alert: true });
  return undefined;
}

/** The member's watches, headed with their name. */
async function memberList(ctx: BotContext, member: Member) {
  const { watches, clock, maxWatchesPerPerson } = ctx.services.monitoring;
  const list = await watches.list(member.userId);
  const parts = renderWatchList(list.map(listItem), {
    now: clock(),
    cap: maxWatchesPerPerson,
    owner: memberLabel(member),
  });
  return { parts, keyboard: memberWatchesKeyboard(member.userId, list) };
}

/** Shows one of a member's watches in the pressed message. */
async function showSettings(ctx: BotContext, member: Member, watch: Watch): Promise<void> {
  const text = `👤 ${memberLabel(member)} (${member.role})\n${settingsText(watch, ctx.services.monitoring.clock())}`;
  await editText(ctx, text, { reply_markup: teamWatchSettingsKeyboard(member.userId, watch) });
}

/**
 * /teamwatch (support and admins): the team's watches, who watches what, by member; then one
 * member's watches, and for each its conditions, a mute and unwatch. Every press checks again that
 * the presser is support or admin and that the member is still in their team. Muting or stopping
 * someone else's watch is written to the audit log, and stopping it tells them.
 */
export function teamWatchesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('teamwatch', async (ctx) => {
    const ready = await requireMember(ctx, 'support');
    if (ready === undefined) return;
    const { parts, keyboard } = await overview(ctx, ready);
    await replyRich(ctx, parts, keyboard);
  });

  feature.action(teamWatchesData.filter(), async (ctx) => {
    const ready = await requireMember(ctx, 'support');
    if (ready === undefined) return;
    const { parts, keyboard } = await overview(ctx, ready);
    await editRich(ctx, parts, keyboard);
    await answerPress(ctx);
  });

  feature.action(memberWatchesData.filter(), async (ctx) => {
    const data = memberWatchesData.unpack(callbackDataOf(ctx));
    const found = data === undefined ? undefined : await teamMember(ctx, data.u);
    if (found === undefined) return;
    const { parts, keyboard } = await memberList(ctx, found.member);
    await editRich(ctx, parts, keyboard);
    await answerPress(ctx);
  });

  feature.action(teamWatchSettingsData.filter(), async (ctx) => {
    const data = teamWatchSettingsData.unpack(callbackDataOf(ctx));
    const found = data === undefined ? undefined : await teamMember(ctx, data.u);
    if (data === undefined || found === undefined) return;
    const watch = await ctx.services.monitoring.watches.get(data.u, data.mid);
    if (watch === undefined) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    await showSettings(ctx, found.member, watch);
    await answerPress(ctx);
  });

  feature.action(teamWatchConditionData.filter(), async (ctx) => {
    const data = teamWatchConditionData.unpack(callbackDataOf(ctx));
    const found = data === undefined ? undefined : await teamMember(ctx, data.u);
    if (data === undefined || found === undefined) return;
    const { watches } = ctx.services.monitoring;
    const watch = (await watches.setCondition(data.u, data.mid, data.cond, data.on === '1'))
      ? await watches.get(data.u, data.mid)
      : undefined;
    if (watch === undefined) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    await showSettings(ctx, found.member, watch);
    await answerPress(ctx, data.on === '1' ? 'Switched on' : 'Switched off');
  });

  feature.action(teamMuteData.filter(), async (ctx) => {
    const data = teamMuteData.unpack(callbackDataOf(ctx));
    const found = data === undefined ? undefined : await teamMember(ctx, data.u);
    if (data === undefined || found === undefined) return;
    const { watches, clock } = ctx.services.monitoring;
    const watch = (await watches.mute(data.u, data.mid, clock() + Number(data.hours) * HOUR_MS))
      ? await watches.get(data.u, data.mid)
      : undefined;
    if (watch === undefined) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    if (data.u !== ctx.from.id)
      await recordAudit(ctx, found.ready.membership.workspaceId, 'watch.muted', {
        customerId: watch.customerId,
        locationId: watch.locationId,
        subjectId: data.u,
        detail: `${data.hours} h`,
      });
    await showSettings(ctx, found.member, watch);
    await answerPress(ctx, `🔕 Muted for ${data.hours} h`);
  });

  feature.action(teamUnwatchData.filter(), async (ctx) => {
    const data = teamUnwatchData.unpack(callbackDataOf(ctx));
    const found = data === undefined ? undefined : await teamMember(ctx, data.u);
    if (data === undefined || found === undefined) return;
    const { watches } = ctx.services.monitoring;
    const watch = await watches.get(data.u, data.mid);
    if (watch === undefined || !(await watches.unwatch(data.u, data.mid)))
      return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    const where = `${echo(watch.locationName) || 'a location'} · ${echo(watch.customerName)}`;
    if (data.u !== ctx.from.id) {
      await recordAudit(ctx, found.ready.membership.workspaceId, 'watch.removed', {
        customerId: watch.customerId,
        locationId: watch.locationId,
        subjectId: data.u,
      });
      const by = echo(displayName(ctx.from));
      await ctx.telegram
        .sendMessage(data.u, `🗑 ${by} (${found.ready.membership.role}) stopped your watch of ${where}.`)
        .catch((err: unknown) => ctx.services.logger.debug({ err }, 'Could not tell a member of an unwatch'));
    }
    await editText(ctx, `🗑 ${memberLabel(found.member)} no longer watches ${where}.`, {
      reply_markup: backToMemberKeyboard(data.u),
    });
    await answerPress(ctx, 'Unwatched');
  });

  return feature;
}
