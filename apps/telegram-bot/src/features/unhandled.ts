import { Composer } from 'telegraf';
import type { BotContext } from '../context';

/** The last feature: whatever no other feature took gets a short, helpful answer. */
export function unhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('callback_query', (ctx) =>
    ctx.answerCbQuery('This button is no longer active. Send /status for a fresh report.', { show_alert: true }),
  );
  feature.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') return; // in a group, only commands addressed to the bot are answered
    const text = 'text' in ctx.message ? ctx.message.text : '';
    const command = /^\/(\w{1,32})/.exec(text)?.[1];
    await ctx.reply(
      command !== undefined
        ? `I don't know the command /${command}. /help lists what I can do.`
        : "I wasn't waiting for a message. /help lists what I can do.",
    );
  });
  return feature;
}
