import { rowLock, type MonitoringSql, type SqlWork } from './monitoring-db';
import type { OutboxRow } from './outbox';
import { outboxBodySchema, type OutboxKind } from './outbox-body';

/** An outbox row as read (both backends). */
interface Row {
  id: number;
  user_id: number;
  kind: OutboxKind;
  incident_id: number | null;
  body: string;
  attempts: number;
  created_at: number;
}

const toRow = (row: Row): OutboxRow => ({
  id: Number(row.id),
  userId: Number(row.user_id),
  kind: row.kind,
  incidentId: row.incident_id === null ? null : Number(row.incident_id),
  body: outboxBodySchema.parse(JSON.parse(row.body)),
  attempts: Number(row.attempts),
  createdAt: Number(row.created_at),
});

/** A row a relay may claim at $1: pending and due, or claimed under a lease that ran out. */
const CLAIMABLE = `state IN ('pending', 'sending') AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)`;

/**
 * Claims for `owner`, until `now + leaseMs`, up to `limit` rows claimable at `now`, oldest first:
 * selected on PostgreSQL `FOR UPDATE SKIP LOCKED` (two relays claiming at once get different rows,
 * neither waits), then kept only when no earlier row of the same person is in flight elsewhere:
 * being sent, claimed by another relay, or locked (skipped) by a claim under way. A claimed row
 * stays `pending`; its owner marks it `sending` just before calling Telegram.
 * @example const rows = yield* claimRows(tx, 'replica-1', Date.now(), 200, 60_000);
 */
export function* claimRows(
  tx: MonitoringSql,
  owner: string,
  now: number,
  limit: number,
  leaseMs: number,
): SqlWork<OutboxRow[]> {
  const locked = yield* tx.all<{ id: number }>(
    `SELECT id FROM outbox WHERE ${CLAIMABLE} ORDER BY id LIMIT $2${rowLock(tx, 'skip')}`,
    [now, limit],
  );
  if (locked.length === 0) return [];
  // Ids from the database, numbers: safe to inline.
  const list = locked.map((row) => Number(row.id)).join(',');
  const rows = yield* tx.all<Row>(
    `UPDATE outbox SET state = 'pending', claimed_by = $2, lease_until = $3
     WHERE id IN (${list}) AND NOT EXISTS (
       SELECT 1 FROM outbox e WHERE e.user_id = outbox.user_id AND e.id < outbox.id AND e.id NOT IN (${list})
         AND (e.state = 'sending' OR (e.state = 'pending' AND (e.next_attempt_at <= $1 OR e.lease_until > $1))))
     RETURNING id, user_id, kind, incident_id, body, attempts, created_at`,
    [now, owner, now + leaseMs],
  );
  return rows.map(toRow).sort((a, b) => a.id - b.id);
}
