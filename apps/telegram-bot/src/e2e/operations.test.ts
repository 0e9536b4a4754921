import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';
import { useBotWorld } from '../testing/use-bot-world';

/** A port that was free a moment ago (the webhook URL must name it before the bot starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('webhook mode', () => {
  let world: BotWorld;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    world = await createBotWorld({
      env: { PORT: String(port), HOST: '127.0.0.1', WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/updates` },
    });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('receives updates by webhook, and refuses posts without the secret token', async () => {
    expect(world.harness.sandbox.calls('setWebhook')).toHaveLength(1);
    expect(world.harness.sandbox.calls('getUpdates')).toHaveLength(0);
    const hal = world.harness.createUser({ firstName: 'Hal' });
    await hal.send('/help');
    expect((await hal.lastMessage()).text).toContain('/status');
    const forged = await fetch(`http://127.0.0.1:${port}/telegram/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        update_id: 1,
        message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '/logout' },
      }),
    });
    expect(forged.ok).toBe(false);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});

describe('a clean stop', () => {
  const world = useBotWorld();

  it('lets an update in flight finish before closing storage', async () => {
    const ivy = world.harness.createUser({ firstName: 'Ivy' });
    await completeSetup(world, ivy);
    await selectLocation(ivy, fixtures.customers.ada.email, 'Home');
    world.simulator.faults.delayNext('nodes.list', 700, 1);
    const typingBefore = world.harness.sandbox.calls('sendChatAction').length;
    await ivy.send('/status');
    while (world.harness.sandbox.calls('sendChatAction').length === typingBefore)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await world.stopBot();
    const last = ivy.messages().at(-1);
    expect(last?.from?.is_bot).toBe(true);
    expect(last?.text).toContain('pods connected');
    const logs = world.logs();
    expect(logs.findIndex((line) => line.includes('"msg":"Stopped"'))).toBeGreaterThan(
      logs.findIndex((line) => line.includes('Stopping')),
    );
  });
});
