import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import type { Role } from '../team/roles';
import { workspaceContext } from './key-check';
import { lockForTransaction, pgTransaction } from './pg-database';
import type { Member, MemberChange, WorkspaceStore } from './team-store';
import { credentialsSchema, type Credentials } from './user-state';

interface MemberRow {
  user_id: number;
  role: Role;
  joined_at: number;
  last_active_at: number;
  display_name: string | null;
}

type Queryable = Pool | PoolClient;

async function roleOf(db: Queryable, workspaceId: number, userId: number): Promise<Role | undefined> {
  const { rows } = await db.query<{ role: Role }>('SELECT role FROM members WHERE user_id = $1 AND workspace_id = $2', [
    userId,
    workspaceId,
  ]);
  return rows[0]?.role;
}

async function countOf(db: Queryable, workspaceId: number, role?: Role): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*) AS n FROM members WHERE workspace_id = $1 AND ($2::text IS NULL OR role = $2)',
    [workspaceId, role ?? null],
  );
  return rows[0]?.n ?? 0;
}

/** Whether taking `userId`'s admin role away would leave others without an admin. */
const isLastAdmin = async (db: Queryable, workspaceId: number, userId: number) =>
  (await roleOf(db, workspaceId, userId)) === 'admin' && (await countOf(db, workspaceId, 'admin')) === 1;

/**
 * The {@link WorkspaceStore} on PostgreSQL. Changes to a workspace's members take the workspace's
 * advisory lock, so that two replicas can never, say, each remove one of its last two admins; a
 * person's joining takes the person's, so that they never end up in two workspaces. Credentials are
 * sealed with the cipher, bound to the workspace id, as in SQLite.
 */
export function pgWorkspaces(pool: Pool, cipher: Cipher, logger: Logger, clock: () => number): WorkspaceStore {
  return {
    async membership(userId) {
      const { rows } = await pool.query<{ workspace_id: number; role: Role }>(
        'SELECT workspace_id, role FROM members WHERE user_id = $1',
        [userId],
      );
      const row = rows[0];
      return row === undefined ? null : { workspaceId: row.workspace_id, role: row.role };
    },
    async credentials(workspaceId) {
      const { rows } = await pool.query<{ credentials: string | null }>(
        'SELECT credentials FROM workspaces WHERE workspace_id = $1',
        [workspaceId],
      );
      const sealed = rows[0]?.credentials;
      if (sealed == null) return null;
      try {
        return credentialsSchema.parse(JSON.parse(cipher.open(sealed, workspaceContext(workspaceId))));
      } catch {
        // The key was checked at open, so this row alone is damaged: leave it for the operator.
        logger.warn({ workspaceId }, "A workspace's credentials cannot be decrypted; left untouched.");
        return null;
      }
    },
    saveCredentials: (userId, credentials: Credentials) =>
      pgTransaction(pool, async (client) => {
        await lockForTransaction(client, 'person', userId);
        const now = clock();
        const { rows } = await client.query<{ workspace_id: number }>(
          'SELECT workspace_id FROM members WHERE user_id = $1',
          [userId],
        );
        let workspaceId = rows[0]?.workspace_id;
        const created = workspaceId === undefined;
        if (workspaceId === undefined) {
          const inserted = await client.query<{ workspace_id: number }>(
            'INSERT INTO workspaces (credentials, created_at) VALUES (NULL, $1) RETURNING workspace_id',
            [now],
          );
          workspaceId = inserted.rows[0]?.workspace_id ?? 0;
          await client.query(
            `INSERT INTO members (user_id, workspace_id, role, joined_at, last_active_at) VALUES ($1, $2, 'admin', $3, $3)`,
            [userId, workspaceId, now],
          );
        }
        await client.query('UPDATE workspaces SET credentials = $1 WHERE workspace_id = $2', [
          cipher.seal(JSON.stringify(credentials), workspaceContext(workspaceId)),
          workspaceId,
        ]);
        return { workspaceId, created };
      }),
    async members(workspaceId) {
      const { rows } = await pool.query<MemberRow>(
        `SELECT m.user_id, m.role, m.joined_at, m.last_active_at, n.display_name
         FROM members m LEFT JOIN member_names n ON n.user_id = m.user_id WHERE m.workspace_id = $1
         ORDER BY m.role = 'admin' DESC, m.joined_at, m.user_id`,
        [workspaceId],
      );
      return rows.map((row): Member => ({
        userId: row.user_id,
        role: row.role,
        joinedAt: row.joined_at,
        lastActiveAt: row.last_active_at,
        displayName: row.display_name,
      }));
    },
    setRole: (workspaceId, userId, role) =>
      pgTransaction(pool, async (client): Promise<MemberChange> => {
        await lockForTransaction(client, 'workspace', workspaceId);
        if ((await roleOf(client, workspaceId, userId)) === undefined) return 'not-member';
        if (role !== 'admin' && (await isLastAdmin(client, workspaceId, userId))) return 'last-admin';
        await client.query('UPDATE members SET role = $1 WHERE user_id = $2 AND workspace_id = $3', [
          role,
          userId,
          workspaceId,
        ]);
        return 'done';
      }),
    removeMember: (workspaceId, userId) =>
      pgTransaction(pool, async (client): Promise<MemberChange> => {
        await lockForTransaction(client, 'workspace', workspaceId);
        if ((await roleOf(client, workspaceId, userId)) === undefined) return 'not-member';
        if (await isLastAdmin(client, workspaceId, userId)) return 'last-admin';
        await client.query('DELETE FROM members WHERE user_id = $1 AND workspace_id = $2', [userId, workspaceId]);
        return 'done';
      }),
    dissolve: (workspaceId, userId) =>
      pgTransaction(pool, async (client) => {
        await lockForTransaction(client, 'workspace', workspaceId);
        if ((await roleOf(client, workspaceId, userId)) === undefined || (await countOf(client, workspaceId)) !== 1)
          return false;
        await client.query('DELETE FROM members WHERE user_id = $1 AND workspace_id = $2', [userId, workspaceId]);
        await client.query('DELETE FROM invites WHERE workspace_id = $1', [workspaceId]);
        await client.query('DELETE FROM team_chats WHERE workspace_id = $1', [workspaceId]);
        await client.query('DELETE FROM workspaces WHERE workspace_id = $1', [workspaceId]);
        return true;
      }),
    async noteActivity(userId, displayName) {
      // At most one write a minute per member: "last activity" needs no finer grain, and a busy team stays cheap.
      await pool.query(
        'UPDATE members SET last_active_at = $1::bigint WHERE user_id = $2 AND last_active_at < $1::bigint - 60000',
        [clock(), userId],
      );
      if (displayName === undefined) return;
      // Only a member's name is kept, and only when it changed.
      await pool.query(
        `INSERT INTO member_names (user_id, display_name) SELECT $2, $1 WHERE EXISTS (SELECT 1 FROM members WHERE user_id = $2)
         ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name
         WHERE member_names.display_name IS DISTINCT FROM excluded.display_name`,
        [displayName, userId],
      );
    },
  };
}
