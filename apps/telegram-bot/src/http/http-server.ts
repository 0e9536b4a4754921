import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetricsRegistry } from './metrics';
import type { Readiness } from './readiness';

/** Handles one webhook request (telegraf's `webhookCallback`); calls `next` when the path isn't its own. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void>;

export interface HttpServerOptions {
  port: number;
  host: string;
  metrics: MetricsRegistry;
  /** True while the bot is running; `/healthz` answers 503 otherwise. */
  isHealthy: () => boolean;
  /** Whether to send this replica traffic (`/healthz/ready`); default: as `isHealthy`. */
  isReady?: (() => Promise<Readiness>) | undefined;
  webhook?: WebhookHandler | undefined;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The bot's HTTP server: `GET /healthz/live` (liveness: 200 whenever the process answers),
 * `GET /healthz/ready` (readiness: 200 `ready`, or 503 and the reason: stopping, job queue not
 * started, database unreachable…), `GET /healthz` (200 `ok` while running, 503 once a stop began: the check of a single
 * process), `GET /metrics` (Prometheus text) and, in webhook mode, Telegram's POSTs on the webhook's
 * secret path. Anything else is a 404.
 * @example const http = await startHttpServer({ port: 8080, host: '0.0.0.0', metrics, isHealthy: () => true });
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const isReady =
    options.isReady ??
    (() => Promise.resolve<Readiness>(options.isHealthy() ? { ready: true } : { ready: false, reason: 'stopping' }));
  const notFound = (res: ServerResponse) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      const healthy = options.isHealthy();
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(healthy ? 'ok\n' : 'stopping\n');
      return;
    }
    if (req.method === 'GET' && path === '/healthz/live') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('live\n');
      return;
    }
    if (req.method === 'GET' && path === '/healthz/ready') {
      isReady().then(
        (state) =>
          state.ready
            ? res.writeHead(200, { 'content-type': 'text/plain' }).end('ready\n')
            : res.writeHead(503, { 'content-type': 'text/plain' }).end(`not ready: ${state.reason}\n`),
        () => res.writeHead(503, { 'content-type': 'text/plain' }).end('not ready\n'),
      );
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      options.metrics.render().then(
        (text) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (options.webhook !== undefined) {
      options
        .webhook(req, res, () => notFound(res))
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
      return;
    }
    notFound(res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
