import { conditionLabel, renderWatchList } from '@org/bot-formatting/plume';
import { Composer } from 'telegraf';
import { unwatchData, watchConditionData, watchListData, watchSettingsData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { requireMember } from './guards';
import { watchListKeyboard, watchSettingsKeyboard } from '../keyboards/watch-keyboards';
import { answerPress, editRich, editText, replyRich } from '../replies';
import { echo } from '../security/bidi';
import type { Watch } from '../storage/watch-store';

/** The answer to a button of a watch that is gone (unwatched meanwhile, maybe from another message). */
export const GONE = 'You no longer watch this location. Send /watches for the current list.';

/** The /watches message: the list and a button per watch. */
async function listMessage(ctx: BotContext, userId: number) {
  const { watches, maxWatchesPerPerson, clock } = ctx.services.monitoring;
  const list = await watches.list(userId);
  const parts = renderWatchList(
    list.map((w) => ({
      locationName: echo(w.locationName),
      customerName: echo(w.customerName),
      conditionsOff: w.conditionsOff,
      openConditions: w.openConditions,
      mutedUntil: w.mutedUntil ?? null,
    })),
    { now: clock(), cap: maxWatchesPerPerson },
  );
  return { parts, keyboard: list.length === 0 ? undefined : watchListKeyboard(list) };
}

/** One watch's settings, as text. */
export function settingsText(watch: Watch, now: number): string {
  const muted =
    watch.mutedUntil !== undefined && watch.mutedUntil > now
      ? `\n🔕 Muted until ${new Date(watch.mutedUntil).toISOString().slice(0, 16).replace('T', ' ')} UTC.`
      : '';
  const off = watch.conditionsOff.map((c) => conditionLabel(c).short);
  const plan = watch.planSpeed
    ? `📶 Plan speed ${watch.planSpeed.downloadMbps}/${watch.planSpeed.uploadMbps} Mbps: WAN alerts fire when the line runs above 90 % of it.`
    : '📶 No plan speed set: WAN alerts compare the line with its latest speed test.';
  return [
    `⚙️ ${echo(watch.locationName) || 'Unnamed location'} · ${echo(watch.customerName)}`,
    `Alerts for: ✅ on, ⬜ off (press to switch).${off.length > 0 ? ` Off now: ${off.join(', ')}.` : ''}${muted}`,
    plan,
  ].join('\n');
}

/** /watches and the buttons under it: a watch's settings, its conditions, unwatch, back to the list. */
export function watchesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('watches', async (ctx) => {
    if ((await requireMember(ctx, 'viewer')) === undefined) return;
    const { parts, keyboard } = await listMessage(ctx, ctx.from.id);
    await replyRich(ctx, parts, keyboard);
  });

  feature.action(watchListData.filter(), async (ctx) => {
    if ((await requireMember(ctx, 'viewer')) === undefined) return;
    const { parts, keyboard } = await listMessage(ctx, ctx.from.id);
    await editRich(ctx, parts, keyboard);
    await answerPress(ctx);
  });

  feature.action(watchSettingsData.filter(), async (ctx) => {
    if ((await requireMember(ctx, 'viewer')) === undefined) return;
    const data = watchSettingsData.unpack(callbackDataOf(ctx));
    const { monitoring } = ctx.services;
    const watch = data === undefined ? undefined : await monitoring.watches.get(ctx.from.id, data.mid);
    if (watch === undefined) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    await editText(ctx, settingsText(watch, monitoring.clock()), { reply_markup: watchSettingsKeyboard(watch) });
    await answerPress(ctx);
  });

  feature.action(watchConditionData.filter(), async (ctx) => {
    if ((await requireMember(ctx, 'viewer')) === undefined) return;
    const data = watchConditionData.unpack(callbackDataOf(ctx));
    const { monitoring } = ctx.services;
    const changed =
      data !== undefined && (await monitoring.watches.setCondition(ctx.from.id, data.mid, data.cond, data.on === '1'));
    const watch = data === undefined || !changed ? undefined : await monitoring.watches.get(ctx.from.id, data.mid);
    if (data === undefined || watch === undefined) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    await editText(ctx, settingsText(watch, monitoring.clock()), { reply_markup: watchSettingsKeyboard(watch) });
    const label = conditionLabel(data.cond).short;
    await answerPress(ctx, `${label} alerts ${data.on === '1' ? 'on' : 'off'}`);
  });

  feature.action(unwatchData.filter(), async (ctx) => {
    if ((await requireMember(ctx, 'viewer')) === undefined) return;
    const data = unwatchData.unpack(callbackDataOf(ctx));
    const { watches } = ctx.services.monitoring;
    const watch = data === undefined ? undefined : await watches.get(ctx.from.id, data.mid);
    if (data === undefined || watch === undefined || !(await watches.unwatch(ctx.from.id, data.mid)))
      return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    await editText(
      ctx,
      `🗑 Stopped watching ${echo(watch.locationName) || 'the location'} · ${echo(watch.customerName)}.`,
      {
        reply_markup: { inline_keyboard: [[{ text: '‹ All watches', callback_data: watchListData.pack({}) }]] },
      },
    );
    await answerPress(ctx, 'Unwatched');
  });

  return feature;
}
