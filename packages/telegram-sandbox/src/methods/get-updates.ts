import { z } from 'zod';
import { ERRORS } from '../api/api-error';
import { defineMethod, type MethodContext } from '../api/method';
import { int, json } from '../api/params';

/** Records that a bot reached the sandbox, for `waitForBot` and diagnostics. */
export function markConnected({ bot, world }: Pick<MethodContext, 'bot' | 'world'>): void {
  if (bot.connected) return;
  bot.connected = true;
  world.emit({ type: 'bot', token: bot.token });
}

/**
 * `getUpdates`: long polling with `offset` (confirms earlier updates; negative keeps the last
 * ones), `limit` (1–100) and `timeout` (seconds). A newer call ends a pending one with
 * `409 Conflict: terminated by other getUpdates request…`; while a webhook is set it answers 409.
 * Closing the sandbox answers a pending poll at once.
 */
export const getUpdates = defineMethod({
  name: 'getUpdates',
  params: z.object({
    offset: int('offset').optional(),
    limit: int('limit').optional(),
    timeout: int('timeout').optional(),
    allowed_updates: json(z.array(z.string())).optional(),
  }),
  run: async (params, context) => {
    const { bot, signal, world } = context;
    markConnected(context);
    if (bot.webhook) throw ERRORS.webhookActive();
    if (params.allowed_updates)
      bot.queue.allowedUpdates = params.allowed_updates.length ? params.allowed_updates : undefined;
    if (params.offset !== undefined) bot.queue.confirm(params.offset);
    const limit = Math.min(100, Math.max(1, params.limit ?? 100));
    bot.activePoll?.terminate();
    const ready = bot.queue.peek(limit);
    const timeoutSeconds = Math.max(0, params.timeout ?? 0);
    if (ready.length > 0 || timeoutSeconds === 0 || world.closed) return ready;

    const controller = new AbortController();
    let terminated = false;
    const poll = {
      terminate: () => {
        terminated = true;
        controller.abort();
      },
    };
    bot.activePoll = poll;
    const onGone = () => controller.abort();
    signal.addEventListener('abort', onGone, { once: true });
    // A closing sandbox answers the poll at once, so that its bot is not cut off mid-request.
    const unsubscribe = world.subscribe((event) => {
      if (event.type === 'closed') controller.abort();
    });
    try {
      await bot.queue.waitForPush(timeoutSeconds * 1000, controller.signal);
    } finally {
      unsubscribe();
      signal.removeEventListener('abort', onGone);
      if (bot.activePoll === poll) bot.activePoll = undefined;
    }
    if (terminated) throw ERRORS.terminatedByOtherPoll();
    return bot.webhook ? [] : bot.queue.peek(limit);
  },
});
