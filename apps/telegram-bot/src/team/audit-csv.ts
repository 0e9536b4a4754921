import type { AuditEntry } from '../storage/team-store';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a field a
 * spreadsheet would run as a formula (`= + - @` first) gets a leading `'`.
 */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (values: ReadonlyArray<string | number | null>) => `${values.map(field).join(',')}\r\n`;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The audit log as CSV, for an admin: every column, ids only.
 * @example auditCsv(entries) // 'time_utc,workspace_id,actor_id,action,…\r\n2026-12-04T08:10:00.000Z,1,1001,report.viewed,…'
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const header = [
    'time_utc',
    'workspace_id',
    'actor_id',
    'action',
    'customer_id',
    'location_id',
    'subject_id',
    'detail',
    'purpose',
  ];
  return (
    row(header) +
    entries
      .map((e) =>
        row([
          iso(e.at),
          e.workspaceId,
          e.actorId,
          e.action,
          e.customerId,
          e.locationId,
          e.subjectId,
          e.detail,
          e.purpose,
        ]),
      )
      .join('')
  );
}

/**
 * A customer's data-subject export: the dates and purposes of the lookups of their data, without
 * who made them (what a customer is owed, not the agents' identities).
 * @example customerLookupsCsv([{ at: 0, purpose: 'health report' }]) // 'time_utc,purpose\r\n1970-01-01T00:00:00.000Z,health report\r\n'
 */
export function customerLookupsCsv(lookups: ReadonlyArray<{ at: number; purpose: string }>): string {
  return row(['time_utc', 'purpose']) + lookups.map((l) => row([iso(l.at), l.purpose])).join('');
}
