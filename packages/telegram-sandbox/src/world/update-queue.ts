import type { TelegramUpdate } from '../types';

/** The kinds of update the sandbox produces. */
export type UpdateKind = 'message' | 'edited_message' | 'callback_query';

/**
 * A bot's pending updates, in order, with Telegram's confirmation rule: an update is dropped once
 * the bot asks for a higher `offset` (getUpdates) or its webhook answered 2xx for it.
 */
export class UpdateQueue {
  private pending: TelegramUpdate[] = [];
  private nextId: number;
  private readonly waiters = new Set<() => void>();
  /** Update kinds the bot asked for (`allowed_updates`); `undefined` means all. */
  allowedUpdates: readonly string[] | undefined;

  constructor(firstUpdateId = 1) {
    this.nextId = firstUpdateId;
  }

  /** Queues an update (unless its kind is filtered out) and wakes waiting polls. */
  push(kind: UpdateKind, body: Omit<TelegramUpdate, 'update_id'>): TelegramUpdate | undefined {
    if (this.allowedUpdates?.length && !this.allowedUpdates.includes(kind)) return undefined;
    const update = { update_id: this.nextId++, ...body };
    this.pending.push(update);
    for (const wake of [...this.waiters]) wake();
    return update;
  }

  /**
   * Applies getUpdates' `offset`: a positive one confirms every update below it; a negative one
   * keeps only the last `-offset` updates.
   */
  confirm(offset: number): void {
    if (offset > 0) this.pending = this.pending.filter((update) => update.update_id >= offset);
    else if (offset < 0) this.pending = this.pending.slice(offset);
  }

  /**
   * Drops one update, confirmed by the webhook's 2xx answer; the updates before it stay (their
   * posts, in other lanes, may still be under way).
   */
  remove(updateId: number): void {
    this.pending = this.pending.filter((update) => update.update_id !== updateId);
  }

  /** The first `limit` pending updates, without confirming them. */
  peek(limit: number): TelegramUpdate[] {
    return this.pending.slice(0, limit);
  }

  /** How many updates wait for the bot. */
  get size(): number {
    return this.pending.length;
  }

  /** Drops every pending update (`drop_pending_updates`). */
  clear(): void {
    this.pending = [];
  }

  /** Resolves when an update is pushed, after `timeoutMs`, or when `signal` aborts; whichever is first. */
  waitForPush(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
