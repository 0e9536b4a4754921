import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from './app';
import { createConfig } from './config';
import { parseDatabaseUrl } from './database-url';
import { SandboxOnPostgresError, type Environment } from './environment';
import { startSandboxEnvironment } from './sandbox';
import { captureLogger } from './testing/capture-logger';
import { TEST_CHART_WORKER } from './testing/chart-worker';

interface WebMessage {
  message_id: number;
  text?: string;
  from?: { is_bot: boolean };
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
}

/** The web chat as a person uses it: send, press, and read the chat (its first event-stream snapshot). */
function webChat(webUrl: string) {
  const post = (path: string, body: object) =>
    fetch(new URL(`web/${path}`, webUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const read = async (): Promise<WebMessage[]> => {
    const abort = new AbortController();
    const response = await fetch(new URL('web/events', webUrl), { signal: abort.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended before a snapshot');
      text += Buffer.from(value).toString('utf8');
      const snapshot = /event: snapshot\ndata: (.*)\n\n/.exec(text)?.[1];
      if (snapshot !== undefined) {
        abort.abort();
        return (JSON.parse(snapshot) as { messages: WebMessage[] }).messages;
      }
    }
  };
  const waitFor = async (fragment: string): Promise<WebMessage> => {
    for (let i = 0; i < 300; i++) {
      const found = (await read()).find((m) => m.from?.is_bot && m.text?.includes(fragment));
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the web chat never showed “${fragment}”: ${JSON.stringify(await read())}`);
  };
  return {
    send: (text: string) => post('send', { text }),
    press: async (message: WebMessage, label: string) => {
      const button = message.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes(label));
      return post('press', { messageId: message.message_id, data: button?.callback_data });
    },
    waitFor,
  };
}

describe('the sandbox of `npm start` (no TELEGRAM_BOT_TOKEN)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-sandbox-'));
  const printed: string[] = [];
  let environment: Environment;
  let app: RunningApp;
  beforeAll(async () => {
    environment = await startSandboxEnvironment({ dataDir, write: (text) => void printed.push(text) });
    app = await startApp({
      config: createConfig({}),
      logger: captureLogger().logger,
      chartWorker: TEST_CHART_WORKER,
      ...environment,
    });
    environment.announce(app.username);
  }, 60_000);
  afterAll(async () => {
    await app.stop('test end');
    await environment.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the web chat’s address and credentials that complete /setup by copy and paste', async () => {
    const banner = printed.join('');
    const webUrl = /Open the web chat:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(banner)?.[1];
    const header = /authorization header:\s+(Basic \S+)/.exec(banner)?.[1];
    const partnerId = /Partner ID:\s+([0-9a-f]{24})/.exec(banner)?.[1];
    const customer = /Customers for \/locations: ([^,\s]+)/.exec(banner)?.[1];
    expect([webUrl, header, partnerId, customer].every((value) => value !== undefined)).toBe(true);
    expect(environment.dataDir).toBe(join(dataDir, 'sandbox'));

    const chat = webChat(webUrl ?? '');
    expect((await fetch(webUrl ?? '')).status).toBe(200);
    await chat.send('/setup');
    await chat.waitFor('Step 1 of 2');
    await chat.send(header ?? '');
    await chat.waitFor('Step 2 of 2');
    await chat.send(partnerId ?? '');
    await chat.press(await chat.waitFor('public Plume cloud'), 'Public Plume cloud');
    await chat.waitFor('✅ Connected');
    await chat.send('/locations');
    await chat.waitFor('Which customer?');
    await chat.send(customer ?? '');
    await chat.press(await chat.waitFor('Pick one'), 'Home');
    await chat.waitFor('📍 Selected: Home');
    await chat.send('/status');
    expect((await chat.waitFor('pods connected')).text).toContain('Home');
  });
});

describe('the sandbox on PostgreSQL', () => {
  it('is refused before anything opens: its start would empty the update inbox every replica shares', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-sandbox-pg-'));
    try {
      const start = startApp({
        config: createConfig({}),
        logger: captureLogger().logger,
        chartWorker: TEST_CHART_WORKER,
        token: '1000000001:SANDBOXplumeBotTokenNotSecret00000',
        apiRoot: 'http://127.0.0.1:9',
        plume: {},
        dataDir,
        freshUpdateIds: true,
        // No server there: reaching for it would fail otherwise (DatabaseUnavailableError).
        database: parseDatabaseUrl('postgres://bot:s3cret-pw@127.0.0.1:1/bot'),
      });
      const error = await start.then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(SandboxOnPostgresError);
      expect((error as Error).message).toMatch(/Set TELEGRAM_BOT_TOKEN, or unset DATABASE_URL/);
      expect((error as Error).message).not.toContain('s3cret-pw');
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
