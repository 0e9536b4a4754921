import type { Pool } from 'pg';
import { lockForTransaction, pgTransaction } from './pg-database';
import { FAILURE_MEMORY_MS, openInviteOf, type InviteRow } from './invite-row';
import type { InviteStore, Redeemed } from './team-store';

/**
 * The {@link InviteStore} on PostgreSQL. Redeeming locks the person, the workspace and the invite's
 * row, so an invite is used once even when two people open it on two replicas at once, nobody joins
 * two workspaces, and nobody joins a workspace being dissolved.
 */
export function pgInvites(pool: Pool, clock: () => number): InviteStore {
  return {
    async createInvite(workspaceId, role, createdBy, tokenHash, expiresAt) {
      const { rows } = await pool.query<{ invite_id: number }>(
        `INSERT INTO invites (workspace_id, role, token_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING invite_id`,
        [workspaceId, role, tokenHash, createdBy, clock(), expiresAt],
      );
      return rows[0]?.invite_id ?? 0;
    },
    async openInvites(workspaceId, now) {
      const { rows } = await pool.query<InviteRow>(
        `SELECT invite_id, role, created_by, expires_at FROM invites
         WHERE workspace_id = $1 AND used_by IS NULL AND revoked_at IS NULL AND expires_at > $2
         ORDER BY invite_id DESC`,
        [workspaceId, now],
      );
      return rows.map(openInviteOf);
    },
    async revokeInvite(workspaceId, inviteId, now) {
      const result = await pool.query(
        `UPDATE invites SET revoked_at = $1
         WHERE invite_id = $2 AND workspace_id = $3 AND used_by IS NULL AND revoked_at IS NULL`,
        [now, inviteId, workspaceId],
      );
      return result.rowCount === 1;
    },
    async revokeByToken(tokenHash, now) {
      const { rows } = await pool.query<{ invite_id: number; workspace_id: number }>(
        `UPDATE invites SET revoked_at = $2
         WHERE token_hash = $1 AND used_by IS NULL AND revoked_at IS NULL AND expires_at > $2
         RETURNING invite_id, workspace_id`,
        [tokenHash, now],
      );
      const row = rows[0];
      return row === undefined ? null : { inviteId: row.invite_id, workspaceId: row.workspace_id };
    },
    redeemInvite: (tokenHash, userId, now) =>
      pgTransaction(pool, async (client): Promise<Redeemed> => {
        const found = await client.query<{ workspace_id: number }>(
          'SELECT workspace_id FROM invites WHERE token_hash = $1',
          [tokenHash],
        );
        const workspaceId = found.rows[0]?.workspace_id;
        if (workspaceId === undefined) return { outcome: 'unknown' };
        // Locks in the workspace store's order (person, workspace, then rows), so none waits on another in a circle.
        await lockForTransaction(client, 'person', userId);
        await lockForTransaction(client, 'workspace', workspaceId);
        const { rows } = await client.query<InviteRow>(
          `SELECT i.invite_id, i.workspace_id, i.role, i.created_by, i.expires_at, i.used_by, i.revoked_at
           FROM invites i JOIN workspaces w ON w.workspace_id = i.workspace_id
           WHERE i.token_hash = $1 FOR UPDATE OF i`,
          [tokenHash],
        );
        const row = rows[0];
        if (row === undefined) return { outcome: 'unknown' };
        if (row.used_by !== null) return { outcome: 'used' };
        if (row.revoked_at !== null) return { outcome: 'revoked' };
        if (row.expires_at <= now) return { outcome: 'expired' };
        const member = await client.query('SELECT 1 FROM members WHERE user_id = $1', [userId]);
        if (member.rowCount !== 0) return { outcome: 'member' };
        await client.query('UPDATE invites SET used_by = $1, used_at = $2 WHERE invite_id = $3', [
          userId,
          now,
          row.invite_id,
        ]);
        await client.query(
          'INSERT INTO members (user_id, workspace_id, role, joined_at, last_active_at) VALUES ($1, $2, $3, $4, $4)',
          [userId, row.workspace_id, row.role, now],
        );
        return {
          outcome: 'joined',
          workspaceId: row.workspace_id,
          role: row.role,
          inviteId: row.invite_id,
          createdBy: row.created_by,
        };
      }),
    noteInviteFailure: (userId, now) =>
      pgTransaction(pool, async (client) => {
        await client.query('DELETE FROM invite_failures WHERE at < $1', [now - FAILURE_MEMORY_MS]);
        await client.query('INSERT INTO invite_failures (user_id, at) VALUES ($1, $2)', [userId, now]);
      }),
    async inviteFailures(userId, since) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*) AS n FROM invite_failures WHERE user_id = $1 AND at >= $2',
        [userId, since],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
