import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import type { Role } from '../team/roles';
import { workspaceContext } from './key-check';
import type { Member, MemberChange, WorkspaceStore } from './team-store';
import { settle } from './settle';
import { credentialsSchema, type Credentials } from './user-state';

/** Runs `work` in one `BEGIN IMMEDIATE` transaction on `db`. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

interface MemberRow {
  user_id: number;
  role: Role;
  joined_at: number;
  last_active_at: number;
  display_name: string | null;
}

/**
 * The {@link WorkspaceStore} on the bot's SQLite database (schema step 4). Credentials are sealed
 * with the cipher, bound to the workspace id, so a value copied to another workspace does not open.
 */
export function sqliteWorkspaces(
  db: DatabaseSync,
  cipher: Cipher,
  logger: Logger,
  clock: () => number,
): WorkspaceStore {
  const selectMembership = db.prepare('SELECT workspace_id, role FROM members WHERE user_id = ?');
  const selectCredentials = db.prepare('SELECT credentials FROM workspaces WHERE workspace_id = ?');
  const insertWorkspace = db.prepare('INSERT INTO workspaces (credentials, created_at) VALUES (NULL, ?)');
  const writeCredentials = db.prepare('UPDATE workspaces SET credentials = ? WHERE workspace_id = ?');
  const insertMember = db.prepare(
    'INSERT INTO members (user_id, workspace_id, role, joined_at, last_active_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectMembers = db.prepare(
    `SELECT m.user_id, m.role, m.joined_at, m.last_active_at, n.display_name
     FROM members m LEFT JOIN member_names n ON n.user_id = m.user_id WHERE m.workspace_id = ?
     ORDER BY m.role = 'admin' DESC, m.joined_at, m.user_id`,
  );
  const countAdmins = db.prepare("SELECT COUNT(*) AS n FROM members WHERE workspace_id = ? AND role = 'admin'");
  const countMembers = db.prepare('SELECT COUNT(*) AS n FROM members WHERE workspace_id = ?');
  const updateRole = db.prepare('UPDATE members SET role = ? WHERE user_id = ? AND workspace_id = ?');
  const deleteMember = db.prepare('DELETE FROM members WHERE user_id = ? AND workspace_id = ?');
  const deleteWorkspace = db.prepare('DELETE FROM workspaces WHERE workspace_id = ?');
  const deleteInvites = db.prepare('DELETE FROM invites WHERE workspace_id = ?');
  const deleteChats = db.prepare('DELETE FROM team_chats WHERE workspace_id = ?');
  // At most one write a minute per member: "last activity" needs no finer grain, and a busy team stays cheap.
  const touch = db.prepare('UPDATE members SET last_active_at = ?1 WHERE user_id = ?2 AND last_active_at < ?1 - 60000');
  // Only a member's name is kept, and only when it changed.
  const rename = db.prepare(
    `INSERT INTO member_names (user_id, display_name) SELECT ?2, ?1 WHERE EXISTS (SELECT 1 FROM members WHERE user_id = ?2)
     ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name WHERE display_name IS NOT excluded.display_name`,
  );

  const count = (statement: typeof countAdmins, workspaceId: number) =>
    Number((statement.get(workspaceId) as { n: number }).n);
  const roleOf = (workspaceId: number, userId: number): Role | undefined => {
    const row = selectMembership.get(userId) as { workspace_id: number; role: Role } | undefined;
    return row?.workspace_id === workspaceId ? row.role : undefined;
  };
  /** Whether taking `userId`'s admin role away would leave others without an admin. */
  const isLastAdmin = (workspaceId: number, userId: number) =>
    roleOf(workspaceId, userId) === 'admin' && count(countAdmins, workspaceId) === 1;

  return {
    membership: (userId) =>
      settle(() => {
        const row = selectMembership.get(userId) as { workspace_id: number; role: Role } | undefined;
        return row === undefined ? null : { workspaceId: row.workspace_id, role: row.role };
      }),
    credentials: (workspaceId) =>
      settle(() => {
        const row = selectCredentials.get(workspaceId) as { credentials: string | null } | undefined;
        if (row?.credentials == null) return null;
        try {
          return credentialsSchema.parse(JSON.parse(cipher.open(row.credentials, workspaceContext(workspaceId))));
        } catch {
          // The key was checked at open, so this row alone is damaged: leave it for the operator.
          logger.warn({ workspaceId }, "A workspace's credentials cannot be decrypted; left untouched.");
          return null;
        }
      }),
    saveCredentials: (userId, credentials: Credentials) =>
      settle(() =>
        inTransaction(db, () => {
          const now = clock();
          const row = selectMembership.get(userId) as { workspace_id: number } | undefined;
          const workspaceId = row?.workspace_id ?? Number(insertWorkspace.run(now).lastInsertRowid);
          if (row === undefined) insertMember.run(userId, workspaceId, 'admin', now, now);
          writeCredentials.run(cipher.seal(JSON.stringify(credentials), workspaceContext(workspaceId)), workspaceId);
          return { workspaceId, created: row === undefined };
        }),
      ),
    members: (workspaceId) =>
      settle(() =>
        (selectMembers.all(workspaceId) as unknown as MemberRow[]).map((row): Member => ({
          userId: row.user_id,
          role: row.role,
          joinedAt: row.joined_at,
          lastActiveAt: row.last_active_at,
          displayName: row.display_name,
        })),
      ),
    setRole: (workspaceId, userId, role) =>
      settle(() =>
        inTransaction(db, (): MemberChange => {
          if (roleOf(workspaceId, userId) === undefined) return 'not-member';
          if (role !== 'admin' && isLastAdmin(workspaceId, userId)) return 'last-admin';
          updateRole.run(role, userId, workspaceId);
          return 'done';
        }),
      ),
    removeMember: (workspaceId, userId) =>
      settle(() =>
        inTransaction(db, (): MemberChange => {
          if (roleOf(workspaceId, userId) === undefined) return 'not-member';
          if (isLastAdmin(workspaceId, userId)) return 'last-admin';
          deleteMember.run(userId, workspaceId);
          return 'done';
        }),
      ),
    dissolve: (workspaceId, userId) =>
      settle(() =>
        inTransaction(db, () => {
          if (roleOf(workspaceId, userId) === undefined || count(countMembers, workspaceId) !== 1) return false;
          deleteMember.run(userId, workspaceId);
          deleteWorkspace.run(workspaceId);
          deleteInvites.run(workspaceId);
          deleteChats.run(workspaceId);
          return true;
        }),
      ),
    noteActivity: (userId, displayName) =>
      settle(() => {
        touch.run(clock(), userId);
        if (displayName !== undefined) rename.run(displayName, userId);
      }),
  };
}
