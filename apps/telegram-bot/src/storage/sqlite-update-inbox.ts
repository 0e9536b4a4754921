import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { migrate } from './schema';
import { settle } from './settle';
import {
  DEFAULT_KEEP_DONE_MS,
  type Admission,
  type JournalEntry,
  type PendingUpdate,
  type UpdateInbox,
} from './update-inbox';
import { inboxResealer, openEffect, openUpdate, sealEffect, sealUpdate, type EffectRow } from './update-inbox-row';

export interface SqliteUpdateInboxOptions {
  /** The bot's database file (the user store's). */
  file: string;
  /** Seals each update and journal: an update may hold a pasted header, a journal the user's state. */
  cipher: Cipher;
  logger: Logger;
  clock?: () => number;
  /** How long a handled update's id is remembered. @default 48 hours (Telegram keeps an update for 24 hours) */
  keepDoneMs?: number;
}

interface Row {
  update_id: number;
  state: 'pending' | 'done';
  update_body: string | null;
}

/**
 * Opens the update inbox in the bot's SQLite database (its own connection; WAL lets it share the
 * file with the user store). Updates and effect results are sealed with the cipher, bound to the
 * update id and position. Each effect is one small row, written as it completes. One process owns
 * the file, so every pending update is this process's to run.
 * @throws {Error} when the database cannot be opened or its schema is newer than this bot's.
 * @example const inbox = openSqliteUpdateInbox({ file: 'data/bot.sqlite', cipher, logger }); (await inbox.admit(update)).status // 'new'
 */
