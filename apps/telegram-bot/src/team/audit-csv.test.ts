import { describe, expect, it } from '@jest/globals';
import type { AuditEntry } from '../storage/team-store';
import { auditCsv, customerLookupsCsv } from './audit-csv';

const entry: AuditEntry = {
  entryId: 1,
  at: Date.UTC(2026, 11, 4, 8, 10),
  workspaceId: 7,
  actorId: 1001,
  action: 'report.viewed',
  customerId: 'c1',
  locationId: 'l1',
  subjectId: null,
  detail: null,
  purpose: 'health report',
};

describe('the audit CSV', () => {
  it('has a header and one row per entry, empty cells for nothing', () => {
    expect(auditCsv([entry])).toBe(
      'time_utc,workspace_id,actor_id,action,customer_id,location_id,subject_id,detail,purpose\r\n' +
        '2026-12-04T08:10:00.000Z,7,1001,report.viewed,c1,l1,,,health report\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and defuses what a spreadsheet would run as a formula', () => {
    const csv = auditCsv([{ ...entry, customerId: '=HYPERLINK("x")', detail: 'a,b\nc' }]);
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",l1,,"a,b\nc",`);
  });

  it('gives a customer dates and purposes only', () => {
    expect(customerLookupsCsv([{ at: 0, purpose: 'health report' }])).toBe(
      'time_utc,purpose\r\n1970-01-01T00:00:00.000Z,health report\r\n',
    );
  });
});
