import type { CallLog, RecordedCall } from './api/call-log';
import type { FailureQueue, InjectedFailure } from './api/failures';
import { RateLimiter, type RateLimitOptions } from './api/rate-limit';
import type { SandboxServer } from './http/server';
import { SandboxError, SandboxTimeoutError } from './errors';
import { fileInfo, type SandboxFile } from './file-info';
import { resolveBotOptions, resolveRateLimit, type ResolvedOptions } from './options';
import type { TelegramMessage, TelegramUser } from './types';
import type { SandboxRuntime } from './runtime';
import type { WaitOptions } from './users/actor';
import { createSandboxGroup, type CreateGroupOptions, type SandboxGroup } from './users/group';
import { createSandboxUser, type CreateUserOptions, type SandboxUser } from './users/user';
import { waitUntil } from './users/wait';
import { createBotRecord, type BotOptions } from './world/bots';
import { createConversation, groupKey } from './world/conversations';

/**
 * A running stand-in for the Telegram Bot API, with its users and web chat.
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox();
 * const bot = new Telegraf(sandbox.token, { telegram: { apiRoot: sandbox.apiRoot } });
 * ```
 */
export interface Sandbox {
  /** The server's base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** What bots use as API root: telegraf's `telegram.apiRoot`, grammY's `client.apiRoot`. */
  readonly apiRoot: string;
  /** The web chat page, to open in a browser. */
  readonly webUrl: string;
  readonly port: number;
  /** The first bot's token. */
  readonly token: string;
  /** Every bot's token, the first bot's first. */
  readonly tokens: readonly string[];
  /** The first bot, as getMe returns it. */
  readonly bot: TelegramUser;
  /** Adds a user, who can at once write to the bots. @throws {SandboxError} `DUPLICATE_ID` */
  createUser(options?: CreateUserOptions): SandboxUser;
  /** Adds a group chat with members and bots. @throws {SandboxError} `DUPLICATE_ID`, `UNKNOWN_BOT` */
  createGroup(options: CreateGroupOptions): SandboxGroup;
  /** Registers another bot token; returns its getMe. */
  addBot(options: BotOptions): TelegramUser;
  /** Resolves once the bot has called getUpdates or set a webhook. @throws {SandboxTimeoutError} */
  waitForBot(options?: WaitOptions & { token?: string }): Promise<void>;
  /** The Bot API calls answered so far (optionally of one method), oldest first. */
  calls(method?: string): RecordedCall[];
  /**
   * A stored file with its bytes: of a file_id, or of a message's photo (largest size) or document.
   * @throws {SandboxError} `INVALID_INPUT` (a message without either), `FILE_NOT_FOUND`
   * @example
   * const chart = await user.waitForMessage((m) => m.photo !== undefined);
   * const { data, width, height } = sandbox.file(chart);
   */
  file(target: string | TelegramMessage): SandboxFile;
  /** Makes the next `times` calls of `method` (`'*'` for any) fail with `failure` instead of running. */
  failNext(method: string, failure: InjectedFailure, options?: { times?: number }): void;
  /** Replaces (or with `false` removes) the rate limit. @throws {SandboxError} `INVALID_OPTIONS` */
  setRateLimit(options: RateLimitOptions | false): void;
  /**
   * Stops the server: ends long polls (with the updates pending, if any), webhook deliveries, web
   * pages and pending waits; API calls already under way are still answered. Stop your bot first.
   */
  close(): Promise<void>;
}

/** What a {@link Sandbox} is built from, once its server listens (see `start.ts`). */
export interface SandboxParts {
  options: ResolvedOptions;
  runtime: SandboxRuntime;
  server: SandboxServer;
  url: string;
  port: number;
  log: CallLog;
  failures: FailureQueue;
  setLimiter: (limiter: RateLimiter | undefined) => void;
}

