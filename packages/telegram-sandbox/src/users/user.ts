import { SandboxError } from '../errors';
import type { TelegramUser } from '../types';
import type { BotRecord } from '../world/bots';
import { ConversationActor, type ChatActor, type SandboxRuntime } from './actor';
import type { SandboxGroup } from './group';

/** Who a sandbox user is. */
export interface CreateUserOptions {
  /** A positive id, also the id of their private chats. @default 1001, 1002… */
  id?: number;
  /** @default `Test User <id>` */
  firstName?: string;
  lastName?: string;
  /** Without `@`. */
  username?: string;
  /** @default 'en' */
  languageCode?: string;
}

/**
 * A person using Telegram. As a {@link ChatActor} it acts in its private chat with the sandbox's
 * first bot; `in(group)` and `withBot(token)` reach other chats.
 *
 * @example
 * ```ts
 * const ann = sandbox.createUser({ firstName: 'Ann' });
 * await ann.send('/status');
 * expect((await ann.lastMessage()).text).toContain('Online');
 * ```
 */
export interface SandboxUser extends ChatActor {
  readonly id: number;
  /** Acts as this user in a group they belong to. */
  in(group: SandboxGroup): ChatActor;
  /** Acts as this user in their private chat with another bot of the sandbox. */
  withBot(token: string): ChatActor;
  /** The user blocks the bot: its messages to them fail with `403 Forbidden: bot was blocked by the user`. */
  blockBot(token?: string): void;
  /** Undoes {@link SandboxUser.blockBot}. */
  unblockBot(token?: string): void;
}

/** The {@link SandboxUser} implementation. */
export class User extends ConversationActor implements SandboxUser {
  private readonly otherBots = new Map<string, ChatActor>();

  constructor(runtime: SandboxRuntime, user: TelegramUser, private readonly defaultBot: BotRecord) {
    super(runtime, runtime.world.privateConversation(defaultBot, user), user);
  }

  get id(): number {
    return this.user.id;
  }

  in(group: SandboxGroup): ChatActor {
    return group.as(this);
  }

  withBot(token: string): ChatActor {
    const bot = this.botOf(token);
    if (bot === this.defaultBot) return this;
    let actor = this.otherBots.get(token);
    if (!actor) {
      actor = new ConversationActor(this.runtime, this.runtime.world.privateConversation(bot, this.user), this.user);
      this.otherBots.set(token, actor);
    }
    return actor;
  }

  blockBot(token?: string): void {
    this.botOf(token).blockedBy.add(this.id);
  }

  unblockBot(token?: string): void {
    this.botOf(token).blockedBy.delete(this.id);
  }

  private botOf(token: string | undefined): BotRecord {
    if (token === undefined) return this.defaultBot;
    const bot = this.runtime.world.bots.get(token);
    if (!bot) throw new SandboxError('UNKNOWN_BOT', 'No bot with that token in this sandbox: register it with addBot() or the bots option.');
    return bot;
  }
}
