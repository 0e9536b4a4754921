import type { TelegramBotCommand, TelegramUser } from '../types';
import { UpdateQueue } from './update-queue';

/** Where a bot's webhook points, and how its deliveries went. */
export interface WebhookState {
  url: string;
  secretToken: string | undefined;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
  /** Stops the delivery loop. */
  stop: () => void;
}

/** A long poll in progress, which a newer getUpdates call terminates. */
export interface ActivePoll {
  terminate: () => void;
}

/** Everything the sandbox knows about one bot. */
export interface BotRecord {
  token: string;
  user: TelegramUser;
  queue: UpdateQueue;
  webhook: WebhookState | undefined;
  activePoll: ActivePoll | undefined;
  /** Command lists by `scope|language_code`. */
  commands: Map<string, TelegramBotCommand[]>;
  /** Whether the bot has called getUpdates or set a webhook. */
  connected: boolean;
  /** Users who blocked the bot. */
  blockedBy: Set<number>;
}

const TOKEN = /^([1-9][0-9]{0,14}):([A-Za-z0-9_-]{1,100})$/;

/** The bot id of a token shaped like Telegram's (`123456:ABC-def…`), or `undefined`. */
export function botIdOfToken(token: string): number | undefined {
  const match = TOKEN.exec(token);
  return match ? Number(match[1]) : undefined;
}

/** Settings of one bot the sandbox serves. */
export interface BotOptions {
  /** The bot's token, `<bot id>:<secret>`. */
  token: string;
  /** The bot's username, without `@`. @default `sandbox_bot` (then `sandbox_bot_2`…) */
  username?: string;
  /** @default `Sandbox Bot` */
  firstName?: string;
}

/** A bot record with an empty queue, as registered at start or by `addBot`. */
export function createBotRecord(options: Required<BotOptions>): BotRecord {
  const id = botIdOfToken(options.token);
  if (id === undefined) throw new TypeError(`invalid bot token ${JSON.stringify(options.token)}`);
  return {
    token: options.token,
    user: {
      id,
      is_bot: true,
      first_name: options.firstName,
      username: options.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    },
    queue: new UpdateQueue(),
    webhook: undefined,
    activePoll: undefined,
    commands: new Map(),
    connected: false,
    blockedBy: new Set(),
  };
}
