import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running {@link startRoundRobinProxy}. */
export interface RoundRobinProxy {
  /** Its origin, `http://127.0.0.1:port`: a webhook URL is this plus the bot's path. */
  readonly url: string;
  /** Adds a backend (an origin such as `http://127.0.0.1:4001`) to the rotation. */
  add(origin: string): void;
  /** Takes a backend out of the rotation (requests already forwarded to it finish). */
  remove(origin: string): void;
  /**
   * How many requests each backend took (answered 2xx), by origin. Other answers but a 503 (e.g. a
   * 403 for a wrong secret) are passed back to the sender as they are, and not counted.
   */
  taken(): ReadonlyMap<string, number>;
  /** Requests no backend could take: answered 502 (refused or cut off) or 503 (every backend stopping). */
  refused(): number;
  close(): Promise<void>;
}

/** What one backend made of a request: its answer, or why there was none. */
type Attempt =
  | { kind: 'answer'; status: number; headers: IncomingMessage['headers']; body: Buffer }
  | { kind: 'refused' }
  | { kind: 'cut' };

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * Forwards one request on a connection of its own (no pooled socket survives a backend killed
 * with `kill -9`), so that "refused" means the backend never saw the request.
 */
function attempt(origin: string, req: IncomingMessage, body: Buffer): Promise<Attempt> {
  return new Promise((resolve) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    headers['content-length'] = String(body.length);
    let connected = false;
    const outgoing = httpRequest(new URL(req.url ?? '/', origin), { method: req.method, headers, agent: false });
    outgoing.once('socket', (socket) => socket.once('connect', () => (connected = true)));
    outgoing.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () =>
        resolve({
          kind: 'answer',
          status: response.statusCode ?? 502,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.once('error', () => resolve({ kind: 'cut' }));
    });
    outgoing.once('error', () => resolve({ kind: connected ? 'cut' : 'refused' }));
    outgoing.end(body);
  });
}

/**
 * A reverse proxy on loopback spreading requests over backends in turn, as the reverse proxy in
 * front of several bot replicas does: a backend that refuses the connection (not running) or
 * answers 503 (stopping, not ready) is skipped for the next one, so the request is forwarded again
 * only when the skipped backend cannot have taken it. A backend that dies while it holds a request
 * leaves it unanswered: the proxy answers 502 and the sender (Telegram) posts it again later, a
 * re-delivery the bot must take once. Bodies are read whole (webhook updates are small).
 * @example const proxy = await startRoundRobinProxy(); proxy.add(replica.url); sandbox posts to `${proxy.url}/telegram`
 */
export async function startRoundRobinProxy(backends: readonly string[] = []): Promise<RoundRobinProxy> {
  const rotation = [...backends];
  const taken = new Map<string, number>();
  let next = 0;
  let refused = 0;

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const order = rotation.map((_, i) => rotation[(next + i) % rotation.length] as string);
    next = rotation.length === 0 ? 0 : (next + 1) % rotation.length;
    let stopping = false;
    for (const origin of order) {
      const result = await attempt(origin, req, body);
      if (result.kind === 'refused') continue;
      if (result.kind === 'cut') break;
      if (result.status === 503) {
        stopping = true;
        continue;
      }
      if (result.status >= 200 && result.status < 300) taken.set(origin, (taken.get(origin) ?? 0) + 1);
      const headers = Object.fromEntries(Object.entries(result.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      res.writeHead(result.status, headers).end(result.body);
      return;
    }
    refused++;
    res.writeHead(stopping ? 503 : 502, { 'content-type': 'text/plain' }).end('no replica took the request\n');
  };

  const server = createServer((req, res) => {
    forward(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    add: (origin) => void rotation.push(origin),
    remove: (origin) => {
      const at = rotation.indexOf(origin);
      if (at >= 0) rotation.splice(at, 1);
    },
    taken: () => taken,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