/** The {@link Sandbox} over a running server. */
export function createSandbox(parts: SandboxParts): Sandbox {
  const { runtime, options, log, failures } = parts;
  const { world } = runtime;
  let closing: Promise<void> | undefined;

  const sandbox: Sandbox = {
    url: parts.url,
    apiRoot: runtime.apiRoot,
    webUrl: `${parts.url}/`,
    port: parts.port,

    get token() {
      return world.defaultBot().token;
    },

    get tokens() {
      return [...world.bots.keys()];
    },

    get bot() {
      return world.defaultBot().user;
    },

    createUser(userOptions = {}) {
      const id = userOptions.id ?? world.allocateUserId();
      if (!Number.isSafeInteger(id) || id <= 0)
        throw new SandboxError('INVALID_OPTIONS', `createUser: id must be a positive integer, got ${id}`);
      if (world.users.has(id))
        throw new SandboxError('DUPLICATE_ID', `createUser: a user with id ${id} exists; omit id to get a fresh one.`);
      const user: TelegramUser = {
        id,
        is_bot: false,
        first_name: userOptions.firstName ?? `Test User ${id}`,
        ...(userOptions.lastName ? { last_name: userOptions.lastName } : {}),
        ...(userOptions.username ? { username: userOptions.username } : {}),
        language_code: userOptions.languageCode ?? 'en',
      };
      world.users.set(id, user);
      return createSandboxUser(runtime, user, world.defaultBot());
    },

    createGroup(groupOptions) {
      const forum = groupOptions.forum === true;
      if (forum && groupOptions.type === 'group')
        throw new SandboxError(
          'INVALID_OPTIONS',
          'createGroup: a forum is a supergroup; drop type or set it to supergroup.',
        );
      const type = groupOptions.type ?? (forum ? 'supergroup' : 'group');
      const number = groupOptions.id === undefined ? world.allocateGroupId() : 0;
      const id = groupOptions.id ?? (type === 'supergroup' ? -(1_000_000_000_000 + number) : -number);
      if (!Number.isSafeInteger(id) || id >= 0)
        throw new SandboxError('INVALID_OPTIONS', `createGroup: id must be a negative integer, got ${id}`);
      if (world.conversations.has(groupKey(id)))
        throw new SandboxError('DUPLICATE_ID', `createGroup: a group with id ${id} exists.`);
      const conversation = createConversation(groupKey(id), {
        id,
        type,
        title: groupOptions.title,
        ...(groupOptions.username ? { username: groupOptions.username } : {}),
        ...(forum ? { is_forum: true } : {}),
      });
      for (const token of groupOptions.bots ?? [sandbox.token]) {
        if (!world.bots.has(token))
          throw new SandboxError('UNKNOWN_BOT', 'createGroup: a token in bots is not registered in this sandbox.');
        conversation.botTokens.add(token);
      }
      for (const member of groupOptions.members ?? []) conversation.memberIds.add(member.id);
      for (const admin of groupOptions.admins ?? []) {
        conversation.memberIds.add(admin.id);
        conversation.admins.set(admin.id, 'administrator');
      }
      if (groupOptions.owner !== undefined) {
        conversation.memberIds.add(groupOptions.owner.id);
        conversation.admins.set(groupOptions.owner.id, 'creator');
      }
      world.conversations.set(conversation.key, conversation);
      world.emit({ type: 'conversations' });
      return createSandboxGroup(runtime, conversation);
    },

    addBot(botOptions) {
      const record = createBotRecord(resolveBotOptions(botOptions, world.bots.size));
      if (world.bots.has(record.token) || world.botById(record.user.id)) {
        throw new SandboxError('DUPLICATE_ID', `addBot: a bot with id ${record.user.id} is already registered.`);
      }
      world.bots.set(record.token, record);
      return record.user;
    },

    waitForBot(waitOptions = {}) {
      const bot = world.bots.get(waitOptions.token ?? sandbox.token);
      if (!bot)
        return Promise.reject(new SandboxError('UNKNOWN_BOT', 'waitForBot: no bot with that token in this sandbox.'));
      const timeoutMs = waitOptions.timeoutMs ?? options.timeoutMs;
      return waitUntil(
        world,
        () => (bot.connected ? true : undefined),
        timeoutMs,
        () =>
          new SandboxTimeoutError(
            `@${bot.user.username} to connect (call getUpdates or setWebhook)`,
            timeoutMs,
            `Start the bot with apiRoot ${runtime.apiRoot} and the sandbox's token; ${log.list().length} API calls were received so far.`,
          ),
      ).then(() => undefined);
    },

    calls: (method) => log.list(method),

    file: (target) => fileInfo(world.files, target),

    failNext(method, failure, failOptions = {}) {
      failures.add(method, failure, failOptions.times ?? 1);
    },

    setRateLimit(rateLimit) {
      parts.setLimiter(rateLimit ? new RateLimiter(resolveRateLimit(rateLimit), options.now) : undefined);
    },

    close() {
      closing ??= (async () => {
        world.closed = true;
        for (const bot of world.bots.values()) bot.webhook?.stop();
        world.emit({ type: 'closed' });
        await parts.server.close();
      })();
      return closing;
    },
  };
  return sandbox;
}
