import { Composer, Markup } from 'telegraf';
import { message } from 'telegraf/filters';
import type { z } from 'zod';
import { settingsData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { digestHourAnswerSchema, quietHoursAnswerSchema, timeZoneAnswerSchema } from '../input/settings-answers';
import { reasonOf } from '../input/setup-answers';
import { answerPress } from '../replies';
import type { AlertSettings } from '../settings/settings';
import { settingsSummary } from '../settings/summary';
import type { SettingsStep, UserState } from '../storage/user-state';

/** A typed answer read: the change it makes, or the reason it cannot be used. */
type Reading = { ok: true; change: (settings: AlertSettings) => AlertSettings } | { ok: false; reason: string };

/** Per typed setting: the question, and how the answer is read. */
interface StepSpec {
  ask: string;
  read: (text: string) => Reading;
}

const reading =
  <T>(schema: z.ZodType<T, string>, set: (settings: AlertSettings, value: T) => AlertSettings) =>
  (text: string): Reading => {
    const result = schema.safeParse(text);
    if (!result.success) return { ok: false, reason: reasonOf(result.error) };
    return { ok: true, change: (settings) => set(settings, result.data) };
  };

const STEPS: Record<SettingsStep, StepSpec> = {
  timeZone: {
    ask: 'Send your time zone, an IANA name such as Europe/Berlin, America/New_York or UTC.',
    read: reading(timeZoneAnswerSchema, (s, timeZone) => ({ ...s, timeZone })),
  },
  quietHours: {
    ask: 'Send your quiet hours as 22:00-07:00 (alerts then arrive silently, never dropped), or off.',
    read: reading(quietHoursAnswerSchema, (s, quietHours) => ({ ...s, quietHours })),
  },
  digestHour: {
    ask: 'At what hour should your daily digest arrive? Send e.g. 08:00, or off.',
    read: reading(digestHourAnswerSchema, (s, digestHour) => ({ ...s, digestHour })),
  },
};

const FIELD_STEPS = { tz: 'timeZone', quiet: 'quietHours', digest: 'digestHour' } as const;

function keyboard(settings: AlertSettings) {
  const button = (label: string, field: 'tz' | 'quiet' | 'digest' | 'rem') =>
    Markup.button.callback(label, settingsData.pack({ field }));
  return Markup.inlineKeyboard([
    [button('🌍 Time zone', 'tz'), button('🌙 Quiet hours', 'quiet')],
    [
      button('🗞 Digest', 'digest'),
      button(settings.reminders ? '🔁 Reminders: turn off' : '🔁 Reminders: turn on', 'rem'),
    ],
  ]);
}

const endDialog = ({ dialog: _dialog, ...rest }: UserState): UserState => rest;

async function showSettings(ctx: BotContext, userId: number, prefix = ''): Promise<void> {
  const settings = await ctx.services.settings.get(userId);
  const route = await ctx.services.settings.route(userId);
  await ctx.reply(`${prefix}${settingsSummary(settings, route)}`, keyboard(settings));
}

/** /settings: time zone, quiet hours, digest hour and reminders; a typed answer that does not parse is asked again with the reason. */
export function settingsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('settings', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      await ctx.reply(
        `Your settings are yours alone: change them in a private chat with me, https://t.me/${ctx.botInfo.username}`,
      );
      return;
    }
    await showSettings(ctx, ctx.from.id);
  });

  feature.action(settingsData.filter(), async (ctx) => {
    const choice = settingsData.unpack(callbackDataOf(ctx));
    const chatId = ctx.chat?.id;
    if (choice === undefined || chatId === undefined) return answerPress(ctx, 'Send /settings again.');
    const userId = ctx.from.id;
    if (choice.field === 'rem') {
      const settings = await ctx.services.settings.update(userId, (s) => ({ ...s, reminders: !s.reminders }));
      await answerPress(ctx, settings.reminders ? 'Reminders on' : 'Reminders off');
      await ctx
        .editMessageText(settingsSummary(settings, await ctx.services.settings.route(userId)), keyboard(settings))
        .catch(() => undefined);
      return;
    }
    const step = FIELD_STEPS[choice.field];
    await ctx.services.store.update(userId, (s) => ({ ...s, dialog: { kind: 'settings', step, chatId } }));
    await answerPress(ctx);
    await ctx.reply(`${STEPS[step].ask}\n\n/cancel leaves it as it is.`);
  });

  feature.on(message('text'), async (ctx, next) => {
    const state = await ctx.services.store.get(ctx.from.id);
    const dialog = state.dialog;
    if (dialog?.kind !== 'settings' || dialog.chatId !== ctx.chat.id || ctx.message.text.startsWith('/')) return next();
    const answer = STEPS[dialog.step].read(ctx.message.text);
    if (!answer.ok) {
      await ctx.reply(`${answer.reason}\n\nPlease send it again, or /cancel.`);
      return;
    }
    await ctx.services.settings.update(ctx.from.id, answer.change);
    await ctx.services.store.update(ctx.from.id, endDialog);
    await showSettings(ctx, ctx.from.id, '✅ Saved.\n\n');
  });

  return feature;
}
