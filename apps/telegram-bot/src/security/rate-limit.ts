import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

export interface RateLimitOptions {
  /** Actions allowed per minute and per user, also the size of a burst. */
  perMinute: number;
  clock?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
  warned: boolean;
}

/**
 * A token bucket per user: a burst of `perMinute` actions, refilled evenly over a minute. It keeps
 * one user from spending the partner's Plume budget (Plume's WAF allows 2,000 calls in 5 minutes
 * per IP, for every user of the bot together). Past the limit the user is told once how long to
 * wait; further updates in that stretch are dropped (a button press still gets its answer).
 */
export function rateLimit(options: RateLimitOptions): MiddlewareFn<BotContext> {
  const clock = options.clock ?? Date.now;
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<number, Bucket>();

  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined) return next();
    const now = clock();
    const bucket = buckets.get(userId) ?? { tokens: capacity, at: now, warned: false };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      buckets.set(userId, bucket);
      if (buckets.size > 10_000)
        for (const [id, b] of buckets) if (b.tokens >= capacity - 1 && id !== userId) buckets.delete(id);
      return next();
    }
    buckets.set(userId, bucket);
    ctx.services.metrics.rateLimited.inc();
    const seconds = Math.ceil((1 - bucket.tokens) / perMs / 1000);
    const text = `You're going a little fast: please wait ${seconds} s. This keeps your Plume API budget safe.`;
    if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(text).catch(() => undefined);
    else if (!bucket.warned) await ctx.reply(text).catch(() => undefined);
    bucket.warned = true;
  };
}