export function openSqliteUpdateInbox(options: SqliteUpdateInboxOptions): UpdateInbox {
  const { cipher, logger } = options;
  const clock = options.clock ?? Date.now;
  const keepDoneMs = options.keepDoneMs ?? DEFAULT_KEEP_DONE_MS;
  /** Updates this inbox admitted or took and has not finished: the others were left by an earlier run. */
  const held = new Set<number>();
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(options.file);
  chmodSync(options.file, 0o600);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  migrate(db);
  const insert = db.prepare(
    `INSERT INTO update_inbox (update_id, state, update_body, received_at) VALUES (?, 'pending', ?, ?) ON CONFLICT (update_id) DO NOTHING`,
  );
  const select = db.prepare('SELECT update_id, state, update_body FROM update_inbox WHERE update_id = ?');
  const selectPending = db.prepare(
    `SELECT update_id, state, update_body FROM update_inbox WHERE state = 'pending' ORDER BY update_id`,
  );
  const selectEffects = db.prepare(
    'SELECT position, effect, result FROM update_effects WHERE update_id = ? ORDER BY position',
  );
  // Only for a pending update: a call left running by a finished handler ("typing…") records nothing.
  const upsertEffect = db.prepare(
    `INSERT INTO update_effects (update_id, position, effect, result)
     SELECT update_id, ?, ?, ? FROM update_inbox WHERE update_id = ? AND state = 'pending'
     ON CONFLICT (update_id, position) DO UPDATE SET effect = excluded.effect, result = excluded.result`,
  );
  const deleteEffects = db.prepare('DELETE FROM update_effects WHERE update_id = ? AND position >= ?');
  const markDone = db.prepare(
    `UPDATE update_inbox SET state = 'done', update_body = NULL, done_at = ? WHERE update_id = ?`,
  );
  const prune = db.prepare(`DELETE FROM update_inbox WHERE state = 'done' AND done_at < ?`);
  const countPending = db.prepare(`SELECT COUNT(*) AS n FROM update_inbox WHERE state = 'pending'`);

  function transaction(work: () => void): void {
    db.exec('BEGIN IMMEDIATE');
    try {
      work();
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  const finish = (updateId: number, now: number) => {
    transaction(() => {
      markDone.run(now, updateId);
      deleteEffects.run(updateId, 0);
    });
    held.delete(updateId);
  };

  const readJournal = (updateId: number): JournalEntry[] =>
    (selectEffects.all(updateId) as unknown as EffectRow[]).map((row) => openEffect(updateId, row, cipher));

  /** A pending row's content, or undefined (and the row closed) when it cannot be opened (another key). */
  function open(row: Row): PendingUpdate | undefined {
    try {
      return { update: openUpdate(row.update_body ?? '', row.update_id, cipher), journal: readJournal(row.update_id) };
    } catch {
      logger.warn(
        { updateId: row.update_id },
        'A stored update cannot be read (another encryption key?); it is dropped.',
      );
      finish(row.update_id, clock());
      return undefined;
    }
  }

  prune.run(clock() - keepDoneMs);
  return {
    admit: (update) =>
      settle((): Admission => {
        const id = update.update_id;
        const inserted = insert.run(id, sealUpdate(update, cipher), clock());
        if (inserted.changes > 0) return (held.add(id), { status: 'new' });
        const row = select.get(id) as Row | undefined;
        const pending = row?.state === 'pending' ? open(row) : undefined;
        if (pending === undefined) return { status: 'done' };
        held.add(id);
        return { status: 'pending', journal: pending.journal };
      }),
    pending: () =>
      settle(() =>
        (selectPending.all() as unknown as Row[])
          .filter((row) => !held.has(row.update_id))
          .flatMap((row) => {
            const pending = open(row);
            if (pending !== undefined) held.add(row.update_id);
            return pending ?? [];
          }),
      ),
    // One process: the dispatcher's queue alone keeps each person's order.
    begin: () => Promise.resolve(true),
    overdue: () => Promise.resolve(),
    record: (updateId, entry) =>
      settle(() => {
        upsertEffect.run(entry.index, entry.effect, sealEffect(updateId, entry, cipher), updateId);
        return true;
      }),
    forget: (updateId, position) =>
      settle(() => {
        deleteEffects.run(updateId, position);
      }),
    finish: (updateId) =>
      settle(() => {
        const now = clock();
        finish(updateId, now);
        prune.run(now - keepDoneMs);
      }),
    // Nobody else can take what this process holds: its leases last as long as it does.
    renew: () => Promise.resolve(),
    release: () =>
      settle(() => {
        const released = held.size;
        held.clear();
        return released;
      }),
    clear: () =>
      settle(() => {
        transaction(() => db.exec('DELETE FROM update_inbox; DELETE FROM update_effects;'));
        held.clear();
      }),
    countPending: () => settle(() => Number((countPending.get() as { n: number }).n)),
    close: () =>
      settle(() => {
        if (db.isOpen) db.close();
      }),
  };
}

/**
 * Re-seals the pending updates and their recorded effects under another key, inside the caller's
 * transaction (key rotation, with the bot stopped), so that the next start still resumes them.
 * Returns how many values were re-sealed.
 * @throws {Error} naming the update when a value does not open with `from`; the caller rolls back.
 * @example resealUpdateInbox(db, createCipher(oldKey), createCipher(newKey)) // 3
 */
export function resealUpdateInbox(db: DatabaseSync, from: Cipher, to: Cipher): number {
  const reseal = inboxResealer(from, to);
  const updates = db
    .prepare(`SELECT update_id, update_body FROM update_inbox WHERE state = 'pending' AND update_body IS NOT NULL`)
    .all() as unknown as Array<{ update_id: number; update_body: string }>;
  const writeUpdate = db.prepare('UPDATE update_inbox SET update_body = ? WHERE update_id = ?');
  for (const row of updates) writeUpdate.run(reseal.update(row.update_body, row.update_id), row.update_id);
  const effects = db.prepare('SELECT update_id, position, result FROM update_effects').all() as unknown as Array<{
    update_id: number;
    position: number;
    result: string;
  }>;
  const writeEffect = db.prepare('UPDATE update_effects SET result = ? WHERE update_id = ? AND position = ?');
  for (const row of effects)
    writeEffect.run(reseal.effect(row.result, row.update_id, row.position), row.update_id, row.position);
  return updates.length + effects.length;
}
