import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { captureLogger } from '../testing/capture-logger';
import { createWebhookHandler, type WebhookUpdate } from './webhook';

describe('the webhook handler', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  /** The handler on a loopback server; `accepting` says whether the bot is taking updates. */
  async function serve(accepting: () => boolean) {
    const taken: WebhookUpdate[] = [];
    const handler = createWebhookHandler({
      path: '/telegram',
      secretToken: 'the-secret',
      logger: captureLogger().logger,
      handleUpdate: (update) => Promise.resolve(void taken.push(update)),
      accepting,
    });
    const server = createServer((req, res) => void handler(req, res, () => res.writeHead(404).end()));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const post = (update: object) =>
      fetch(`http://127.0.0.1:${port}/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'the-secret' },
        body: JSON.stringify(update),
      });
    return { taken, post };
  }

  it('answers 503 with Retry-After once the bot is stopping, taking nothing, so the update goes elsewhere', async () => {
    let accepting = true;
    const { taken, post } = await serve(() => accepting);
    expect((await post({ update_id: 1 })).status).toBe(200);
    accepting = false;
    const refused = await post({ update_id: 2 });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(taken.map((update) => update.update_id)).toEqual([1]);
  });
});
