import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@org/telegram-sandbox';
import { Markup, Telegraf } from 'telegraf';
import { BotContext } from './context';
import type { FormattedText } from '@org/bot-formatting';
import { editRich, replyRich } from './replies';

const part = (text: string): FormattedText => ({ text, entities: [{ type: 'bold', offset: 0, length: 3 }] });
const keyboard = Markup.inlineKeyboard([Markup.button.callback('Refresh', 'refresh')]).reply_markup;

describe('a report shown in place of the pressed message', () => {
  let sandbox: Sandbox;
  let bot: Telegraf<BotContext>;
  /** What the next press renders. */
  let next: FormattedText[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox();
    bot = new Telegraf<BotContext>(sandbox.token, { contextType: BotContext, telegram: { apiRoot: sandbox.apiRoot } });
    bot.command('report', (ctx) => replyRich(ctx, [part('Old 1'), part('Old 2')], keyboard));
    bot.command('short', (ctx) => replyRich(ctx, [part('Old')], keyboard));
    bot.action('refresh', async (ctx) => {
      const outcome = await editRich(ctx, next, keyboard);
      await ctx.answerCbQuery(outcome);
    });
    void bot.launch();
    await sandbox.waitForBot();
  });
  afterAll(async () => {
    bot.stop();
    await sandbox.close();
  });

  it('of several parts is sent whole below the old one, whose buttons go', async () => {
    const user = sandbox.createUser();
    await user.send('/report');
    await user.waitForMessage('Old 2');
    next = [part('New 1'), part('New 2'), part('New 3')];
    expect(await (await user.press('Refresh')).answer()).toMatchObject({ text: 'edited' });
    await user.waitForMessage('New 3');
    const shown = user.messages().slice(1);
    expect(shown.map((m) => m.text)).toEqual(['Old 1', 'Old 2', 'New 1', 'New 2', 'New 3']);
    expect(shown.map((m) => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [])).toEqual([
      [],
      [],
      [],
      [],
      ['Refresh'],
    ]);
    expect(shown[2]?.entities).toEqual([{ type: 'bold', offset: 0, length: 3 }]);
  });

  it('of one part replaces the pressed message, and a second press changes nothing', async () => {
    const user = sandbox.createUser();
    await user.send('/short');
    await user.waitForMessage('Old');
    next = [part('Newer')];
    expect(await (await user.press('Refresh')).answer()).toMatchObject({ text: 'edited' });
    expect(await (await user.press('Refresh')).answer()).toMatchObject({ text: 'unchanged' });
    expect(user.messages().map((m) => m.text)).toEqual(['/short', 'Newer']);
    expect(
      user
        .messages()[1]
        ?.reply_markup?.inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual(['Refresh']);
  });
});
