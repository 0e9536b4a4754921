import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { migrate } from './schema';
import { settle } from './settle';
import { inboxResealer, openEffect, openUpdate, sealEffect, sealUpdate, type EffectRow } from './update-inbox-row';

/** One effect of an update's handling that completed: a Telegram call or a store operation, and its result. */
export interface JournalEntry {
  /** The effect's position among the update's effects, in the order they were started. */
  index: number;
  /** What it was, e.g. `telegram:sendMessage:<payload digest>` or `store:update:<user>`: a replay checks that it does the same. */
  effect: string;
  result: unknown;
}

/** What the inbox knows of an update offered to it. */
export type Admission =
  /** Never seen: it is now stored, pending. */
  | { status: 'new' }
  /** Already handled (or unreadable): a duplicate to drop. */
  | { status: 'done' }
  /** Stored and not yet handled (a restart, or Telegram delivering it again): resume it with its journal. */
  | { status: 'pending'; journal: JournalEntry[] };

/** An update stored and not yet handled, with the effects its handling had already completed. */
export interface PendingUpdate {
  update: Update;
  journal: JournalEntry[];
}

/**
 * The update inbox: every accepted update is stored before Telegram is told it arrived, and stays
 * until it has been handled; the ids of handled updates are kept for {@link UpdateInboxOptions.keepDoneMs}
 * so that a second delivery is recognised. A write has committed when its promise resolves.
 */
export interface UpdateInbox {
  /** Stores a new update (pending), or says it is a duplicate, or hands back a pending one's journal. */
  admit(update: Update): Promise<Admission>;
  /** The pending updates, oldest first (Telegram's update ids grow). */
  pending(): Promise<PendingUpdate[]>;
  /** Records one completed effect of a pending update (replacing one recorded at the same position); nothing once it is done. */
  record(updateId: number, entry: JournalEntry): Promise<void>;
  /** Forgets the recorded effects of an update from `position` on (a replay took another path there). */
  forget(updateId: number, position: number): Promise<void>;
  /** Marks an update handled: its content and effects are erased, its id kept. */
  finish(updateId: number): Promise<void>;
  /** Forgets every update, pending or done: for a Bot API server whose update ids start again (the sandbox). */
  clear(): Promise<void>;
  /** Pending updates. */
  countPending(): Promise<number>;
  close(): Promise<void>;
}

export interface UpdateInboxOptions {
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
 * @example const inbox = openUpdateInbox({ file: 'data/bot.sqlite', cipher, logger }); (await inbox.admit(update)).status // 'new'
 */
export function openUpdateInbox(options: UpdateInboxOptions): UpdateInbox {
  const { cipher, logger } = options;
  const clock = options.clock ?? Date.now;
  const keepDoneMs = options.keepDoneMs ?? 48 * 3_600_000;
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

  const finish = (updateId: number, now: number) =>
    transaction(() => {
      markDone.run(now, updateId);
      deleteEffects.run(updateId, 0);
    });

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
        if (inserted.changes > 0) return { status: 'new' };
        const row = select.get(id) as Row | undefined;
        const pending = row?.state === 'pending' ? open(row) : undefined;
        return pending === undefined ? { status: 'done' } : { status: 'pending', journal: pending.journal };
      }),
    pending: () => settle(() => (selectPending.all() as unknown as Row[]).flatMap((row) => open(row) ?? [])),
    record: (updateId, entry) =>
      settle(() => {
        upsertEffect.run(entry.index, entry.effect, sealEffect(updateId, entry, cipher), updateId);
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
    clear: () => settle(() => transaction(() => db.exec('DELETE FROM update_inbox; DELETE FROM update_effects;'))),
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
