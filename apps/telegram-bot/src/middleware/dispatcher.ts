import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

/** Runs updates off telegraf's polling loop: one queue per user, users in parallel. */
export interface UpdateDispatcher {
  middleware: MiddlewareFn<BotContext>;
  /** Updates accepted and not yet finished. */
  inFlight(): number;
  /** Resolves once every accepted update has finished. */
  idle(): Promise<void>;
}

/**
 * telegraf's long polling awaits a whole batch of updates before fetching the next, so one slow
 * Plume call would hold up every user. This middleware returns at once and runs the rest of the
 * chain on a per-user queue: one user's updates keep their order (a /setup answer can't overtake
 * the /setup), different users never wait for each other. Errors are the error boundary's job,
 * which runs inside the queue; anything escaping it is passed to `onError`.
 */
export function createUpdateDispatcher(onError: (error: unknown) => void): UpdateDispatcher {
  const queues = new Map<string, Promise<void>>();
  let running = 0;
  let waiters: Array<() => void> = [];

  const settle = () => {
    running -= 1;
    if (running === 0) {
      const done = waiters;
      waiters = [];
      done.forEach((resolve) => resolve());
    }
  };

  return {
    middleware(ctx, next) {
      const key = String(ctx.from?.id ?? ctx.chat?.id ?? 'anonymous');
      running += 1;
      const previous = queues.get(key) ?? Promise.resolve();
      const current = previous.then(() => next()).catch(onError).finally(settle);
      queues.set(key, current);
      void current.then(() => {
        if (queues.get(key) === current) queues.delete(key);
      });
      return Promise.resolve();
    },
    inFlight: () => running,
    idle: () => (running === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
