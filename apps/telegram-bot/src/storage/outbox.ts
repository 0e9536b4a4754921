import type { MonitoringDatabase, SqlValue } from './monitoring-db';
import type { OutboxBody, OutboxKind } from './outbox-body';
import { claimRows } from './outbox-claim';

/** A notification waiting to be sent. */
export interface OutboxRow {
  id: number;
  userId: number;
  kind: OutboxKind;
  incidentId: number | null;
  body: OutboxBody;
  attempts: number;
  createdAt: number;
}

/** Counts for /metrics. */
export interface OutboxStats {
  pending: number;
  paused: number;
  sent: number;
  failed: number;
  /** Age of the oldest pending row, ms (0 when none). */
  oldestPendingMs: number;
}

/**
 * The relay's side of the notification outbox, for one relay (`owner`) among any number sharing
 * the database. A relay claims due rows for a lease (`claim`); a claimed row waits for its owner,
 * who marks it `sending` just before Telegram is called and `sent` after it answered, or gives it
 * back. A row whose lease ran out (its relay died) is claimed by another relay and sent.
 *
 * The one duplicate window: a relay sent a row and died (or stalled past the lease) before marking
 * it sent. The row is still `sending`; once the lease runs out another relay claims it and sends
 * it again (and a restarted owner, in {@link Outbox.recover}, at once). Each notification is
 * otherwise sent once. Every write commits before its promise resolves.
 */
export interface Outbox {
  /**
   * At start: gives back what this owner had claimed before it stopped, so it is sent at once
   * rather than when the lease runs out; returns how many were `sending` (each may be a duplicate).
   */
  recover(): Promise<number>;
  /**
   * Claims up to `limit` rows due at `now` (pending, or claimed under a lease that ran out), oldest
   * first, for `leaseMs`. A row is left while an earlier one of the same person is being sent or
   * claimed by another relay, so a person's notifications keep their order across relays.
   */
  claim(now: number, limit: number): Promise<OutboxRow[]>;
  /** Gives back a claimed row not sent now (its chat must wait): due again at once for any relay. */
  release(id: number): Promise<void>;
  /**
   * Marks a claimed row as being sent, just before Telegram is called, renewing the lease; false
   * when the row is no longer this owner's (its lease ran out and another relay claimed it): then
   * it must not be sent.
   */
  sending(id: number, now: number): Promise<boolean>;
  /** When the next row is due after `after` (epoch ms: a retry, or a lease running out), or undefined. */
  nextDueAt(after: number): Promise<number | undefined>;
  /** Marks a row sent, with where it went. */
  sent(id: number, chatId: number, messageId: number, at: number): Promise<void>;
  /** Puts a row back to pending, due at `at`. */
  retry(id: number, at: number, error: string): Promise<void>;
  /** Gives up on a row (Telegram refused it for good). */
  fail(id: number, error: string): Promise<void>;
  /** Pauses deliveries to `chatId` (the person blocked the bot): this row and any later one for it wait. */
  pause(id: number, chatId: number, reason: string, at: number): Promise<void>;
  /** Whether deliveries to `chatId` are paused. */
  isPaused(chatId: number): Promise<boolean>;
  /** Parks a row for a paused chat. */
  park(id: number, chatId: number): Promise<void>;
  /** Resumes a paused chat (the person wrote again): its parked rows are pending again. Returns how many. */
  resume(chatId: number): Promise<number>;
  /** Where the alert of `incidentId` was sent to `userId`, for a recovery to reply to it. */
  alertMessage(incidentId: number, userId: number): Promise<{ chatId: number; messageId: number } | undefined>;
  stats(now: number): Promise<OutboxStats>;
}

/** How long a relay's claim holds by default (`OUTBOX_LEASE_SECONDS`): 60 s. */
export const DEFAULT_OUTBOX_LEASE_MS = 60_000;

export interface OutboxOptions {
  /** Who claims: one name per relay (replica), the same across its restarts when it can be. */
  owner: string;
  /** How long a claim holds, ms: longer than sending one pass of rows takes. @default 60 s */
  leaseMs?: number;
}

/** Written by this owner's claim, still held: `$2` the owner. */
const MINE = `state IN ('pending', 'sending') AND claimed_by = $2`;

/**
 * The {@link Outbox} on the monitoring database (SQLite or PostgreSQL). A claim selects the oldest
 * claimable rows, on PostgreSQL `FOR UPDATE SKIP LOCKED` (two relays claiming at once get different
 * rows, neither waits), then keeps those with no earlier row of the same person in flight: being
 * sent, claimed by another relay, or locked by a concurrent claim.
 * @example const outbox = createOutbox(openMonitoringDatabase(file), { owner: 'replica-1' }); await outbox.recover() // 0
 */
