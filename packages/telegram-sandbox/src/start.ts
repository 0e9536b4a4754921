import { CallLog } from './api/call-log';
import { createDispatcher } from './api/dispatch';
import { FailureQueue } from './api/failures';
import { RateLimiter } from './api/rate-limit';
import { createSandboxServer, listen } from './http/server';
import { METHODS } from './methods/index';
import { resolveOptions, type SandboxOptions } from './options';
import type { SandboxRuntime } from './runtime';
import { createSandbox, type Sandbox } from './sandbox';
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
  const dispatch = createDispatcher({ world, methods: METHODS, failures, log, rateLimiter: () => limiter });

  const server = createSandboxServer(world, dispatch, createWebHandler(world));
  const port = await listen(server.server, resolved.host, resolved.port);
  const host = resolved.host === '0.0.0.0' || resolved.host === '::' ? '127.0.0.1' : resolved.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const runtime: SandboxRuntime = { world, apiRoot: url, timeoutMs: resolved.timeoutMs };

  return createSandbox({
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
