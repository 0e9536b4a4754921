import { setTimeout as sleep } from 'node:timers/promises';
import { renderQueuePlace } from '@org/bot-formatting/plume';
import type { PlumeClient } from '@org/plume-sdk';
import type { BotContext } from '../context';
import type { QueueTicket } from '../queue/fair-queue';
import { isQueueBusyError } from '../queue/queue-busy-error';
import { deleteOne, editOne, replyOne, showTyping } from '../replies';
import type { Credentials } from '../storage/user-state';

/** How long a request waits before the person is shown their place. */
const FIRST_NOTICE_MS = 2000;
/**
 * The least time between two edits of one place message. With many people waiting it grows
 * (`EDIT_MS_PER_WAITING` per request waiting), so that one credential's queue never makes more
 * than about 10 edits a second: Telegram limits a bot's messages, edits included.
 */
const EDIT_EVERY_MS = 3000;
const EDIT_MS_PER_WAITING = 100;

/**
 * Shows `ticket`'s place from {@link FIRST_NOTICE_MS} on, edited in place as the queue moves, and
 * deletes it when the request starts (the answer follows) or leaves. Telegram failures here are
 * logged and otherwise ignored: the place is a courtesy, never a reason to fail the request.
 */
async function showPlace(
  ctx: BotContext,
  ticket: QueueTicket<unknown>,
  waiting: () => number,
  stop: AbortSignal,
): Promise<void> {
  let messageId: number | undefined;
  try {
    await sleep(FIRST_NOTICE_MS, undefined, { signal: stop });
    let shown: string | undefined;
    for (let place = ticket.place(); place !== undefined && !stop.aborted; place = ticket.place()) {
      const text = renderQueuePlace(place);
      if (text.text !== shown) {
        if (messageId === undefined) messageId = await replyOne(ctx, text);
        else await editOne(ctx, messageId, text);
        shown = text.text;
      }
      await sleep(Math.max(EDIT_EVERY_MS, waiting() * EDIT_MS_PER_WAITING), undefined, { signal: stop });
    }
  } catch (error) {
    if (!stop.aborted) ctx.services.logger.debug({ err: error }, 'Could not show a place in the queue');
  }
  if (messageId !== undefined) await deleteOne(ctx, messageId).catch(() => undefined);
}

/** One turn of {@link takeTurn}: waits in the queue (showing the place after about 2 s), then runs `work`. */
async function takeTurnOnce<T>(
  ctx: BotContext,
  credentials: Credentials,
  work: (client: PlumeClient, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { plume } = ctx.services;
  const client = plume.client(credentials);
  const queue = plume.queue(credentials);
  const ticket = queue.enqueue(String(ctx.from?.id ?? ctx.chat?.id ?? 0), (signal) => {
    showTyping(ctx);
    return work(client, signal);
  });
  if (ticket.place() === undefined) return ticket.result;
  const stop = new AbortController();
  const place = showPlace(ctx, ticket, () => queue.waiting(), stop.signal);
  // The place message goes as soon as the request starts, not when its answer is sent.
  void ticket.started.then(() => stop.abort());
  try {
    return await ticket.result;
  } finally {
    stop.abort();
    await place;
  }
}

/** Whether the person acting shares their workspace's Plume budget with others (a team, not someone alone). */
async function inTeam(ctx: BotContext): Promise<boolean> {
  const { team } = ctx.services;
  const membership = await team.membership(ctx.from?.id ?? 0);
  return membership !== null && (await team.members(membership.workspaceId)).length > 1;
}

/**
 * Runs `work` when it is this person's turn in the queue of `credentials` (people sharing a Plume
 * credential take turns, see the gateway). While they wait longer than about 2 s they see their
 * place ("⏳ 14 requests ahead of yours, about 5 s"), edited in place; "typing…" shows once the
 * work starts. `work` gets the client and a signal that aborts once the request is answered, so
 * nothing left over reaches Plume. When the queue is full and the person is in a team, they see
 * "⏳ The team's Plume budget is busy, retrying in N s" and the request is queued again once then,
 * as long as N is within the queue's longest wait; otherwise (or full again) the busy error goes up.
 *
 * @throws {QueueBusyError} when the wait would be longer than the queue allows (for a team: also after the retry).
 * @throws what `work` throws.
 * @example
 * const parts = await takeTurn(ctx, credentials, (client, signal) => VIEWS.status(client, location, signal));
 */
export async function takeTurn<T>(
  ctx: BotContext,
  credentials: Credentials,
  work: (client: PlumeClient, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await takeTurnOnce(ctx, credentials, work);
  } catch (error) {
    if (!isQueueBusyError(error) || error.retryAfterMs > error.maxWaitMs || !(await inTeam(ctx))) throw error;
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    const notice = await ctx.reply(`⏳ The team's Plume budget is busy, retrying in ${seconds} s.`);
    await sleep(seconds * 1000);
    await deleteOne(ctx, notice.message_id).catch(() => undefined);
    return takeTurnOnce(ctx, credentials, work);
  }
}
