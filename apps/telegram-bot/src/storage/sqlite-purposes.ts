import type { DatabaseSync } from 'node:sqlite';
import { settle } from './settle';
import type { PurposeStore } from './team-store';

/**
 * The {@link PurposeStore} on the bot's SQLite database (schema step 11): one purpose per member,
 * deleted with the membership; a lapsed one reads as none.
 */
export function sqlitePurposes(db: DatabaseSync, clock: () => number): PurposeStore {
  const upsert = db.prepare(
    `INSERT INTO member_purposes (user_id, purpose, until) SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM members WHERE user_id = ?1)
     ON CONFLICT (user_id) DO UPDATE SET purpose = excluded.purpose, until = excluded.until`,
  );
  const remove = db.prepare('DELETE FROM member_purposes WHERE user_id = ?');
  const select = db.prepare('SELECT purpose, until FROM member_purposes WHERE user_id = ? AND until > ?');
  return {
    setPurpose: (userId, purpose, until) => settle(() => Number(upsert.run(userId, purpose, until).changes) > 0),
    clearPurpose: (userId) => settle(() => Number(remove.run(userId).changes) > 0),
    purpose: (userId) =>
      settle(() => {
        const row = select.get(userId, clock()) as { purpose: string; until: number } | undefined;
        return row === undefined ? null : { purpose: row.purpose, until: Number(row.until) };
      }),
  };
}
