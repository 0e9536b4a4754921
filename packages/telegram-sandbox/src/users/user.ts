import { SandboxError } from '../errors';
import type { TelegramUser } from '../types';
import type { BotRecord } from '../world/bots';
import type { SandboxRuntime } from '../runtime';
import { createActor, type ChatActor } from './actor';
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
  in(this: void, group: SandboxGroup): ChatActor;
  /** Acts as this user in their private chat with another bot of the sandbox. */
  withBot(this: void, token: string): ChatActor;
  /** The user blocks the bot: its messages to them fail with `403 Forbidden: bot was blocked by the user`. */
  blockBot(this: void, token?: string): void;
  /** Undoes {@link SandboxUser.blockBot}. */
  unblockBot(this: void, token?: string): void;
}

/**
 * The {@link SandboxUser} `user`, acting by default in their private chat with `defaultBot`. Their
 * actors in other chats are made once and kept, so each one's waits follow its own actions.
 */
export function createSandboxUser(runtime: SandboxRuntime, user: TelegramUser, defaultBot: BotRecord): SandboxUser {
  const { world } = runtime;
  const self = createActor(runtime, world.privateConversation(defaultBot, user), user);
  const otherBots = new Map<string, ChatActor>();

  const botOf = (token: string | undefined): BotRecord => {
    if (token === undefined) return defaultBot;
    const bot = world.bots.get(token);
    if (!bot)
      throw new SandboxError(
        'UNKNOWN_BOT',
        'No bot with that token in this sandbox: register it with addBot() or the bots option.',
      );
    return bot;
  };

  const sandboxUser: SandboxUser = {
    ...self,
    id: user.id,
    in: (group) => group.as(sandboxUser),
    withBot(token) {
      const bot = botOf(token);
      if (bot === defaultBot) return sandboxUser;
      let actor = otherBots.get(token);
      if (!actor) {
        actor = createActor(runtime, world.privateConversation(bot, user), user);
        otherBots.set(token, actor);
      }
      return actor;
    },
    blockBot(token) {
      botOf(token).blockedBy.add(user.id);
    },
    unblockBot(token) {
      botOf(token).blockedBy.delete(user.id);
    },
  };
  return sandboxUser;
}
