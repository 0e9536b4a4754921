import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import type { Dialog } from '../storage/user-state';

const NOT_WAITING = "I wasn't waiting for a message. /help lists what I can do.";

/** What to say to a photo, sticker, file… sent while a question of a dialog waits for text. */
function askForText(dialog: Dialog): string {
  if (dialog.kind === 'locations') {
    return 'I can only read text here. Type a customer id, an email, an account id, a name or a pod serial, or /cancel.';
  }
  if (dialog.kind === 'setup' && dialog.step === 'cloud') return 'Please press one of the buttons above, or /cancel.';
  return 'I can only read text here. Please send your answer as a text message, or /cancel.';
}

/** The last feature: whatever no other feature took gets a short, helpful answer. */
export function unhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('callback_query', (ctx) =>
    ctx.answerCbQuery('This button is no longer active. Send /status for a fresh report.', { show_alert: true }),
  );
  feature.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') return; // in a group, only commands addressed to the bot are answered
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    const command = /^\/(\w{1,32})/.exec(text ?? '')?.[1];
    if (command !== undefined)
      return void (await ctx.reply(`I don't know the command /${command}. /help lists what I can do.`));
    // Text in a dialog was taken by its feature; anything else (a photo, a sticker) cannot answer it.
    const { dialog } = await ctx.services.store.get(ctx.from.id);
    await ctx.reply(text === undefined && dialog?.chatId === ctx.chat.id ? askForText(dialog) : NOT_WAITING);
  });
  return feature;
}
