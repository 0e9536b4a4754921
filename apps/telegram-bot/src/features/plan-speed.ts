import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { watchPlanData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { planSpeedAnswerSchema } from '../input/plan-speed-answer';
import { reasonOf } from '../input/setup-answers';
import { watchSettingsKeyboard } from '../keyboards/watch-keyboards';
import { answerPress } from '../replies';
import { echo } from '../security/bidi';
import type { UserState } from '../storage/user-state';
import { requireMember } from './guards';
import { GONE, settingsText } from './watches';

const endDialog = ({ dialog: _dialog, ...rest }: UserState): UserState => rest;

/**
 * A watch's "📶 Plan speed" button and the typed answer it asks for: download/upload in Mbps, or
 * `auto` for the latest speed test. The plan belongs to the location, so it needs the support role
 * (it changes what everyone watching it is told). An answer that does not parse is asked again with the reason.
 */
export function planSpeedFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.action(watchPlanData.filter(), async (ctx) => {
    if ((await requireMember(ctx, 'support')) === undefined) return;
    const data = watchPlanData.unpack(callbackDataOf(ctx));
    const { monitoring, store } = ctx.services;
    const watch = data === undefined ? undefined : await monitoring.watches.get(ctx.from.id, data.mid);
    const chatId = ctx.chat?.id;
    if (watch === undefined || chatId === undefined) return void (await ctx.answerCbQuery(GONE, { show_alert: true }));
    await store.update(ctx.from.id, (s) => ({
      ...s,
      dialog: { kind: 'planSpeed', monitoredId: watch.monitoredId, chatId },
    }));
    await answerPress(ctx);
    const now = watch.planSpeed
      ? `It is ${watch.planSpeed.downloadMbps}/${watch.planSpeed.uploadMbps} Mbps now.`
      : 'None is set: WAN alerts compare with the latest speed test.';
    await ctx.reply(
      [
        `📶 What is the plan speed of ${echo(watch.locationName) || 'this location'} · ${echo(watch.customerName)}? ${now}`,
        'Send download/upload in Mbps, e.g. 500/50, or auto to use the latest speed test. It holds for everyone watching this location.',
        '',
        '/cancel leaves it as it is.',
      ].join('\n'),
    );
  });

  feature.on(message('text'), async (ctx, next) => {
    const { store, monitoring } = ctx.services;
    const { dialog } = await store.get(ctx.from.id);
    if (dialog?.kind !== 'planSpeed' || dialog.chatId !== ctx.chat.id || ctx.message.text.startsWith('/'))
      return next();
    const answer = planSpeedAnswerSchema.safeParse(ctx.message.text);
    if (!answer.success)
      return void (await ctx.reply(`${reasonOf(answer.error)}\n\nPlease send it again, or /cancel.`));
    // The role is checked again: it may have changed since the button was pressed.
    const member = await requireMember(ctx, 'support');
    await store.update(ctx.from.id, endDialog);
    if (member === undefined) return;
    const saved = await monitoring.watches.setPlanSpeed(ctx.from.id, dialog.monitoredId, answer.data);
    const watch = saved ? await monitoring.watches.get(ctx.from.id, dialog.monitoredId) : undefined;
    if (watch === undefined) return void (await ctx.reply(GONE));
    const done = answer.data === null ? '✅ Plan speed cleared.' : '✅ Plan speed saved.';
    await ctx.reply(`${done}\n\n${settingsText(watch, monitoring.clock())}`, {
      reply_markup: watchSettingsKeyboard(watch),
    });
  });

  return feature;
}
