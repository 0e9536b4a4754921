import { Composer, Markup } from 'telegraf';
import { acknowledgeData, alertStatusData, muteData, muteMenuData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { muteKeyboard, watchSettingsKeyboard } from '../keyboards/watch-keyboards';
import { reportKeyboard } from '../keyboards/report-keyboard';
import { takeTurn } from '../plume/take-turn';
import { answerPress, editText, replyRich } from '../replies';
import { VIEWS } from '../reports/views';
import { echo } from '../security/bidi';
import { alertWatchers } from './alert-watchers';
import { recordAudit } from './audit-trail';
import { requireCredentials, requireMember } from './guards';
import { PURPOSE } from './reports';
import { remember } from './remember';
import { GONE, settingsText } from './watches';

const HOUR_MS = 3_600_000;

/**
 * The buttons under an alert: 📊 Status of that location, 🔕 Mute… (1 h, 8 h, 24 h; also in a
 * watch's settings) and ✅ Acknowledge. Mutes and acknowledgements need the support role. A press on a watch or incident that is gone is answered politely.
 */
export function alertButtonsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.action(alertStatusData.filter(), async (ctx) => {
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const data = alertStatusData.unpack(callbackDataOf(ctx));
    const location = data === undefined ? undefined : await ctx.services.monitoring.watches.location(data.mid);
    if (location === undefined)
      return void (await ctx.answerCbQuery('Nobody watches this location any more. Find it with /locations.', {
        show_alert: true,
      }));
    const target = { customerId: location.customerId, locationId: location.locationId, name: location.locationName };
    const parts = await takeTurn(ctx, ready.credentials, (client, signal) => VIEWS.status(client, target, signal));
    await recordAudit(ctx, ready.membership.workspaceId, 'report.viewed', {
      customerId: target.customerId,
      locationId: target.locationId,
      purpose: PURPOSE.status,
    });
    const [ref = 0] = await remember(ctx, [{ kind: 'location', ...target }], ready.state);
    await answerPress(ctx);
    await replyRich(ctx, parts, reportKeyboard('status', ref));
  });

  feature.action(muteMenuData.filter(), async (ctx) => {
    const ready = await requireMember(ctx, 'support');
    if (ready === undefined) return;
    const data = muteMenuData.unpack(callbackDataOf(ctx));
    const owners = data === undefined ? [] : await alertWatchers(ctx, ready.membership.workspaceId, data.mid);
    if (data === undefined || owners.length === 0) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    const current = ctx.callbackQuery.message;
    const rows =
      current !== undefined && 'reply_markup' in current ? (current.reply_markup?.inline_keyboard ?? []) : [];
    const kept = rows.map((row) => row.filter((b) => !('callback_data' in b && muteMenuData.unpack(b.callback_data))));
    await ctx
      .editMessageReplyMarkup(
        Markup.inlineKeyboard([...kept.filter((r) => r.length > 0), muteKeyboard(data.mid)]).reply_markup,
      )
      .catch(() => undefined);
    await answerPress(ctx, 'Mute for how long?');
  });

  feature.action(muteData.filter(), async (ctx) => {
    const ready = await requireMember(ctx, 'support');
    if (ready === undefined) return;
    const data = muteData.unpack(callbackDataOf(ctx));
    const { monitoring } = ctx.services;
    const until = monitoring.clock() + Number(data?.hours ?? 0) * HOUR_MS;
    const owners = data === undefined ? [] : await alertWatchers(ctx, ready.membership.workspaceId, data.mid);
    const muted: number[] = [];
    for (const owner of owners)
      if (data !== undefined && (await monitoring.watches.mute(owner, data.mid, until))) muted.push(owner);
    if (data === undefined || muted.length === 0) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    const watch = await monitoring.watches.get(muted[0] ?? ctx.from.id, data.mid);
    // A teammate's mute of the watches whose alerts come to this group is theirs to account for.
    for (const owner of muted.filter((id) => id !== ctx.from.id))
      await recordAudit(ctx, ready.membership.workspaceId, 'watch.muted', {
        ...(watch === undefined ? {} : { customerId: watch.customerId, locationId: watch.locationId }),
        subjectId: owner,
        detail: `${data.hours} h`,
      });
    const current = ctx.callbackQuery.message;
    const fromSettings = current !== undefined && 'text' in current && current.text.startsWith('⚙️');
    if (watch !== undefined && fromSettings) {
      await editText(ctx, settingsText(watch, monitoring.clock()), { reply_markup: watchSettingsKeyboard(watch) });
    }
    const name = echo(watch?.locationName ?? '') || 'this location';
    const whose = muted.includes(ctx.from.id)
      ? ''
      : ` for ${muted.length === 1 ? '1 person' : `${muted.length} people`} whose alerts come here`;
    await answerPress(ctx, `🔕 ${name} muted for ${data.hours} h${whose}`);
  });

  feature.action(acknowledgeData.filter(), async (ctx) => {
    if ((await requireMember(ctx, 'support')) === undefined) return;
    const data = acknowledgeData.unpack(callbackDataOf(ctx));
    const { watches, clock } = ctx.services.monitoring;
    const incident = data === undefined ? undefined : await watches.incident(data.inc);
    if (data === undefined || incident === undefined)
      return void (await ctx.answerCbQuery('I no longer know this alert.'));
    if (!incident.open) return void (await ctx.answerCbQuery('This alert is already over: the location recovered.'));
    if (!(await watches.acknowledge(data.inc, ctx.from.id, clock())))
      return void (await ctx.answerCbQuery('Already acknowledged: no reminders for it.'));
    ctx.services.logger.info({ incidentId: data.inc, userId: ctx.from.id }, 'Incident acknowledged');
    await answerPress(ctx, '✅ Acknowledged: no reminders for this alert.');
  });

  return feature;
}
