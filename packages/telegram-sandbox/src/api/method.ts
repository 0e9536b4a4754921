import type { z } from 'zod';
import type { BotRecord } from '../world/bots';
import type { World } from '../world/world';

/** What the sandbox offers methods besides the world: things wired at start-up. */
export interface MethodServices {
  /** Starts delivering the bot's updates to its webhook (stopping a previous delivery). */
  startWebhook(bot: BotRecord, url: string, secretToken: string | undefined, maxConnections: number): void;
}

/** One call of a method. */
export interface MethodContext {
  world: World;
  bot: BotRecord;
  services: MethodServices;
  /** Aborts when the bot's HTTP request goes away (e.g. a long poll the bot cancelled). */
  signal: AbortSignal;
}

/** A Bot API method: its parameter schema and what it does. */
export interface MethodDefinition {
  name: string;
  params: z.ZodType;
  /** Counts toward the configurable rate limit (methods that send or edit messages). */
  limited: boolean;
  run(params: unknown, context: MethodContext): unknown;
}

/** Declares a method with typed parameters. */
export function defineMethod<S extends z.ZodType>(definition: {
  name: string;
  params: S;
  limited?: boolean;
  run(params: z.output<S>, context: MethodContext): unknown;
}): MethodDefinition {
  return { limited: false, ...definition } as MethodDefinition;
}

/** A result that comes with a `description`, as `setWebhook`'s "Webhook was set". */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}