export function createOutbox(database: MonitoringDatabase, options: OutboxOptions): Outbox {
  const { owner } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS;

  /** Changes a row this owner holds; nothing when its lease was taken over meanwhile. */
  const ifMine = (set: string, id: number, params: readonly SqlValue[]) =>
    database.read((sql) =>
      sql.run(`UPDATE outbox SET ${set}, claimed_by = NULL, lease_until = NULL WHERE id = $1 AND ${MINE}`, [
        id,
        owner,
        ...params,
      ]),
    );

  return {
    recover() {
      return database.transaction(function* (tx) {
        const sending = yield* tx.run(
          `UPDATE outbox SET state = 'pending', claimed_by = NULL, lease_until = NULL
           WHERE state = 'sending' AND (claimed_by = $1 OR claimed_by IS NULL)`,
          [owner],
        );
        yield* tx.run(
          `UPDATE outbox SET claimed_by = NULL, lease_until = NULL WHERE state = 'pending' AND claimed_by = $1`,
          [owner],
        );
        return sending;
      });
    },
    claim: (now, limit) => database.transaction((tx) => claimRows(tx, owner, now, limit, leaseMs)),
    async release(id) {
      await ifMine(`state = 'pending'`, id, []);
    },
    async sending(id, now) {
      const changed = await database.read((sql) =>
        sql.run(
          `UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_until = $3 WHERE id = $1 AND ${MINE}`,
          [id, owner, now + leaseMs],
        ),
      );
      return changed > 0;
    },
    async nextDueAt(after) {
      const row = await database.read((sql) =>
        sql.get<{ at: number | null }>(
          `SELECT min(CASE WHEN lease_until IS NOT NULL AND lease_until > next_attempt_at THEN lease_until
                           ELSE next_attempt_at END) AS at
           FROM outbox WHERE state IN ('pending', 'sending')
             AND (next_attempt_at > $1 OR lease_until > $1)`,
          [after],
        ),
      );
      return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
    },
    async sent(id, chatId, messageId, at) {
      // Marked sent even when the lease was taken over meanwhile: it did reach Telegram.
      await database.read((sql) =>
        sql.run(
          `UPDATE outbox SET state = 'sent', chat_id = $2, message_id = $3, sent_at = $4, error = NULL,
             claimed_by = NULL, lease_until = NULL WHERE id = $1`,
          [id, chatId, messageId, at],
        ),
      );
    },
    async retry(id, at, error) {
      await ifMine(`state = 'pending', next_attempt_at = $3, error = $4`, id, [at, error]);
    },
    async fail(id, error) {
      await ifMine(`state = 'failed', error = $3`, id, [error]);
    },
    pause(id, chatId, reason, at) {
      return database.transaction(function* (tx) {
        yield* tx.run(
          'INSERT INTO delivery_pauses (chat_id, paused_at, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [chatId, at, reason],
        );
        yield* tx.run(
          `UPDATE outbox SET state = 'paused', chat_id = $3, claimed_by = NULL, lease_until = NULL
           WHERE id = $1 AND ${MINE}`,
          [id, owner, chatId],
        );
      });
    },
    async isPaused(chatId) {
      const row = await database.read((sql) =>
        sql.get('SELECT 1 AS paused FROM delivery_pauses WHERE chat_id = $1', [chatId]),
      );
      return row !== undefined;
    },
    async park(id, chatId) {
      await ifMine(`state = 'paused', chat_id = $3`, id, [chatId]);
    },
    resume(chatId) {
      return database.transaction(function* (tx) {
        if ((yield* tx.run('DELETE FROM delivery_pauses WHERE chat_id = $1', [chatId])) === 0) return 0;
        return yield* tx.run(`UPDATE outbox SET state = 'pending' WHERE state = 'paused' AND chat_id = $1`, [chatId]);
      });
    },
    async alertMessage(incidentId, userId) {
      const row = await database.read((sql) =>
        sql.get<{ chat_id: number; message_id: number }>(
          `SELECT chat_id, message_id FROM outbox
           WHERE incident_id = $1 AND user_id = $2 AND kind = 'firing' AND state = 'sent' ORDER BY id DESC LIMIT 1`,
          [incidentId, userId],
        ),
      );
      return row === undefined ? undefined : { chatId: Number(row.chat_id), messageId: Number(row.message_id) };
    },
    async stats(now) {
      const stats: OutboxStats = { pending: 0, paused: 0, sent: 0, failed: 0, oldestPendingMs: 0 };
      const rows = await database.read((sql) =>
        sql.all<{ state: string; n: number; oldest: number }>(
          'SELECT state, COUNT(*) AS n, min(created_at) AS oldest FROM outbox GROUP BY state',
        ),
      );
      for (const row of rows) {
        const n = Number(row.n);
        if (row.state === 'pending' || row.state === 'sending') {
          stats.pending += n;
          stats.oldestPendingMs = Math.max(stats.oldestPendingMs, now - Number(row.oldest));
        } else if (row.state === 'paused') stats.paused = n;
        else if (row.state === 'sent') stats.sent = n;
        else if (row.state === 'failed') stats.failed = n;
      }
      return stats;
    },
  };
}
