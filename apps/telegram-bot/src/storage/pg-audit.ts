import type { Pool } from 'pg';
import { auditEntryOf, type AuditRow } from './audit-row';
import type { AuditFilter, AuditStore } from './team-store';

/** The {@link AuditStore} on PostgreSQL: append-only (a trigger refuses updates), ids only. */
export function pgAudit(pool: Pool, clock: () => number): AuditStore {
  return {
    async audit(entry) {
      await pool.query(
        `INSERT INTO audit_log (at, workspace_id, actor_id, action, customer_id, location_id, subject_id, detail, purpose)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          clock(),
          entry.workspaceId,
          entry.actorId,
          entry.action,
          entry.customerId ?? null,
          entry.locationId ?? null,
          entry.subjectId ?? null,
          entry.detail ?? null,
          entry.purpose ?? null,
        ],
      );
    },
    async auditEntries(workspaceId, filter: AuditFilter, limit) {
      const { rows } = await pool.query<AuditRow>(
        `SELECT * FROM audit_log WHERE workspace_id = $1
           AND ($2::bigint IS NULL OR actor_id = $2) AND ($3::text IS NULL OR customer_id = $3)
           AND ($4::text IS NULL OR action = $4)
         ORDER BY entry_id DESC LIMIT $5`,
        [workspaceId, filter.actorId ?? null, filter.customerId ?? null, filter.action ?? null, limit],
      );
      return rows.map(auditEntryOf);
    },
    async customerLookups(workspaceId, customerId) {
      const { rows } = await pool.query<{ at: number; purpose: string }>(
        `SELECT at, purpose FROM audit_log WHERE workspace_id = $1 AND customer_id = $2 AND purpose IS NOT NULL
         ORDER BY at, entry_id`,
        [workspaceId, customerId],
      );
      return rows.map((row) => ({ at: row.at, purpose: row.purpose }));
    },
    async purgeAudit(before) {
      const result = await pool.query('DELETE FROM audit_log WHERE at < $1', [before]);
      return result.rowCount ?? 0;
    },
  };
}
