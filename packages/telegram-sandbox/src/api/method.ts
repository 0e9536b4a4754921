import type { z } from 'zod';
import type { BotRecord } from '../world/bots';
import type { World } from '../world/world';

/** One call of a method. */
export interface MethodContext {
  world: World;
  bot: BotRecord;
  /** Aborts when the bot's HTTP request goes away (e.g. a long poll the bot cancelled). */
  signal: AbortSignal;
  /** Runs another call as the same bot, e.g. the method a webhook answered with; resolves once answered. */
  callAsBot(this: void, method: string, params: Record<string, unknown>): Promise<void>;
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
  return { limited: false, ...definition };
}

/** A result that comes with a `description`, as `setWebhook`'s "Webhook was set". */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}
