import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { rateLimitSchema, type RateLimitOptions } from './api/rate-limit';
import { SandboxError } from './errors';
import { botIdOfToken, type BotOptions } from './world/bots';

/**
 * Options of {@link startSandbox}. All are optional: by default one bot with a generated token on
 * a free port of 127.0.0.1.
 */
export interface SandboxOptions {
  /** The port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** The interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** The token of the single bot (shorthand for `bots: [{ token }]`). @default a generated `<id>:<secret>` */
  token?: string;
  /** The bots the sandbox serves; users talk to the first unless told otherwise. */
  bots?: BotOptions[];
  /** A rate limit answered with `429 Too Many Requests: retry after N`. @default none */
  rateLimit?: RateLimitOptions | false;
  /** How long waits (`lastMessage`, `press`, `waitForBot`…) last unless told otherwise; keep it below jest's test timeout. @default 3000 */
  timeoutMs?: number;
  /** The clock, in milliseconds (message dates, rate limit windows). @default Date.now */
  now?: () => number;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  bots: Required<BotOptions>[];
  rateLimit: RateLimitOptions | undefined;
  timeoutMs: number;
  now: () => number;
}

const tokenSchema = z.string().refine((token) => botIdOfToken(token) !== undefined, {
  message: 'must look like "123456789:AAE-secret" (a numeric bot id, a colon, then letters, digits, _ or -)',
});

const botSchema = z.object({
  token: tokenSchema,
  username: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, 'must be 4–32 letters, digits or _, starting with a letter')
    .optional(),
  firstName: z.string().min(1).optional(),
});

const schema = z.object({
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  token: tokenSchema.optional(),
  bots: z.array(botSchema).min(1).optional(),
  rateLimit: z.union([rateLimitSchema, z.literal(false)]).optional(),
  timeoutMs: z.number().int().positive().optional(),
  now: z
    .custom<() => number>((value) => typeof value === 'function', 'must be a function returning milliseconds')
    .optional(),
});

/** Fills in the username and name of the `index`-th bot. */
function withBotDefaults(bot: z.output<typeof botSchema>, index: number): Required<BotOptions> {
  return {
    token: bot.token,
    username: bot.username ?? (index === 0 ? 'sandbox_bot' : `sandbox_bot_${index + 1}`),
    firstName: bot.firstName ?? (index === 0 ? 'Sandbox Bot' : `Sandbox Bot ${index + 1}`),
  };
}

/** `INVALID_OPTIONS` naming the first offending option (under `where`, e.g. `addBot: `) and the rule it breaks. */
function invalidOptions(error: z.ZodError, where: string, fallbackPath: string): SandboxError {
  const [issue] = error.issues;
  return new SandboxError(
    'INVALID_OPTIONS',
    `[@org/telegram-sandbox] ${where}${issue?.path.join('.') || fallbackPath} ${issue?.message ?? 'is invalid'}`,
  );
}

/**
 * Validates one more bot (`sandbox.addBot`), the `index`-th of the sandbox.
 *
 * @throws {SandboxError} `INVALID_OPTIONS`.
 */
export function resolveBotOptions(bot: BotOptions, index: number): Required<BotOptions> {
  const parsed = botSchema.safeParse(bot);
  if (!parsed.success) throw invalidOptions(parsed.error, 'addBot: ', 'bot');
  return withBotDefaults(parsed.data, index);
}

/**
 * Validates a rate limit set at run time (`sandbox.setRateLimit`).
 *
 * @throws {SandboxError} `INVALID_OPTIONS`.
 */
export function resolveRateLimit(options: RateLimitOptions): RateLimitOptions {
  const parsed = rateLimitSchema.safeParse(options);
  if (!parsed.success) throw invalidOptions(parsed.error, 'setRateLimit: ', 'options');
  return parsed.data;
}

/** A token shaped like Telegram's, for a sandbox started without one. */
export function generateToken(): string {
  return `${randomInt(100_000_000, 999_999_999)}:AA${randomBytes(25).toString('base64url')}`;
}

/**
 * Validates options once and fills in defaults.
 *
 * @throws {SandboxError} `INVALID_OPTIONS`, with the offending option and the fix.
 */
export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw invalidOptions(parsed.error, '', 'options');
  const value = parsed.data;
  if (value.token && value.bots) {
    throw new SandboxError('INVALID_OPTIONS', '[@org/telegram-sandbox] pass either token or bots, not both');
  }
  const bots = (value.bots ?? [{ token: value.token ?? generateToken() }]).map(withBotDefaults);
  const ids = bots.map((bot) => botIdOfToken(bot.token));
  if (new Set(ids).size !== ids.length) {
    throw new SandboxError(
      'INVALID_OPTIONS',
      '[@org/telegram-sandbox] bots must have distinct ids (the number before the colon of their tokens)',
    );
  }
  return {
    port: value.port ?? 0,
    host: value.host ?? '127.0.0.1',
    bots,
    rateLimit: value.rateLimit || undefined,
    timeoutMs: value.timeoutMs ?? 3000,
    now: value.now ?? Date.now,
  };
}
