import type { CallLog, RecordedCall } from './api/call-log';
import type { FailureQueue, InjectedFailure } from './api/failures';
import { RateLimiter, type RateLimitOptions } from './api/rate-limit';
import type { SandboxServer } from './http/server';
import { SandboxError, SandboxTimeoutError } from './errors';
import { resolveBotOptions, resolveRateLimit, type ResolvedOptions } from './options';
import type { TelegramUser } from './types';
import type { SandboxRuntime, WaitOptions } from './users/actor';
import { Group, type CreateGroupOptions, type SandboxGroup } from './users/group';
import { User, type CreateUserOptions, type SandboxUser } from './users/user';
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

/** The parts {@link SandboxInstance} is built from (see `start.ts`). */
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

/** The {@link Sandbox} implementation. */
export class SandboxInstance implements Sandbox {
  readonly url: string;
  readonly apiRoot: string;
  readonly webUrl: string;
  readonly port: number;
  private closing: Promise<void> | undefined;

  constructor(private readonly parts: SandboxParts) {
    this.url = parts.url;
    this.apiRoot = parts.url;
    this.webUrl = `${parts.url}/`;
    this.port = parts.port;
  }

  private get world() {
    return this.parts.runtime.world;
  }

  get token(): string {
    return this.world.defaultBot().token;
  }

  get tokens(): readonly string[] {
    return [...this.world.bots.keys()];
  }

  get bot(): TelegramUser {
    return this.world.defaultBot().user;
  }

  createUser(options: CreateUserOptions = {}): SandboxUser {
    const id = options.id ?? this.world.allocateUserId();
    if (!Number.isSafeInteger(id) || id <= 0) throw new SandboxError('INVALID_OPTIONS', `createUser: id must be a positive integer, got ${id}`);
    if (this.world.users.has(id)) throw new SandboxError('DUPLICATE_ID', `createUser: a user with id ${id} exists; omit id to get a fresh one.`);
    const user: TelegramUser = {
      id,
      is_bot: false,
      first_name: options.firstName ?? `Test User ${id}`,
      ...(options.lastName ? { last_name: options.lastName } : {}),
      ...(options.username ? { username: options.username } : {}),
      language_code: options.languageCode ?? 'en',
    };
    this.world.users.set(id, user);
    return new User(this.parts.runtime, user, this.world.defaultBot());
  }

  createGroup(options: CreateGroupOptions): SandboxGroup {
    const type = options.type ?? 'group';
    const number = options.id === undefined ? this.world.allocateGroupId() : 0;
    const id = options.id ?? (type === 'supergroup' ? -(1_000_000_000_000 + number) : -number);
    if (!Number.isSafeInteger(id) || id >= 0) throw new SandboxError('INVALID_OPTIONS', `createGroup: id must be a negative integer, got ${id}`);
    if (this.world.conversations.has(groupKey(id))) throw new SandboxError('DUPLICATE_ID', `createGroup: a group with id ${id} exists.`);
    const conversation = createConversation(groupKey(id), {
      id,
      type,
      title: options.title,
      ...(options.username ? { username: options.username } : {}),
    });
    for (const token of options.bots ?? [this.token]) {
      if (!this.world.bots.has(token)) throw new SandboxError('UNKNOWN_BOT', 'createGroup: a token in bots is not registered in this sandbox.');
      conversation.botTokens.add(token);
    }
    for (const member of options.members ?? []) conversation.memberIds.add(member.id);
    this.world.conversations.set(conversation.key, conversation);
    this.world.emit({ type: 'conversations' });
    return new Group(this.parts.runtime, conversation);
  }

  addBot(options: BotOptions): TelegramUser {
    const record = createBotRecord(resolveBotOptions(options, this.world.bots.size));
    if (this.world.bots.has(record.token) || this.world.botById(record.user.id)) {
      throw new SandboxError('DUPLICATE_ID', `addBot: a bot with id ${record.user.id} is already registered.`);
    }
    this.world.bots.set(record.token, record);
    return record.user;
  }

  waitForBot(options: WaitOptions & { token?: string } = {}): Promise<void> {
    const bot = this.world.bots.get(options.token ?? this.token);
    if (!bot) return Promise.reject(new SandboxError('UNKNOWN_BOT', 'waitForBot: no bot with that token in this sandbox.'));
    const timeoutMs = options.timeoutMs ?? this.parts.options.timeoutMs;
    return waitUntil(this.world, () => (bot.connected ? true : undefined), timeoutMs, () =>
      new SandboxTimeoutError(
        `@${bot.user.username} to connect (call getUpdates or setWebhook)`,
        timeoutMs,
        `Start the bot with apiRoot ${this.apiRoot} and the sandbox's token; ${this.calls().length} API calls were received so far.`,
      ),
    ).then(() => undefined);
  }

  calls(method?: string): RecordedCall[] {
    return this.parts.log.list(method);
  }

  failNext(method: string, failure: InjectedFailure, options: { times?: number } = {}): void {
    this.parts.failures.add(method, failure, options.times ?? 1);
  }

  setRateLimit(options: RateLimitOptions | false): void {
    this.parts.setLimiter(options ? new RateLimiter(resolveRateLimit(options), this.parts.options.now) : undefined);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.world.closed = true;
      for (const bot of this.world.bots.values()) bot.webhook?.stop();
      this.world.emit({ type: 'closed' });
      await this.parts.server.close();
    })();
    return this.closing;
  }
}
