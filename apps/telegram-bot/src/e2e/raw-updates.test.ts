import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { reportViewData } from '../callback-data/actions';
import { ANONYMOUS_COMMAND, INLINE_BUTTON } from '../middleware/ordinary-updates';
import { MESSAGE_GONE } from '../middleware/error-boundary';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';
import { until } from '../testing/until';

/** A port that was free a moment ago (the webhook URL must name it before the bot starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Updates posted straight to the bot's webhook with the secret Telegram was given: what Telegram itself could send. */
describe('updates posted to the webhook', () => {
  let world: BotWorld;
  let url: string;
  let nextUpdateId = 900_000;
  const secret = () => String(world.harness.sandbox.calls('setWebhook')[0]?.params.secret_token);
  const post = (body: string | Uint8Array) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret() },
      body,
    });
  const postUpdate = (update: object) => post(JSON.stringify({ update_id: nextUpdateId++, ...update }));
  const errorLogs = () => world.logs().filter((line) => /"level":(50|60)/.test(line));
  const unix = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/telegram/updates`;
    world = await createBotWorld({ env: { PORT: String(port), HOST: '127.0.0.1', WEBHOOK_URL: url } });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('answers 400 to a body that is not one update object, 413 to one over 1 MB, and never 500', async () => {
    for (const body of ['null', '[]', '"hello"', '42', '{', '{"update_id":"x"}', '[{"update_id":1}]']) {
      const response = await post(body);
      expect([body, response.status]).toEqual([body, 400]);
    }
    const huge = JSON.stringify({ update_id: nextUpdateId++, message: { text: 'x'.repeat(2 * 1024 * 1024) } });
    const tooLarge = await post(huge).then(
      (r) => r.status,
      () => 'connection closed',
    );
    expect([413, 'connection closed']).toContain(tooLarge);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(403);
    expect(errorLogs()).toEqual([]);

    const hal = world.harness.createUser({ firstName: 'Hal' });
    await hal.send('/help');
    expect((await hal.lastMessage()).text).toContain('/status');
  });

  it('answers a press on a message that no longer exists politely, with no error id', async () => {
    const ivy = world.harness.createUser({ firstName: 'Ivy' });
    await completeSetup(world, ivy);
    await selectLocation(ivy, fixtures.customers.ada.email, 'Home');
    await ivy.send('/status');
    const report = await ivy.waitForMessage('pods connected');
    const refresh = report.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes('Refresh'))?.callback_data;
    expect(refresh).toBeDefined();
    const answers = () => world.harness.sandbox.calls('answerCallbackQuery');
    const before = answers().length;
    const response = await postUpdate({
      callback_query: {
        id: 'gone-1',
        from: ivy.user,
        chat_instance: '1',
        data: refresh,
        message: { message_id: 987_654, date: unix(), chat: ivy.chat, text: 'a report deleted since' },
      },
    });
    expect(response.status).toBe(200);
    await until(() => answers().length > before, 'the answer to the press');
    expect(answers().at(-1)?.params.text).toBe(MESSAGE_GONE);
    expect(ivy.messages().some((m) => m.text?.includes('error id'))).toBe(false);
    expect(errorLogs()).toEqual([]);
  });

  it('answers a press on an inline message politely, and ignores messages no person sent', async () => {
    const una = world.harness.createUser({ firstName: 'Una' });
    const group = world.harness.createGroup({ title: 'Ops', members: [una] });
    const answers = () => world.harness.sandbox.calls('answerCallbackQuery');
    const before = answers().length;
    await postUpdate({
      callback_query: {
        id: 'inline-1',
        from: una.user,
        chat_instance: '2',
        inline_message_id: 'AAAAAQ',
        data: reportViewData.pack({ view: 'status', ref: 0 }),
      },
    });
    await until(() => answers().length > before, 'the answer to the inline press');
    expect(answers().at(-1)?.params.text).toBe(INLINE_BUTTON);

    const sent = world.harness.sandbox.calls('sendMessage').length;
    const channel = { id: -100_555, type: 'channel', title: 'News' };
    await postUpdate({
      channel_post: { message_id: 1, date: unix(), chat: channel, sender_chat: channel, text: '/status' },
    });
    await postUpdate({ message: { message_id: 2, date: unix(), chat: group.chat, text: 'hello from nobody' } });
    const anonymous = { id: 1_087_968_824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
    await postUpdate({
      message: {
        message_id: 3,
        date: unix(),
        chat: group.chat,
        from: anonymous,
        sender_chat: group.chat,
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    await until(
      () => group.messages().some((m) => m.text === ANONYMOUS_COMMAND),
      'the answer to the anonymous command',
    );
    await postUpdate({
      message: {
        message_id: 4,
        date: unix(),
        chat: group.chat,
        text: '/status',
        entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      },
    });
    await una.in(group).send('/help');
    await una.in(group).waitForMessage('/status');
    expect(world.harness.sandbox.calls('sendMessage').length).toBe(sent + 2);
    expect(group.messages().some((m) => m.text?.includes('error id'))).toBe(false);
    expect(errorLogs()).toEqual([]);
  });
});
