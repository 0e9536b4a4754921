import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { pgTransaction } from './pg-database';
import {
  DEFAULT_KEEP_DONE_MS,
  DEFAULT_UPDATE_LEASE_MS,
  type JournalEntry,
  type PendingUpdate,
  type UpdateInbox,
} from './update-inbox';
import { inboxResealer, openEffect, openUpdate, sealEffect, sealUpdate, type EffectRow } from './update-inbox-row';

export interface PgUpdateInboxOptions {
  /** The replica's pool (every store shares it). */
  pool: Pool;
  /** Seals each update and journal, as on SQLite. */
  cipher: Cipher;
  logger: Logger;
  /** This replica among the others: the owner of its claims (`REPLICA_ID`). */
  replicaId: string;
  clock?: () => number;
  /** How long a handled update's id is remembered. @default 48 hours */
  keepDoneMs?: number;
  /** How long an update stays held after its replica last renewed the lease. @default 30 s */
  leaseMs?: number;
}

/**
 * The {@link UpdateInbox} on PostgreSQL, shared by every replica. An update is admitted once
 * across replicas (its id is the primary key: a second delivery, to any replica, finds the row), in
 * the same statement as its claim (`update_claims`: the holding replica, its lease, the person).
 * A replica takes a pending update only when its lease ran out or was handed back, under the
 * claim's row lock, so two replicas never take the same one. A person's updates start one at a
 * time, oldest first: `begin` checks their other claims under a per-person advisory lock. Effects
 * are recorded only while the claim is still this replica's, so a replica that lost its lease (it
 * stalled longer than the lease) stops at its next effect.
 *
 * Duplicate windows: an effect that had left the bot when its replica died (or lost its lease) and
 * was not yet recorded is done again by the replica that takes the update over; a replica stalled
 * past its lease may complete one effect already started while the other replica replays it.
 * @example const inbox = pgUpdateInbox({ pool, cipher, logger, replicaId: 'bot-1' });
 */
