import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';
import { callOk } from '../test-support';
import type { TelegramUpdate } from '../types';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

interface Post {
  update: TelegramUpdate;
  /** Answers the post (200 unless told otherwise). */
  answer: (status?: number) => void;
}

/**
 * A webhook endpoint that answers each post with the status `rule` gives for it, or holds it until
 * the test answers it (`rule` gives nothing), and keeps count of the posts open at once, overall
 * and per chat.
 */
async function holdingWebhook(rule: (update: TelegramUpdate) => number | undefined = () => undefined) {
  const posts: Post[] = [];
  const open = new Map<string, number>();
  let mostOpen = 0;
  let mostOpenInOneChat = 0;
  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as TelegramUpdate;
      const chat = String(update.message?.chat.id);
      open.set(chat, (open.get(chat) ?? 0) + 1);
      mostOpenInOneChat = Math.max(mostOpenInOneChat, open.get(chat) ?? 0);
      mostOpen = Math.max(
        mostOpen,
        [...open.values()].reduce((sum, n) => sum + n, 0),
      );
      const post: Post = {
        update,
        answer: (status = 200) => {
          open.set(chat, (open.get(chat) ?? 1) - 1);
          response.writeHead(status).end();
        },
      };
      posts.push(post);
      const status = rule(update);
      if (status !== undefined) post.answer(status);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    posts,
    most: () => ({ open: mostOpen, inOneChat: mostOpenInOneChat }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const textOf = (post: Post | undefined) => post?.update.message?.text;

describe('webhook connections', () => {
  it('posts up to max_connections updates at once, one at a time per chat, each chat in order', async () => {
    const hook = await holdingWebhook();
    try {
      await callOk(sandbox, 'setWebhook', { url: hook.url, max_connections: 3 });
      const users = Array.from({ length: 5 }, () => sandbox.createUser());
      for (const round of [1, 2, 3]) for (const [i, user] of users.entries()) await user.send(`u${i} #${round}`);
      await until(() => hook.posts.length === 3, 'three posts at once');
      // Then answer the posts one by one, oldest first, as they come: 15 in all.
      for (let answered = 0; answered < 15; answered += 1) {
        await until(() => hook.posts.length > answered, `post ${answered + 1}`);
        hook.posts[answered]?.answer();
      }
      expect(hook.most()).toEqual({ open: 3, inOneChat: 1 });
      for (const [i] of users.entries())
        expect(hook.posts.map(textOf).filter((text) => text?.startsWith(`u${i} `))).toEqual([
          `u${i} #1`,
          `u${i} #2`,
          `u${i} #3`,
        ]);
      expect(await callOk(sandbox, 'getWebhookInfo')).toMatchObject({ max_connections: 3, pending_update_count: 0 });
    } finally {
      await callOk(sandbox, 'deleteWebhook', { drop_pending_updates: true });
      await hook.close();
    }
  });

  it('holds back only the chat whose posts fail: the others are delivered while it retries', async () => {
    let annFails = true;
    const hook = await holdingWebhook((update) => (update.message?.text?.startsWith('ann') && annFails ? 500 : 200));
    try {
      await callOk(sandbox, 'setWebhook', { url: hook.url, max_connections: 2 });
      const [ann, bob] = [sandbox.createUser(), sandbox.createUser()];
      await ann.send('ann 1');
      await ann.send('ann 2');
      await until(() => hook.posts.length >= 2, "ann's first post, failed twice");
      await bob.send('bob 1');
      await bob.send('bob 2');
      await until(() => hook.posts.filter((post) => textOf(post) === 'bob 2').length === 1, "bob's posts");
      annFails = false;
      await until(() => hook.posts.some((post) => textOf(post) === 'ann 2'), "ann's second post");
      const anns = hook.posts.map(textOf).filter((text) => text?.startsWith('ann'));
      expect(anns.slice(-1)).toEqual(['ann 2']);
      expect(new Set(anns.slice(0, -1))).toEqual(new Set(['ann 1']));
      expect(hook.posts.map(textOf).filter((text) => text?.startsWith('bob'))).toEqual(['bob 1', 'bob 2']);
      expect(await callOk(sandbox, 'getWebhookInfo')).toMatchObject({
        last_error_message: 'Wrong response from the webhook: 500 Internal Server Error',
      });
    } finally {
      await callOk(sandbox, 'deleteWebhook', { drop_pending_updates: true });
      await hook.close();
    }
  });

  it('takes 40 connections by default and brings max_connections into 1–100, as Telegram does', async () => {
    const url = 'http://127.0.0.1:9/hook';
    try {
      await callOk(sandbox, 'setWebhook', { url });
      expect(await callOk(sandbox, 'getWebhookInfo')).toMatchObject({ url, max_connections: 40 });
      await callOk(sandbox, 'setWebhook', { url, max_connections: 500 });
      expect(await callOk(sandbox, 'getWebhookInfo')).toMatchObject({ max_connections: 100 });
      await callOk(sandbox, 'setWebhook', { url, max_connections: 0 });
      expect(await callOk(sandbox, 'getWebhookInfo')).toMatchObject({ max_connections: 1 });
    } finally {
      await callOk(sandbox, 'deleteWebhook');
    }
  });
});
