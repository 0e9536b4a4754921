import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';
import { callApi, callOk } from '../test-support';
import type { TelegramUpdate } from '../types';
import { deliveryUrl } from './webhook';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const texts = (updates: TelegramUpdate[]) => updates.map((update) => update.message?.text);

describe('getUpdates', () => {
  afterEach(async () => {
    const pending = await callOk<TelegramUpdate[]>(sandbox, 'getUpdates');
    const last = pending.at(-1);
    if (last) await callOk(sandbox, 'getUpdates', { offset: last.update_id + 1, timeout: 0 });
  });

  it('returns pending updates until an offset confirms them', async () => {
    const user = sandbox.createUser();
    await user.send('one');
    await user.send('two');
    const first = await callOk<TelegramUpdate[]>(sandbox, 'getUpdates');
    expect(texts(first)).toEqual(['one', 'two']);
    const second = await callOk<TelegramUpdate[]>(sandbox, 'getUpdates', { offset: (first[0]?.update_id ?? 0) + 1 });
    expect(texts(second)).toEqual(['two']);
    expect(await callOk(sandbox, 'getUpdates', { offset: (first[1]?.update_id ?? 0) + 1 })).toEqual([]);
  });

  it('keeps only the last updates for a negative offset, and honours limit', async () => {
    const user = sandbox.createUser();
    for (const text of ['a', 'b', 'c']) await user.send(text);
    expect(texts(await callOk(sandbox, 'getUpdates', { limit: 1 }))).toEqual(['a']);
    expect(texts(await callOk(sandbox, 'getUpdates', { offset: -1 }))).toEqual(['c']);
  });

  it('holds a long poll open until a user writes', async () => {
    const user = sandbox.createUser();
    const poll = callOk<TelegramUpdate[]>(sandbox, 'getUpdates', { timeout: 10 });
    await user.send('wake up');
    expect(texts(await poll)).toEqual(['wake up']);
  });

  it('answers an empty list when the poll times out', async () => {
    expect(await callOk(sandbox, 'getUpdates', { timeout: 1 })).toEqual([]);
  });

  it('answers a pending long poll with an empty list when the sandbox closes', async () => {
    const closing = await startSandbox();
    const poll = callApi(closing, 'getUpdates', { timeout: 30 });
    await closing.waitForBot();
    await closing.close();
    expect(await poll).toMatchObject({ ok: true, status: 200, result: [] });
  });

  it('ends an older long poll with 409 when a newer one arrives', async () => {
    let settled = false;
    const older = callApi(sandbox, 'getUpdates', { timeout: 10 }).finally(() => {
      settled = true;
    });
    // Newer polls keep arriving until one finds the older poll waiting and ends it.
    while (!settled) {
      expect(await callApi(sandbox, 'getUpdates', { timeout: 0 })).toMatchObject({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await older).toMatchObject({
      status: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
  });
});

interface Received {
  headers: IncomingMessage['headers'];
  update: TelegramUpdate;
}

/** A bot's webhook endpoint answering each POST with the next of `answers` (then 200 `{}`). */
async function webhookServer(answers: { status: number; body?: unknown }[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        update: JSON.parse(Buffer.concat(chunks).toString('utf8')) as TelegramUpdate,
      });
      const answer = answers.shift() ?? { status: 200 };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('webhooks', () => {
  it('POSTs updates with the secret token, retries failures and reports them', async () => {
    const hook = await webhookServer([{ status: 500 }]);
    try {
      const set = await callApi(sandbox, 'setWebhook', { url: hook.url, secret_token: 'S3cret_-x' });
      expect(set).toMatchObject({ ok: true, result: true, description: 'Webhook was set' });
      expect(await callApi(sandbox, 'getUpdates')).toMatchObject({
        status: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
      const user = sandbox.createUser();
      await user.send('via webhook');
      await user.send('second');
      await waitFor(() => hook.received.length >= 3);
      expect(hook.received.map((r) => r.update.message?.text)).toEqual(['via webhook', 'via webhook', 'second']);
      expect(hook.received[0]?.headers['x-telegram-bot-api-secret-token']).toBe('S3cret_-x');
      let info: Record<string, unknown> = {};
      await waitForAsync(async () => {
        info = await callOk<Record<string, unknown>>(sandbox, 'getWebhookInfo');
        return info.pending_update_count === 0;
      });
      expect(info).toMatchObject({
        url: hook.url,
        last_error_message: 'Wrong response from the webhook: 500 Internal Server Error',
      });
    } finally {
      expect(await callApi(sandbox, 'deleteWebhook')).toMatchObject({
        result: true,
        description: 'Webhook was deleted',
      });
      await hook.close();
    }
    expect(await callApi(sandbox, 'deleteWebhook')).toMatchObject({ description: 'Webhook is already deleted' });
  });

  it('runs the method a webhook response carries', async () => {
    const user = sandbox.createUser();
    const hook = await webhookServer([
      { status: 200, body: { method: 'sendMessage', chat_id: user.id, text: 'replied in the response' } },
    ]);
    try {
      await callOk(sandbox, 'setWebhook', { url: hook.url });
      await user.send('hi');
      expect((await user.lastMessage()).text).toBe('replied in the response');
    } finally {
      await callOk(sandbox, 'deleteWebhook');
      await hook.close();
    }
  });

  it('refuses a URL that is not http(s) and unallowed secret tokens', async () => {
    expect(await callApi(sandbox, 'setWebhook', { url: 'ftp://example.com/hook' })).toMatchObject({
      description: 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
    });
    expect(
      await callApi(sandbox, 'setWebhook', { url: 'https://example.com/hook', secret_token: 'no spaces' }),
    ).toMatchObject({
      error_code: 400,
    });
  });

  it('delivers https:// to a loopback host over http://, since a local bot has no certificate', () => {
    expect(deliveryUrl('https://127.0.0.1:8443/telegraf/abc')).toBe('http://127.0.0.1:8443/telegraf/abc');
    expect(deliveryUrl('https://example.com/hook')).toBe('https://example.com/hook');
  });
});

async function waitForAsync(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  return waitForAsync(() => Promise.resolve(condition()), timeoutMs);
}
