import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './sqlite-workspaces';
import { settle } from './settle';
import { FAILURE_MEMORY_MS, openInviteOf, type InviteRow } from './invite-row';
import type { InviteStore, Redeemed } from './team-store';

/** The {@link InviteStore} on the bot's SQLite database (schema step 7). */
export function sqliteInvites(db: DatabaseSync, clock: () => number): InviteStore {
  const insert = db.prepare(
    `INSERT INTO invites (workspace_id, role, token_hash, created_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const selectOpen = db.prepare(
    `SELECT invite_id, role, created_by, expires_at FROM invites
     WHERE workspace_id = ? AND used_by IS NULL AND revoked_at IS NULL AND expires_at > ?
     ORDER BY invite_id DESC`,
  );
  const revoke = db.prepare(
    `UPDATE invites SET revoked_at = ?
     WHERE invite_id = ? AND workspace_id = ? AND used_by IS NULL AND revoked_at IS NULL`,
  );
  const byHash = db.prepare(
    'SELECT invite_id, workspace_id, role, created_by, expires_at, used_by, revoked_at FROM invites WHERE token_hash = ?',
  );
  const use = db.prepare('UPDATE invites SET used_by = ?, used_at = ? WHERE invite_id = ?');
  const membership = db.prepare('SELECT 1 FROM members WHERE user_id = ?');
  const workspaceExists = db.prepare('SELECT 1 FROM workspaces WHERE workspace_id = ?');
  const join = db.prepare(
    'INSERT INTO members (user_id, workspace_id, role, joined_at, last_active_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertFailure = db.prepare('INSERT INTO invite_failures (user_id, at) VALUES (?, ?)');
  const forgetFailures = db.prepare('DELETE FROM invite_failures WHERE at < ?');
  const countFailures = db.prepare('SELECT COUNT(*) AS n FROM invite_failures WHERE user_id = ? AND at >= ?');

  const isOpen = (row: InviteRow, now: number) =>
    row.used_by === null && row.revoked_at === null && row.expires_at > now;

  return {
    createInvite(workspaceId, role, createdBy, tokenHash, expiresAt) {
      return settle(() =>
        Number(insert.run(workspaceId, role, tokenHash, createdBy, clock(), expiresAt).lastInsertRowid),
      );
    },
    openInvites(workspaceId, now) {
      return settle(() => {
        return (selectOpen.all(workspaceId, now) as unknown as InviteRow[]).map(openInviteOf);
      });
    },
    revokeInvite(workspaceId, inviteId, now) {
      return settle(() => Number(revoke.run(now, inviteId, workspaceId).changes) === 1);
    },
    revokeByToken(tokenHash, now) {
      return settle(() => {
        const row = byHash.get(tokenHash) as InviteRow | undefined;
        if (row === undefined || !isOpen(row, now)) return null;
        revoke.run(now, row.invite_id, row.workspace_id);
        return { inviteId: row.invite_id, workspaceId: row.workspace_id };
      });
    },
    redeemInvite(tokenHash, userId, now): Promise<Redeemed> {
      return settle(() => {
        return inTransaction(db, () => {
          const row = byHash.get(tokenHash) as InviteRow | undefined;
          if (row === undefined || workspaceExists.get(row.workspace_id) === undefined) return { outcome: 'unknown' };
          if (row.used_by !== null) return { outcome: 'used' };
          if (row.revoked_at !== null) return { outcome: 'revoked' };
          if (row.expires_at <= now) return { outcome: 'expired' };
          if (membership.get(userId) !== undefined) return { outcome: 'member' };
          use.run(userId, now, row.invite_id);
          join.run(userId, row.workspace_id, row.role, now, now);
          return {
            outcome: 'joined',
            workspaceId: row.workspace_id,
            role: row.role,
            inviteId: row.invite_id,
            createdBy: row.created_by,
          };
        });
      });
    },
    noteInviteFailure(userId, now) {
      return settle(() => {
        forgetFailures.run(now - FAILURE_MEMORY_MS);
        insertFailure.run(userId, now);
      });
    },
    inviteFailures(userId, since) {
      return settle(() => Number((countFailures.get(userId, since) as { n: number }).n));
    },
  };
}
