import type { Role } from '../team/roles';
import type { OpenInvite } from './team-store';

/** An `invites` row as both stores read it. */
export interface InviteRow {
  invite_id: number;
  workspace_id: number;
  role: Role;
  created_by: number;
  expires_at: number;
  used_by: number | null;
  revoked_at: number | null;
}

/** Refused attempts older than this are forgotten (the rate limit looks back less far). */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * The open invite a row of `SELECT invite_id, role, created_by, expires_at` describes.
 * @example openInviteOf(row).inviteId // row.invite_id
 */
export const openInviteOf = (row: Pick<InviteRow, 'invite_id' | 'role' | 'created_by' | 'expires_at'>): OpenInvite => ({
  inviteId: row.invite_id,
  role: row.role,
  createdBy: row.created_by,
  expiresAt: row.expires_at,
});
