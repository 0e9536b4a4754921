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

/** Updates posted straight to the bot's webhook with the secret Telegram was given: what Telegram itself could send. */
describe('updates posted to the webhook', () => {
  let world: BotWorld;
  let url: string;
  const nextUpdateId = 900_000;
  const secret = () => String(world.harness.sandbox.calls('setWebhook')[0]?.params.secret_token);
  const post = (body: string | Uint8Array) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret() }, body });
  const errorLogs = () => world.logs().filter((line) => /"level":(50|60)/.test(line));

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
    const huge = JSON.stringify({ update_id: nextUpdateId, message: { text: 'x'.repeat(2 * 1024 * 1024) } });
    const tooLarge = await post(huge).then((r) => r.status, () => 'connection closed');
    expect([413, 'connection closed']).toContain(tooLarge);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(403);
    expect(errorLogs()).toEqual([]);

    const hal = world.harness.createUser({ firstName: 'Hal' });
    await hal.send('/help');
    expect((await hal.lastMessage()).text).toContain('/status');
  });
});
