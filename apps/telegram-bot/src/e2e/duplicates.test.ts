import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBotWorld, type BotWorld } from '../testing/bot-world';

/** A port that was free a moment ago (the webhook URL must name it before the bot starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('an update delivered more than once (webhook)', () => {
  let world: BotWorld;
  let hook: string;
  beforeAll(async () => {
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram/updates`;
    world = await createBotWorld({ env: { PORT: String(port), HOST: '127.0.0.1', WEBHOOK_URL: hook } });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('is handled once: a second delivery of an update_id, at once or later, or after a restart, is dropped', async () => {
    const nia = world.harness.createUser({ firstName: 'Nia' });
    await nia.send('/help');
    await nia.waitForMessage('/setup');
    const update = {
      update_id: 900_000_001,
      message: {
        message_id: 900_001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: nia.id, type: 'private', first_name: 'Nia' },
        from: { id: nia.id, is_bot: false, first_name: 'Nia' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };
    // Each start sets a fresh secret token: post with the current one.
    const secret = () => String(world.harness.sandbox.calls('setWebhook').at(-1)?.params.secret_token);
    const deliver = () =>
      fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret() },
        body: JSON.stringify(update),
      });
    const before = nia.messages().filter((m) => m.from?.is_bot).length;

    // Telegram retries a post it thinks failed: twice at once, then once more after the first was handled.
    expect((await Promise.all([deliver(), deliver()])).map((response) => response.status)).toEqual([200, 200]);
    await world.stopBot();
    await world.startBot();
    expect((await deliver()).status).toBe(200);
    await nia.send('/help');
    await nia.waitForMessage('/setup · Connect');
    // One answer to the /start delivered three times, then the answer to /help.
    const answers = nia
      .messages()
      .filter((m) => m.from?.is_bot)
      .slice(before)
      .map((m) => m.text ?? '');
    expect(answers).toHaveLength(2);
    expect(answers[0]).toContain('Hi Nia!');
    expect(world.logs().filter((line) => line.includes('Duplicate update dropped'))).toHaveLength(2);
  });
});
