import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Markup, Telegraf } from 'telegraf';
import { isSandboxError, SandboxError, SandboxTimeoutError } from './errors';
import { createHarness, withSandbox } from './harness';
import { callOk } from './test-support';

describe('createHarness', () => {
  const harness = createHarness({ timeoutMs: 2000 });
  let stopped = 0;

  beforeAll(async () => {
    await harness.start();
    await harness.startBot(({ token, apiRoot }) => {
      const bot = new Telegraf(token, { telegram: { apiRoot } });
      bot.command('status', (ctx) =>
        ctx.reply(
          'Status',
          Markup.inlineKeyboard([
            [Markup.button.callback('WAN', 'wan'), Markup.button.url('Docs', 'https://example.com/docs')],
          ]),
        ),
      );
      bot.action('wan', (ctx) => ctx.editMessageText('WAN: up'));
      bot.command('ignore', () => undefined);
      void bot.launch(() => undefined);
      return () => {
        stopped += 1;
        bot.stop();
      };
    });
  });
  afterAll(() => harness.stop());

  it('drives the bot as a user: send, read the reply, press, read the edit', async () => {
    const user = harness.createUser({ firstName: 'Ann' });
    await user.send('/status');
    expect((await user.lastMessage()).text).toBe('Status');
    await user.press('WAN');
    expect((await user.lastMessage()).text).toBe('WAN: up');
  });

  it('lets a user’s and a group’s methods be passed around detached from their object', async () => {
    const ann = harness.createUser({ firstName: 'Ann' });
    const { send, press, lastMessage, messages } = ann;
    await send('/status');
    expect((await lastMessage()).text).toBe('Status');
    await press('WAN');
    expect((await lastMessage()).text).toBe('WAN: up');
    expect(messages().map((message) => message.text)).toEqual(['/status', 'WAN: up']);
    const { as } = harness.createGroup({ title: 'Ops', members: [ann] });
    const inGroup = as(ann);
    await inGroup.send('/status');
    expect((await inGroup.lastMessage()).text).toBe('Status');
  });

  it('fails a wait with an error naming what was awaited and showing the chat', async () => {
    const user = harness.createUser({ firstName: 'Bob' });
    await user.send('/ignore');
    const error = await user.lastMessage({ timeoutMs: 150 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SandboxTimeoutError);
    expect(isSandboxError(error) && error.code).toBe('TIMEOUT');
    // Further lines may report updates the bot has not confirmed yet, depending on its pace.
    expect((error as Error).message.split('\n').slice(0, 3)).toEqual([
      `Timed out after 150 ms waiting for a message from the bot in the private chat of Bob (id ${user.id}) with @sandbox_bot after Bob sent "/ignore".`,
      `the private chat of Bob (id ${user.id}) with @sandbox_bot holds 1 message:`,
      '  #1 Bob: "/ignore"',
    ]);
  });

  it('fails a press on a button that is not there, listing the buttons that are', async () => {
    const user = harness.createUser();
    await user.send('/status');
    await user.lastMessage();
    await expect(user.press('LAN', { timeoutMs: 100 })).rejects.toThrow(
      /waiting for a button "LAN" on message #2 Sandbox Bot: "Status" \[WAN\] \[Docs\]/,
    );
    await expect(user.press('Docs')).rejects.toThrow(
      'Button "Docs" has no callback_data (it opens https://example.com/docs)',
    );
  });

  it('stops the bot it started before closing the sandbox', async () => {
    const other = createHarness();
    await other.start();
    let calls = 0;
    await other.startBot(async ({ apiRoot, token }) => {
      await callOk({ apiRoot, token }, 'getUpdates');
      return () => {
        calls += 1;
      };
    });
    await other.stop();
    expect(calls).toBe(1);
    expect(stopped).toBe(0);
  });

  it('explains how to start it when used before start()', () => {
    const unstarted = createHarness();
    expect(() => unstarted.token).toThrow(SandboxError);
    expect(() => unstarted.createUser()).toThrow(
      'The sandbox harness is not started: call `await harness.start()` in beforeAll',
    );
  });
});

describe('withSandbox', () => {
  it('closes the sandbox after the body, and explains a bot that never connected', async () => {
    let apiRoot = '';
    const message = await withSandbox(async (sandbox) => {
      apiRoot = sandbox.apiRoot;
      return sandbox.waitForBot({ timeoutMs: 100 }).catch((error: unknown) => (error as Error).message);
    });
    expect(message).toContain(`@sandbox_bot to connect (call getUpdates or setWebhook)`);
    expect(message).toContain(`Start the bot with apiRoot ${apiRoot}`);
    await expect(fetch(`${apiRoot}/`)).rejects.toThrow();
  });
});
