import { telegrafEntities } from '@org/bot-formatting/telegraf';
import { TelegramError, type Telegram } from 'telegraf';
import type { Logger } from '../logger';
import type { Outbox, OutboxRow } from '../storage/outbox';
import { privateChatDelivery, type Delivery, type DeliveryFor } from './delivery';
import { renderNotification } from './render-notification';
import { createTelegramPace, type TelegramPace } from './telegram-pace';
import { createLoop, realTimers, type Timers } from './timers';

export interface RelayOptions {
  outbox: Outbox;
  telegram: Pick<Telegram, 'sendMessage'>;
  logger: Logger;
  /** Where each row goes. @default the person's private chat, with sound */
  deliveryFor?: DeliveryFor;
  clock?: () => number;
  timers?: Timers;
  pace?: TelegramPace;
  /** Rows read per pass. @default 200 */
  batch?: number;
  /**
   * A group the row was for became a supergroup (Telegram's 400 with `migrate_to_chat_id`): move
   * what points at the old id (alert routes) before the row is sent again, to the new chat.
   */
  onChatMigrated?: (fromChatId: number, toChatId: number) => void | Promise<void>;
  /** Called after each row is sent, with how long it waited since it was written (ms). */
  onSent?: (row: OutboxRow, waitedMs: number) => void;
}

/** Sends the outbox. */
export interface Relay {
  /** Starts sending (after putting back what a crash left half-sent). */
  start(): void;
  /** Looks for new rows now (the monitor calls it after a commit). */
  wake(): void;
  /** Stops after the message being sent, if any. */
  stop(): Promise<void>;
}

/** Back-off after a failure that is neither a 429 nor a refusal: 2 s, 4 s … at most 5 minutes. */
const backoffMs = (attempts: number) => Math.min(300_000, 1000 * 2 ** Math.min(attempts, 9));

const NO_PREVIEW = { is_disabled: true } as const;

/**
 * The relay: sends pending outbox rows oldest first within Telegram's limits (see
 * {@link createTelegramPace}), keeping each chat's order; a recovery replies to its alert.
 * - 429: the chat waits Telegram's `retry_after`, then the row is sent again.
 * - 403 (the person blocked the bot): deliveries to that chat are paused — this row and later ones
 *   wait, parked, until the person writes to the bot again — instead of being retried for ever.
 * - 400 with `migrate_to_chat_id` (a group became a supergroup): `onChatMigrated` moves the routes,
 *   and the row is sent again, to the supergroup.
 * - another 400: Telegram will never take it; the row is marked failed and logged.
 * - anything else (network, 5xx): retried with back-off.
 *
 * Each pass claims the due rows for a lease (see {@link Outbox}): relays on several replicas share
 * the outbox, each row sent by one of them, a person's rows in order. A row is marked `sending`
 * before Telegram is called and `sent` right after it answers: if the relay dies in between, the
 * row is sent again (by its restart, or by another relay when the lease runs out). That is the
 * only duplicate window.
 */
