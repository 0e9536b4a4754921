import { z } from 'zod';

/**
 * A rate limit answered like Telegram's flood control: `429 Too Many Requests: retry after N`.
 *
 * @example
 * ```ts
 * startSandbox({ rateLimit: { limit: 1, windowMs: 1000 } }); // one message per chat per second
 * ```
 */
export interface RateLimitOptions {
  /** How many calls are allowed per window. */
  limit: number;
  /** The window's length. @default 1000 */
  windowMs?: number | undefined;
  /** Count per chat (like Telegram's per-chat limit) rather than per bot. @default true */
  perChat?: boolean | undefined;
  /** The `retry_after` to answer, in seconds. @default the seconds until the window frees a slot */
  retryAfter?: number | undefined;
  /** Methods that count. @default sendMessage, sendPhoto, sendDocument and the editMessage* methods */
  methods?: string[] | undefined;
}

/** The schema of {@link RateLimitOptions}. */
export const rateLimitSchema = z.object({
  limit: z.number().int().positive(),
  windowMs: z.number().int().positive().optional(),
  perChat: z.boolean().optional(),
  retryAfter: z.number().int().positive().optional(),
  methods: z.array(z.string().min(1)).optional(),
});

/** Sliding-window counters per bot (or per bot and chat). */
export class RateLimiter {
  private readonly windowMs: number;
  private readonly methods: Set<string> | undefined;
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {
    this.windowMs = options.windowMs ?? 1000;
    this.methods = options.methods ? new Set(options.methods.map((m) => m.toLowerCase())) : undefined;
  }

  /** Whether calls of `method` count (`limited` is the method's own default). */
  appliesTo(method: string, limited: boolean): boolean {
    return this.methods ? this.methods.has(method.toLowerCase()) : limited;
  }

  /** The counter key of a call. */
  keyOf(token: string, chatId: unknown): string {
    return this.options.perChat === false ? token : `${token}|${String(chatId)}`;
  }

  /** `retry_after` in seconds if the call must be refused; otherwise records it and returns undefined. */
  take(key: string): number | undefined {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.options.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] as number;
      return this.options.retryAfter ?? Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return undefined;
  }
}
