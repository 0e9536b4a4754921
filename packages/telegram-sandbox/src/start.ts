import { CallLog } from './api/call-log';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { FailureQueue } from './api/failures';
import type { MethodServices } from './api/method';
import { RateLimiter } from './api/rate-limit';
import { createSandboxServer, listen } from './http/server';
import { METHODS } from './methods/index';
import { resolveOptions, type SandboxOptions } from './options';
import { SandboxInstance, type Sandbox } from './sandbox';
import { startWebhookDelivery } from './updates/webhook';
import type { SandboxRuntime } from './users/actor';
import { createWebHandler } from './web/routes';
import { createBotRecord } from './world/bots';
import { World } from './world/world';

/**
 * Starts a local Telegram Bot API stand-in with a web chat. Point a bot at `apiRoot` with the
 * sandbox's `token`, then act as users from code (`createUser`) or from the page at `webUrl`.
 *
 * @throws {SandboxError} `INVALID_OPTIONS` for options it cannot use; the port's listen error as is.
 * @example
 * ```ts
 * const sandbox = await startSandbox();
 * const bot = new Telegraf(sandbox.token, { telegram: { apiRoot: sandbox.apiRoot } });
 * bot.command('ping', (ctx) => ctx.reply('pong'));
 * bot.launch(() => undefined);
 * const ann = sandbox.createUser({ firstName: 'Ann' });
 * await ann.send('/ping');
 * console.log((await ann.lastMessage()).text); // "pong"
 * bot.stop();
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const world = new World(resolved.now);
  for (const bot of resolved.bots) world.bots.set(bot.token, createBotRecord(bot));
  const log = new CallLog();
  const failures = new FailureQueue();
  let limiter = resolved.rateLimit ? new RateLimiter(resolved.rateLimit, resolved.now) : undefined;

  const services: MethodServices = {
    startWebhook: (bot, url, secretToken, maxConnections) => {
      bot.webhook?.stop();
      bot.webhook = startWebhookDelivery(world, bot, { url, secretToken, maxConnections }, async (from, method, params) => {
        await dispatch(from.token, method, params, new AbortController().signal);
      });
    },
  };
  // The webhook's reply runner above calls `dispatch` only once updates flow, after this line.
  const dispatch: Dispatch = createDispatcher({ world, methods: METHODS, services, failures, log, rateLimiter: () => limiter });

  const runtime: SandboxRuntime = { world, apiRoot: '', timeoutMs: resolved.timeoutMs };
  const server = createSandboxServer(world, dispatch, createWebHandler(runtime));
  const port = await listen(server.server, resolved.host, resolved.port);
  const host = resolved.host === '0.0.0.0' || resolved.host === '::' ? '127.0.0.1' : resolved.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  runtime.apiRoot = url;

  return new SandboxInstance({
    options: resolved,
    runtime,
    server,
    url,
    port,
    log,
    failures,
    setLimiter: (next) => {
      limiter = next;
    },
  });
}