export function createRelay(options: RelayOptions): Relay {
  const { outbox, telegram, logger } = options;
  const clock = options.clock ?? Date.now;
  const pace = options.pace ?? createTelegramPace();
  const deliveryFor = options.deliveryFor ?? privateChatDelivery;
  const batch = options.batch ?? 200;

  async function send(row: OutboxRow, delivery: Delivery): Promise<void> {
    const chatId = delivery.chatId;
    if (!(await outbox.sending(row.id, clock()))) {
      logger.warn({ outboxId: row.id }, 'A notification’s claim ran out before it was sent: another relay sends it');
      return;
    }
    try {
      const rendered = renderNotification(row, clock(), delivery.timeZone);
      const alert =
        row.kind === 'resolved' && row.incidentId !== null
          ? await outbox.alertMessage(row.incidentId, row.userId)
          : undefined;
      const replyTo = alert !== undefined && alert.chatId === chatId ? alert.messageId : undefined;
      let first: number | undefined;
      for (const [index, part] of rendered.parts.entries()) {
        const last = index === rendered.parts.length - 1;
        const message = await telegram.sendMessage(chatId, part.text, {
          entities: telegrafEntities(part),
          link_preview_options: NO_PREVIEW,
          disable_notification: delivery.disableNotification,
          ...(delivery.messageThreadId === undefined ? {} : { message_thread_id: delivery.messageThreadId }),
          ...(index === 0 && replyTo !== undefined
            ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
            : {}),
          ...(last && rendered.keyboard !== undefined ? { reply_markup: rendered.keyboard } : {}),
        });
        pace.sent(chatId, clock());
        first ??= message.message_id;
      }
      const now = clock();
      await outbox.sent(row.id, chatId, first ?? 0, now);
      options.onSent?.(row, now - row.createdAt);
      logger.info({ outboxId: row.id, kind: row.kind, incidentId: row.incidentId, chatId }, 'Notification sent');
    } catch (error) {
      const migratedTo = error instanceof TelegramError ? error.parameters?.migrate_to_chat_id : undefined;
      if (migratedTo !== undefined && options.onChatMigrated !== undefined) {
        await options.onChatMigrated(chatId, migratedTo);
        await outbox.retry(row.id, clock(), 'the group became a supergroup');
        logger.info(
          { outboxId: row.id, from: chatId, to: migratedTo },
          'The group became a supergroup: its routes follow it',
        );
        return;
      }
      await failed(row, chatId, error);
    }
  }

  async function failed(row: OutboxRow, chatId: number, error: unknown): Promise<void> {
    const now = clock();
    const ids = { outboxId: row.id, kind: row.kind, chatId };
    if (error instanceof TelegramError && error.code === 429) {
      const seconds = Number(error.parameters?.retry_after ?? 1);
      const until = now + Math.max(1, seconds) * 1000;
      pace.holdChat(chatId, until);
      await outbox.retry(row.id, until, '429');
      logger.warn({ ...ids, retryAfter: seconds }, 'Telegram asked to slow down; the notification waits');
    } else if (error instanceof TelegramError && error.code === 403) {
      await outbox.pause(row.id, chatId, error.description, now);
      logger.warn({ ...ids }, 'The chat refuses the bot (blocked?): deliveries to it are paused until it writes again');
    } else if (error instanceof TelegramError && error.code === 400) {
      await outbox.fail(row.id, error.description);
      logger.error({ ...ids, err: error }, 'Telegram refused a notification; it is dropped');
    } else {
      await outbox.retry(row.id, now + backoffMs(row.attempts), error instanceof Error ? error.message : String(error));
      logger.warn({ ...ids, err: error }, 'Sending a notification failed; it will be retried');
    }
  }

  /** Before the first pass: what this relay had claimed when it stopped is due again at once. */
  let recovered = false;
  async function recover(): Promise<void> {
    const count = await outbox.recover();
    recovered = true;
    if (count > 0)
      logger.warn({ notifications: count }, 'Notifications being sent when the bot stopped are sent again');
  }

  async function pass(): Promise<number | undefined> {
    if (!recovered) await recover();
    const rows = await outbox.claim(clock(), batch);
    const held = new Set(rows.map((row) => row.id));
    const waiting = new Set<number>();
    let wakeAt: number | undefined;
    try {
      for (const row of rows) {
        if (stopped) return undefined;
        const delivery = await deliveryFor(row.userId, clock());
        const chatId = delivery.chatId;
        if (waiting.has(chatId)) continue;
        if (await outbox.isPaused(chatId)) {
          held.delete(row.id);
          await outbox.park(row.id, chatId);
          continue;
        }
        const readyAt = pace.readyAt(chatId, clock());
        if (readyAt > clock()) {
          waiting.add(chatId);
          wakeAt = Math.min(wakeAt ?? readyAt, readyAt);
          continue;
        }
        held.delete(row.id);
        await send(row, delivery);
      }
    } finally {
      // What this pass claimed and did not send (its chat waits, or the relay stops) is due again for any relay.
      for (const id of held) await outbox.release(id);
    }
    if (rows.length === batch) return wakeAt === undefined ? clock() : Math.min(wakeAt, clock() + 100);
    const next = await outbox.nextDueAt(clock());
    if (next === undefined) return wakeAt;
    return Math.min(wakeAt ?? next, next);
  }

  let stopped = false;
  const loop = createLoop(pass, {
    clock,
    timers: options.timers ?? realTimers,
    onError: (error) => logger.error({ err: error }, 'The notification relay failed; it tries again shortly'),
  });
  return {
    start() {
      loop.wake();
    },
    wake: () => loop.wake(),
    async stop() {
      stopped = true;
      await loop.stop();
    },
  };
}
