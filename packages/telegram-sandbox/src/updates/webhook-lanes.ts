import type { TelegramUpdate } from '../types';

/**
 * The lane an update is posted in, as Telegram's Bot API server keys its webhook queues: messages
 * and edited messages by their chat, button presses by the user who pressed. Updates of one lane
 * are posted one at a time, in order; different lanes go in parallel.
 */
export function laneOf(update: TelegramUpdate): string {
  const message = update.message ?? update.edited_message;
  if (message) return `chat ${message.chat.id}`;
  if (update.callback_query) return `user ${update.callback_query.from.id}`;
  return `update ${update.update_id}`;
}

/** The longest wait before a lane whose post failed is tried again, ms. */
const MAX_RETRY_DELAY_MS = 2000;

/**
 * The webhook's lanes: which update each is posting, and how long a lane whose post failed waits
 * before its update is tried again (50 ms, doubling per failure in a row, at most 2 s).
 */
export class WebhookLanes {
  private readonly posting = new Map<string, number>();
  private readonly failures = new Map<string, { count: number; retryAt: number }>();

  constructor(private readonly maxConnections: number) {}

  /**
   * The updates to post now, from `pending` (oldest first): each lane's oldest update, unless the
   * lane is posting or waiting after a failure, while fewer than `maxConnections` posts are under
   * way. Each one returned counts as posting until {@link done}.
   */
  take(pending: readonly TelegramUpdate[], now: number): TelegramUpdate[] {
    const taken: TelegramUpdate[] = [];
    const passed = new Set<string>();
    for (const update of pending) {
      if (this.posting.size >= this.maxConnections) break;
      const lane = laneOf(update);
      if (passed.has(lane)) continue;
      passed.add(lane);
      if (this.posting.has(lane) || (this.failures.get(lane)?.retryAt ?? 0) > now) continue;
      this.posting.set(lane, update.update_id);
      taken.push(update);
    }
    return taken;
  }

  /** Records how the post of `update` ended at `now`. */
  done(update: TelegramUpdate, ok: boolean, now: number): void {
    const lane = laneOf(update);
    this.posting.delete(lane);
    if (ok) {
      this.failures.delete(lane);
      return;
    }
    const count = (this.failures.get(lane)?.count ?? 0) + 1;
    this.failures.set(lane, { count, retryAt: now + Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** count) });
  }

  /** How long until the first lane waiting after a failure may post again (ms), or undefined. */
  nextRetryIn(now: number): number | undefined {
    let next: number | undefined;
    for (const { retryAt } of this.failures.values())
      if (retryAt > now && (next === undefined || retryAt - now < next)) next = retryAt - now;
    return next;
  }
}