export function pgUpdateInbox(options: PgUpdateInboxOptions): UpdateInbox {
  const { pool, cipher, logger, replicaId: me } = options;
  const clock = options.clock ?? Date.now;
  const keepDoneMs = options.keepDoneMs ?? DEFAULT_KEEP_DONE_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_UPDATE_LEASE_MS;
  /** Updates this inbox took and has not finished or handed back (a replica restarting under the same id holds none). */
  const held = new Set<number>();

  const readJournal = async (client: Pool | PoolClient, updateId: number): Promise<JournalEntry[]> => {
    const { rows } = await client.query<EffectRow>(
      'SELECT position, effect, result FROM update_effects WHERE update_id = $1 ORDER BY position',
      [updateId],
    );
    return rows.map((row) => openEffect(updateId, row, cipher));
  };

  /** A taken update's content, or undefined (and the update finished) when it does not open (another key). */
  async function open(updateId: number, body: string | null): Promise<PendingUpdate | undefined> {
    try {
      return { update: openUpdate(body ?? '', updateId, cipher), journal: await readJournal(pool, updateId) };
    } catch {
      logger.warn({ updateId }, 'A stored update cannot be read (another encryption key?); it is dropped.');
      await finish(updateId);
      return undefined;
    }
  }

  /** Marks an update held here done, erasing its content, effects and claim; and forgets old handled ids. */
  async function finish(updateId: number): Promise<void> {
    const now = clock();
    await pool.query(
      `WITH mine AS (DELETE FROM update_claims WHERE update_id = $1 AND owner = $2 RETURNING update_id),
         done AS (UPDATE update_inbox SET state = 'done', update_body = NULL, done_at = $3
                  WHERE update_id IN (SELECT update_id FROM mine) RETURNING update_id),
         effects AS (DELETE FROM update_effects WHERE update_id IN (SELECT update_id FROM mine))
       DELETE FROM update_inbox WHERE state = 'done' AND done_at < $4`,
      [updateId, me, now, now - keepDoneMs],
    );
    held.delete(updateId);
  }

  return {
    async admit(update, person) {
      const id = update.update_id;
      const now = clock();
      // One statement: the row and its claim commit together, or (a known id) neither is written.
      const inserted = await pool.query(
        `WITH row AS (INSERT INTO update_inbox (update_id, state, update_body, received_at) VALUES ($1, 'pending', $2, $3)
                      ON CONFLICT (update_id) DO NOTHING RETURNING update_id)
         INSERT INTO update_claims (update_id, person, owner, lease_until) SELECT update_id, $4, $5, $6 FROM row`,
        [id, sealUpdate(update, cipher), now, person, me, now + leaseMs],
      );
      if ((inserted.rowCount ?? 0) > 0) {
        held.add(id);
        return { status: 'new' };
      }
      // Held here already (taken by `pending`, handed to the dispatcher), or no live replica holds it.
      const taken = await take([id], now, []);
      if (taken.length > 0) {
        const pending = await open(id, taken[0]?.update_body ?? null);
        return pending === undefined ? { status: 'done' } : { status: 'pending', journal: pending.journal };
      }
      const { rows } = await pool.query<{ state: string }>('SELECT state FROM update_inbox WHERE update_id = $1', [id]);
      return rows[0]?.state === 'pending' ? { status: 'held' } : { status: 'done' };
    },
    async pending() {
      const { rows } = await pool.query<{ update_id: number }>(
        `SELECT update_id FROM update_claims
         WHERE owner IS NULL OR lease_until < $1 OR (owner = $2 AND NOT (update_id = ANY ($3::bigint[])))
         ORDER BY update_id`,
        [clock(), me, [...held]],
      );
      const taken = await take(
        rows.map((row) => row.update_id),
        clock(),
        [...held],
      );
      const updates: PendingUpdate[] = [];
      for (const row of taken) {
        const pending = await open(row.update_id, row.update_body);
        if (pending !== undefined) updates.push(pending);
      }
      return updates;
    },
    begin: (updateId) =>
      pgTransaction(pool, async (client) => {
        // One person's begins run one after the other across replicas; each then sees the others' commits.
        await client.query(
          `SELECT pg_advisory_xact_lock(hashtextextended('update-person:' || person, 0)) FROM update_claims WHERE update_id = $1`,
          [updateId],
        );
        const started = await client.query(
          `UPDATE update_claims c SET running = true
           WHERE c.update_id = $1 AND c.owner = $2
             AND NOT EXISTS (SELECT 1 FROM update_claims o
                             WHERE o.person = c.person AND o.update_id <> c.update_id AND NOT o.overdue
                               AND (o.update_id < c.update_id OR o.running))`,
          [updateId, me],
        );
        return (started.rowCount ?? 0) > 0;
      }),
    async overdue(updateId) {
      await pool.query('UPDATE update_claims SET overdue = true WHERE update_id = $1 AND owner = $2', [updateId, me]);
    },
    async record(updateId, entry) {
      // Only while the claim is this replica's: one that lost its lease records nothing more.
      const recorded = await pool.query(
        `INSERT INTO update_effects (update_id, position, effect, result)
         SELECT update_id, $2, $3, $4 FROM update_claims WHERE update_id = $1 AND owner = $5
         ON CONFLICT (update_id, position) DO UPDATE SET effect = excluded.effect, result = excluded.result`,
        [updateId, entry.index, entry.effect, sealEffect(updateId, entry, cipher), me],
      );
      if ((recorded.rowCount ?? 0) > 0) return true;
      // Not recorded: the update is done (a call that outlived its handler), or another replica holds it.
      const { rows } = await pool.query<{ owner: string | null }>(
        'SELECT owner FROM update_claims WHERE update_id = $1',
        [updateId],
      );
      return rows[0] === undefined || rows[0].owner === me;
    },
    async forget(updateId, position) {
      await pool.query(
        `DELETE FROM update_effects WHERE update_id = $1 AND position >= $2
           AND EXISTS (SELECT 1 FROM update_claims WHERE update_id = $1 AND owner = $3)`,
        [updateId, position, me],
      );
    },
    finish,
    async renew() {
      await pool.query('UPDATE update_claims SET lease_until = $1 WHERE owner = $2', [clock() + leaseMs, me]);
    },
    async release() {
      const released = await pool.query(
        'UPDATE update_claims SET owner = NULL, lease_until = 0, running = false WHERE owner = $1',
        [me],
      );
      held.clear();
      return released.rowCount ?? 0;
    },
    async clear() {
      await pgTransaction(pool, (client) =>
        client.query('DELETE FROM update_claims; DELETE FROM update_effects; DELETE FROM update_inbox;'),
      );
      held.clear();
    },
    async countPending() {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM update_inbox WHERE state = 'pending'`,
      );
      return rows[0]?.n ?? 0;
    },
    // The pool is the storage's: it closes it.
    close: () => Promise.resolve(),
  };

  /**
   * Takes the given pending updates that no live replica holds, or that this replica's id holds
   * (a former life of it, or one handed to the dispatcher) except `keep`, under each claim's row
   * lock: of two replicas taking one at once, one gets it.
   */
  async function take(
    ids: number[],
    now: number,
    keep: number[],
  ): Promise<Array<{ update_id: number; update_body: string | null }>> {
    if (ids.length === 0) return [];
    const { rows } = await pool.query<{ update_id: number; update_body: string | null }>(
      `WITH taken AS (
         UPDATE update_claims SET owner = $2, lease_until = $3, running = false, overdue = false
         WHERE update_id = ANY ($1::bigint[])
           AND (owner IS NULL OR lease_until < $4 OR (owner = $2 AND NOT (update_id = ANY ($5::bigint[]))))
         RETURNING update_id)
       SELECT i.update_id, i.update_body FROM update_inbox i JOIN taken USING (update_id)
       WHERE i.state = 'pending' ORDER BY i.update_id`,
      [ids, me, now + leaseMs, now, keep],
    );
    for (const row of rows) held.add(row.update_id);
    return rows;
  }
}

/**
 * Re-seals the pending updates and their recorded effects under another key, inside the caller's
 * transaction (key rotation, with every replica stopped), so that the next start still resumes them.
 * Returns how many values were re-sealed.
 * @throws {Error} naming the update when a value does not open with `from`; the caller rolls back.
 * @example await pgTransaction(pool, (client) => resealPgUpdateInbox(client, oldCipher, newCipher)) // 3
 */
export async function resealPgUpdateInbox(client: PoolClient, from: Cipher, to: Cipher): Promise<number> {
  const reseal = inboxResealer(from, to);
  const updates = await client.query<{ update_id: number; update_body: string }>(
    `SELECT update_id, update_body FROM update_inbox WHERE state = 'pending' AND update_body IS NOT NULL FOR UPDATE`,
  );
  for (const row of updates.rows) {
    await client.query('UPDATE update_inbox SET update_body = $1 WHERE update_id = $2', [
      reseal.update(row.update_body, row.update_id),
      row.update_id,
    ]);
  }
  const effects = await client.query<{ update_id: number; position: number; result: string }>(
    'SELECT update_id, position, result FROM update_effects FOR UPDATE',
  );
  for (const row of effects.rows) {
    await client.query('UPDATE update_effects SET result = $1 WHERE update_id = $2 AND position = $3', [
      reseal.effect(row.result, row.update_id, row.position),
      row.update_id,
      row.position,
    ]);
  }
  return updates.rows.length + effects.rows.length;
}
