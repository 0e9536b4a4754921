import type { Pool } from 'pg';
import type { PurposeStore } from './team-store';

/**
 * The {@link PurposeStore} on PostgreSQL: one purpose per member, deleted with the membership (a
 * trigger); a lapsed one reads as none.
 */
export function pgPurposes(pool: Pool, clock: () => number): PurposeStore {
  return {
    async setPurpose(userId, purpose, until) {
      const result = await pool.query(
        `INSERT INTO member_purposes (user_id, purpose, until)
         SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM members WHERE user_id = $1)
         ON CONFLICT (user_id) DO UPDATE SET purpose = excluded.purpose, until = excluded.until`,
        [userId, purpose, until],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async clearPurpose(userId) {
      const result = await pool.query('DELETE FROM member_purposes WHERE user_id = $1', [userId]);
      return (result.rowCount ?? 0) > 0;
    },
    async purpose(userId) {
      const { rows } = await pool.query<{ purpose: string; until: number }>(
        'SELECT purpose, until FROM member_purposes WHERE user_id = $1 AND until > $2::bigint',
        [userId, clock()],
      );
      const row = rows[0];
      return row === undefined ? null : { purpose: row.purpose, until: row.until };
    },
  };
}
