import type { AuditAction, AuditEntry } from './team-store';

/** An `audit_log` row as both stores read it. */
export interface AuditRow {
  entry_id: number;
  at: number;
  workspace_id: number;
  actor_id: number;
  action: AuditAction;
  customer_id: string | null;
  location_id: string | null;
  subject_id: number | null;
  detail: string | null;
  purpose: string | null;
}

/**
 * The audit entry an `audit_log` row holds.
 * @example auditEntryOf(row).actorId // row.actor_id
 */
export const auditEntryOf = (row: AuditRow): AuditEntry => ({
  entryId: row.entry_id,
  at: row.at,
  workspaceId: row.workspace_id,
  actorId: row.actor_id,
  action: row.action,
  customerId: row.customer_id,
  locationId: row.location_id,
  subjectId: row.subject_id,
  detail: row.detail,
  purpose: row.purpose,
});
