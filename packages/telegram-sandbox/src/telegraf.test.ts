import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { bold, fmt } from 'telegraf/format';
import type { Sandbox } from './sandbox';
import { startSandbox } from './start';
import type { SandboxUser } from './users/user';

/** A minimal bot exercising what a real one does: commands, formatting, keyboards, edits, errors. */
function createTestBot(token: string, apiRoot: string): Telegraf {
  const bot = new Telegraf(token, { telegram: { apiRoot } });
  const describeError = (error: unknown) =>
    error instanceof TelegramError ? `${error.code} ${error.description}` : String(error);
  bot.command('status', (ctx) =>
    ctx.reply(
      fmt`Status: ${bold('online')}`,
      Markup.inlineKeyboard([Markup.button.callback('WAN', 'wan'), Markup.button.callback('LAN', 'lan')]),
    ),
  );
  bot.action(/^(wan|lan)$/, async (ctx) => {
    const choice = ctx.match[1] ?? '';
    await ctx.answerCbQuery(`Showing ${choice}`);
    await ctx.editMessageText(
      fmt`${bold(choice.toUpperCase())}: 1 Gbps`,
      Markup.inlineKeyboard([Markup.button.callback('Back', 'back')]),
    );
  });
  bot.command('html', (ctx) => ctx.replyWithHTML('<b>bold</b> and <tg-spoiler>secret</tg-spoiler>'));
  bot.command('rules', async (ctx) => {
    const outcomes: string[] = [];
    const attempt = async (call: () => Promise<unknown>) => {
      try {
        await call();
        outcomes.push('ok');
      } catch (error) {
        outcomes.push(describeError(error));
      }
    };
    await attempt(() => ctx.reply('x'.repeat(4097)));
    await attempt(() => ctx.reply(' \n '));
    await attempt(() => ctx.replyWithPhoto('https://example.com/chart.png', { caption: 'c'.repeat(1025) }));
    await attempt(() => ctx.replyWithMarkdownV2('Version 1.0'));
    await attempt(() => ctx.reply('hey', { entities: [{ type: 'bold', offset: 1, length: 5 }] }));
    await attempt(() => ctx.reply('x', Markup.inlineKeyboard([Markup.button.callback('big', 'd'.repeat(65))])));
    const sent = await ctx.reply('same');
    await attempt(() => ctx.telegram.editMessageText(ctx.chat.id, sent.message_id, undefined, 'same'));
    await attempt(() => ctx.telegram.editMessageText(ctx.chat.id, 9999, undefined, 'x'));
    await attempt(() => ctx.telegram.deleteMessage(ctx.chat.id, 9999));
    await ctx.reply(outcomes.join('\n'));
  });
  bot.command('burst', async (ctx) => {
    for (const text of ['one', 'two', 'three']) {
      await ctx.reply(text).catch((error: unknown) => floodErrors.push(error));
    }
  });
  bot.on('text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
  return bot;
}

/** Errors the bot got while flooding a chat (the /burst command). */
const floodErrors: unknown[] = [];

async function statusJourney(user: SandboxUser) {
  await user.send('/status');
  const status = await user.lastMessage();
  expect(status.text).toBe('Status: online');
  expect(status.entities).toEqual([{ type: 'bold', offset: 8, length: 6 }]);
  expect(status.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(['WAN', 'LAN']);

  const press = await user.press('WAN');
  expect(await press.answer()).toEqual({ text: 'Showing wan', show_alert: false });
  const edited = await user.waitForMessage((m) => m.message_id === status.message_id && m.edit_date !== undefined);
  expect(edited.text).toBe('WAN: 1 Gbps');
  expect(edited.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(['Back']);
  expect(user.messages().map((m) => m.text)).toEqual(['/status', 'WAN: 1 Gbps']);
}

describe('a telegraf bot with long polling', () => {
  let sandbox: Sandbox;
  let bot: Telegraf;

  beforeAll(async () => {
    sandbox = await startSandbox();
    bot = createTestBot(sandbox.token, sandbox.apiRoot);
    void bot.launch(() => undefined);
    await sandbox.waitForBot();
  });
  afterAll(async () => {
    bot.stop('tests done');
    await sandbox.close();
  });

  it('answers a command with a formatted message and edits it when a button is pressed', async () => {
    await statusJourney(sandbox.createUser({ firstName: 'Ann' }));
  });

  it('sends parse_mode HTML as entities', async () => {
    const user = sandbox.createUser();
    await user.send('/html');
    expect(await user.lastMessage()).toMatchObject({
      text: 'bold and secret',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'spoiler', offset: 9, length: 6 },
      ],
    });
  });

  it("gets Telegram's errors as TelegramError for each rule", async () => {
    const user = sandbox.createUser();
    await user.send('/rules');
    const report = await user.waitForMessage(/^400/);
    expect(report.text?.split('\n')).toEqual([
      '400 Bad Request: message is too long',
      '400 Bad Request: message text is empty',
      '400 Bad Request: message caption is too long',
      "400 Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
      '400 Bad Request: entity beginning at UTF-16 offset 1 ends after the end of the text at UTF-16 offset 6',
      '400 Bad Request: BUTTON_DATA_INVALID',
      '400 Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      '400 Bad Request: message to edit not found',
      '400 Bad Request: message to delete not found',
    ]);
  });

  it('gets 429 with retry_after when it floods a chat beyond the rate limit', async () => {
    const user = sandbox.createUser();
    sandbox.setRateLimit({ limit: 2, windowMs: 60_000, retryAfter: 7 });
    try {
      await user.send('/burst');
      await user.waitForMessage('two');
      for (const deadline = Date.now() + 5000; floodErrors.length === 0 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      sandbox.setRateLimit(false);
    }
    const [error] = floodErrors;
    expect(error).toBeInstanceOf(TelegramError);
    expect(error).toMatchObject({
      code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });
    expect(user.messages().map((m) => m.text)).toEqual(['/burst', 'one', 'two']);
  });

  it('serves several users and a group at once', async () => {
    const ann = sandbox.createUser({ firstName: 'Ann' });
    const bob = sandbox.createUser({ firstName: 'Bob' });
    const group = sandbox.createGroup({ title: 'Ops', members: [ann, bob] });
    await Promise.all([ann.send('hi from Ann'), bob.send('hi from Bob'), bob.in(group).send('hi group')]);
    expect((await ann.lastMessage()).text).toBe('echo: hi from Ann');
    expect((await bob.lastMessage()).text).toBe('echo: hi from Bob');
    expect((await bob.in(group).lastMessage()).text).toBe('echo: hi group');
  });
});

describe('a telegraf bot with a webhook', () => {
  let sandbox: Sandbox;
  let bot: Telegraf;
  let server: Server;

  beforeAll(async () => {
    sandbox = await startSandbox();
    bot = createTestBot(sandbox.token, sandbox.apiRoot);
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // telegraf makes it https://127.0.0.1:<port>/telegraf/<hash>; the sandbox delivers to loopback over http.
    const handle = await bot.createWebhook({ domain: `127.0.0.1:${port}`, secret_token: 'hook-secret' });
    server.on('request', (request, response) => void handle(request, response));
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('receives updates by POST, answers the press through its webhook response, and edits', async () => {
    expect(sandbox.calls('setWebhook')[0]).toMatchObject({ ok: true, params: { secret_token: 'hook-secret' } });
    await statusJourney(sandbox.createUser({ firstName: 'Wendy' }));
    expect(sandbox.calls('answerCallbackQuery').length).toBe(1);
  });
});

describe('closing the sandbox under a running bot', () => {
  it('still answers the call the bot is making when a wait resolves and the test closes at once', async () => {
    const sandbox = await startSandbox();
    const bot = createTestBot(sandbox.token, sandbox.apiRoot);
    const errors: unknown[] = [];
    bot.catch((error) => {
      errors.push(error);
    });
    const launched = bot.launch();
    const user = sandbox.createUser();
    await user.send('/status');
    await user.press('WAN');
    // Resolves as soon as the sandbox stores the edit, before the bot has read the answer.
    await user.waitForMessage('WAN: 1 Gbps');
    bot.stop();
    await sandbox.close();
    await launched; // telegraf resolves launch() once the update being handled is done
    expect(errors).toEqual([]);
  });
});
