import type { DatabaseSync } from 'node:sqlite';
import { settle } from './settle';
import { auditEntryOf, type AuditRow } from './audit-row';
import type { AuditFilter, AuditStore } from './team-store';

/** The {@link AuditStore} on the bot's SQLite database (schema step 9): append-only, ids only. */
export function sqliteAudit(db: DatabaseSync, clock: () => number): AuditStore {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, workspace_id, actor_id, action, customer_id, location_id, subject_id, detail, purpose)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare(
    `SELECT * FROM audit_log WHERE workspace_id = ?1
       AND (?2 IS NULL OR actor_id = ?2) AND (?3 IS NULL OR customer_id = ?3) AND (?4 IS NULL OR action = ?4)
     ORDER BY entry_id DESC LIMIT ?5`,
  );
  const lookups = db.prepare(
    `SELECT at, purpose FROM audit_log WHERE workspace_id = ? AND customer_id = ? AND purpose IS NOT NULL ORDER BY at`,
  );
  const purge = db.prepare('DELETE FROM audit_log WHERE at < ?');
  return {
    audit: (entry) =>
      settle(() => {
        insert.run(
          clock(),
          entry.workspaceId,
          entry.actorId,
          entry.action,
          entry.customerId ?? null,
          entry.locationId ?? null,
          entry.subjectId ?? null,
          entry.detail ?? null,
          entry.purpose ?? null,
        );
      }),
    auditEntries: (workspaceId, filter: AuditFilter, limit) =>
      settle(() => {
        const rows = select.all(
          workspaceId,
          filter.actorId ?? null,
          filter.customerId ?? null,
          filter.action ?? null,
          limit,
        ) as unknown as AuditRow[];
        return rows.map(auditEntryOf);
      }),
    customerLookups: (workspaceId, customerId) =>
      settle(() => {
        return (lookups.all(workspaceId, customerId) as Array<{ at: number; purpose: string }>).map((row) => ({
          at: row.at,
          purpose: row.purpose,
        }));
      }),
    purgeAudit: (before) =>
      settle(() => {
        return Number(purge.run(before).changes);
      }),
  };
}
