import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Telegram } from 'telegraf';
import { createTelegramTransport, type TelegramTransport } from './telegram-transport';

/** A Bot API stand-in on loopback that answers every call, counting connections and calls. */
interface FakeBotApi {
  apiRoot: string;
  connections: Socket[];
  calls: string[];
  /** Calls of this method break their connection instead of being answered. */
  breakOn: string | undefined;
  close(): Promise<void>;
}

async function startFakeBotApi(): Promise<FakeBotApi> {
  const api: FakeBotApi = {
    apiRoot: '',
    connections: [],
    calls: [],
    breakOn: undefined,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((request, response) => {
    const method = /\/([A-Za-z]+)$/.exec(request.url ?? '')?.[1] ?? '';
    api.calls.push(method);
    if (method === api.breakOn) {
      request.socket.destroy();
      return;
    }
    const result = method === 'getMe' ? { id: 1, is_bot: true, first_name: 'Bot', username: 'bot' } : true;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, result }));
  });
  server.on('connection', (socket) => api.connections.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return api;
}

describe('the Bot API transport', () => {
  let api: FakeBotApi;
  let transport: TelegramTransport;
  let now = 0;
  let telegram: Telegram;

  beforeEach(async () => {
    api = await startFakeBotApi();
    now = 0;
    transport = createTelegramTransport({ apiRoot: api.apiRoot, now: () => now });
    telegram = new Telegram('123456:test-token', { apiRoot: api.apiRoot });
    transport.attach(telegram);
  });
  afterEach(async () => {
    transport.close();
    await api.close();
  });

  it('keeps a connection alive between calls', async () => {
    await telegram.getMe();
    now += 3_999; // the sandbox and Node's server announce 5 s; Node's agent keeps a connection 1 s less
    await telegram.getMe();
    expect(api.connections).toHaveLength(1);
    expect(api.calls).toEqual(['getMe', 'getMe']);
  });

  it('never reuses a connection idle for longer than the server keeps it, even before its timer has run', async () => {
    await telegram.getMe();
    now += 4_000;
    await telegram.getMe();
    expect(api.connections).toHaveLength(2);
    expect(api.connections[0]?.destroyed).toBe(true);
  });

  it('sends a call again on a new connection when the kept-alive one was dropped by the server while idle', async () => {
    await telegram.getMe();
    // The server drops the idle connection; the bot's next call starts before it could notice (a late event loop).
    for (const socket of api.connections) socket.destroy();
    await expect(telegram.sendMessage(42, 'Which customer?')).resolves.toBe(true);
    expect(api.connections).toHaveLength(2);
    expect(api.calls).toEqual(['getMe', 'sendMessage']);
  });

  it('does not send a call again when it broke on a new connection: Telegram may have acted on it', async () => {
    api.breakOn = 'sendMessage';
    await expect(telegram.sendMessage(42, 'once')).rejects.toMatchObject({ name: 'FetchError', code: 'ECONNRESET' });
    expect(api.calls).toEqual(['sendMessage']);
  });

  it('does not send a call again when its kept-alive connection broke after the server read it', async () => {
    await telegram.getMe();
    api.breakOn = 'sendMessage';
    await expect(telegram.sendMessage(42, 'once')).rejects.toMatchObject({ name: 'FetchError' });
    // Read by the server and broken before any answer: indistinguishable from a drop while idle, so sent again once
    // per kept-alive connection; here the retry goes on a new connection, which breaks too, and is not repeated.
    expect(api.calls).toEqual(['getMe', 'sendMessage', 'sendMessage']);
  });
});
