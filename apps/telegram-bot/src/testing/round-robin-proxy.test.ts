import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const servers: Server[] = [];
let proxy: RoundRobinProxy | undefined;

/** A backend on loopback; returns its origin and what it received. */
async function backend(handle: Handler) {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.once('end', () => {
      received.push(`${req.method ?? ''} ${req.url ?? ''} ${String(req.headers['x-secret'] ?? '')} ${body}`);
      handle(req, body, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** An origin nothing listens on (a port that was free a moment ago). */
async function deadOrigin() {
  const { origin } = await backend(() => undefined);
  const server = servers.pop() as Server;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return origin;
}

const named =
  (name: string): Handler =>
  (_req, _body, res) =>
    res.writeHead(200).end(name);

const post = async (path: string, body = '{}') => {
  const response = await fetch(`${proxy?.url ?? ''}${path}`, { method: 'POST', body, headers: { 'x-secret': 's3' } });
  return { status: response.status, text: await response.text() };
};

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('the round-robin proxy in front of bot replicas', () => {
  it('passes each request, its path, headers and body, to the backends in turn', async () => {
    const a = await backend(named('a'));
    const b = await backend(named('b'));
    proxy = await startRoundRobinProxy([a.origin, b.origin]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await post('/telegram', `{"update_id":${i}}`)).text);
    expect(answers).toEqual(['a', 'b', 'a', 'b']);
    expect(a.received).toEqual(['POST /telegram s3 {"update_id":0}', 'POST /telegram s3 {"update_id":2}']);
    expect(proxy.taken()).toEqual(
      new Map([
        [a.origin, 2],
        [b.origin, 2],
      ]),
    );
  });

  it('skips a backend that refuses connections or answers 503, so nothing reaches it twice', async () => {
    const stopping = await backend((_req, _body, res) => res.writeHead(503).end('stopping'));
    const alive = await backend(named('alive'));
    proxy = await startRoundRobinProxy([await deadOrigin(), stopping.origin, alive.origin]);
    for (let i = 0; i < 3; i++) expect(await post('/telegram')).toEqual({ status: 200, text: 'alive' });
    expect(alive.received).toHaveLength(3);
    expect(proxy.refused()).toBe(0);
  });

  it('passes other refusals back as they are, without counting them as taken', async () => {
    const forbidding = await backend((_req, _body, res) => res.writeHead(403).end('forbidden'));
    const alive = await backend(named('alive'));
    proxy = await startRoundRobinProxy([forbidding.origin, alive.origin]);
    expect(await post('/telegram')).toEqual({ status: 403, text: 'forbidden' });
    expect(await post('/telegram')).toEqual({ status: 200, text: 'alive' });
    expect(proxy.taken()).toEqual(new Map([[alive.origin, 1]]));
  });

  it('answers 502 without trying another backend when one dies holding the request', async () => {
    const dying = await backend((req) => req.socket.destroy());
    const alive = await backend(named('alive'));
    proxy = await startRoundRobinProxy([dying.origin, alive.origin]);
    expect((await post('/telegram')).status).toBe(502);
    expect(alive.received).toEqual([]);
    expect(proxy.refused()).toBe(1);
  });

  it('answers 503 when every backend is stopping, and follows backends added and removed', async () => {
    const stopping = await backend((_req, _body, res) => res.writeHead(503).end('stopping'));
    proxy = await startRoundRobinProxy([stopping.origin]);
    expect((await post('/telegram')).status).toBe(503);
    const fresh = await backend(named('fresh'));
    proxy.add(fresh.origin);
    proxy.remove(stopping.origin);
    expect(await post('/telegram')).toEqual({ status: 200, text: 'fresh' });
    expect(stopping.received).toHaveLength(1);
  });
});
