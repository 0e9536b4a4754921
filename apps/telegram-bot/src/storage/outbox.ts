import type { MonitoringDatabase } from './monitoring-db';
import { settle } from './settle';
import { outboxBodySchema, type OutboxBody, type OutboxKind } from './outbox-body';

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
 * The relay's side of the notification outbox. A row goes `pending` → `sending` (written before
 * Telegram is called) → `sent` (written after it answered). A crash between the two leaves
 * `sending`: {@link Outbox.recover} puts such rows back to `pending`, so the message is sent again
 * — the one window where a person can get a duplicate. Every write commits before its promise
 * resolves.
 */
export interface Outbox {
  /** Puts rows a crash left `sending` back to `pending`; returns how many (each may be a duplicate). */
  recover(): Promise<number>;
  /** Pending rows due at `now`, oldest first. */
  due(now: number, limit: number): Promise<OutboxRow[]>;
  /** When the next pending row due after `after` is due (epoch ms), or undefined when there is none. */
  nextDueAt(after: number): Promise<number | undefined>;
  /** Marks a row as being sent, just before Telegram is called. */
  claim(id: number): Promise<void>;
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

interface Row {
  id: number;
  user_id: number;
  kind: OutboxKind;
  incident_id: number | null;
  body: string;
  attempts: number;
  created_at: number;
}

/**
 * The SQLite {@link Outbox} on the monitoring connection.
 * @example const outbox = createOutbox(openMonitoringDatabase(file)); await outbox.recover() // 0
 */
export function createOutbox(database: MonitoringDatabase): Outbox {
  const { db, transaction } = database;
  const recover = db.prepare(`UPDATE outbox SET state = 'pending' WHERE state = 'sending'`);
  const due = db.prepare(
    `SELECT id, user_id, kind, incident_id, body, attempts, created_at FROM outbox
     WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`,
  );
  const nextDue = db.prepare(
    `SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND next_attempt_at > ?`,
  );
  const claim = db.prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?`);
  const sent = db.prepare(
    `UPDATE outbox SET state = 'sent', chat_id = ?, message_id = ?, sent_at = ?, error = NULL WHERE id = ?`,
  );
  const retry = db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ?, error = ? WHERE id = ?`);
  const fail = db.prepare(`UPDATE outbox SET state = 'failed', error = ? WHERE id = ?`);
  const insertPause = db.prepare(
    'INSERT INTO delivery_pauses (chat_id, paused_at, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const park = db.prepare(`UPDATE outbox SET state = 'paused', chat_id = ? WHERE id = ?`);
  const selectPause = db.prepare('SELECT 1 AS paused FROM delivery_pauses WHERE chat_id = ?');
  const deletePause = db.prepare('DELETE FROM delivery_pauses WHERE chat_id = ?');
  const unpark = db.prepare(`UPDATE outbox SET state = 'pending' WHERE state = 'paused' AND chat_id = ?`);
  const alertMessage = db.prepare(
    `SELECT chat_id, message_id FROM outbox
     WHERE incident_id = ? AND user_id = ? AND kind = 'firing' AND state = 'sent' ORDER BY id DESC LIMIT 1`,
  );
  const counts = db.prepare('SELECT state, COUNT(*) AS n, min(created_at) AS oldest FROM outbox GROUP BY state');

  return {
    recover: () => settle(() => Number(recover.run().changes)),
    due(now, limit) {
      return settle(() =>
        (due.all(now, limit) as unknown as Row[]).map((row) => ({
          id: Number(row.id),
          userId: Number(row.user_id),
          kind: row.kind,
          incidentId: row.incident_id === null ? null : Number(row.incident_id),
          body: outboxBodySchema.parse(JSON.parse(row.body)),
          attempts: Number(row.attempts),
          createdAt: Number(row.created_at),
        })),
      );
    },
    nextDueAt(after) {
      return settle(() => {
        const row = nextDue.get(after) as { at: number | null };
        return row.at === null ? undefined : Number(row.at);
      });
    },
    claim: (id) => settle(() => void claim.run(id)),
    sent: (id, chatId, messageId, at) => settle(() => void sent.run(chatId, messageId, at, id)),
    retry: (id, at, error) => settle(() => void retry.run(at, error, id)),
    fail: (id, error) => settle(() => void fail.run(error, id)),
    pause(id, chatId, reason, at) {
      return settle(() =>
        transaction(() => {
          insertPause.run(chatId, at, reason);
          park.run(chatId, id);
        }),
      );
    },
    isPaused: (chatId) => settle(() => selectPause.get(chatId) !== undefined),
    park: (id, chatId) => settle(() => void park.run(chatId, id)),
    resume(chatId) {
      return settle(() =>
        transaction(() => {
          if (deletePause.run(chatId).changes === 0) return 0;
          return Number(unpark.run(chatId).changes);
        }),
      );
    },
    alertMessage(incidentId, userId) {
      return settle(() => {
        const row = alertMessage.get(incidentId, userId) as { chat_id: number; message_id: number } | undefined;
        return row === undefined ? undefined : { chatId: Number(row.chat_id), messageId: Number(row.message_id) };
      });
    },
    stats(now) {
      return settle(() => {
        const stats: OutboxStats = { pending: 0, paused: 0, sent: 0, failed: 0, oldestPendingMs: 0 };
        for (const row of counts.all() as Array<{ state: string; n: number; oldest: number }>) {
          const n = Number(row.n);
          if (row.state === 'pending' || row.state === 'sending') {
            stats.pending += n;
            stats.oldestPendingMs = Math.max(stats.oldestPendingMs, now - Number(row.oldest));
          } else if (row.state === 'paused') stats.paused = n;
          else if (row.state === 'sent') stats.sent = n;
          else if (row.state === 'failed') stats.failed = n;
        }
        return stats;
      });
    },
  };
}
