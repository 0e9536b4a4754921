import type { BotContext } from '../context';
import type { AuditEntry } from '../storage/team-store';
import { auditPurpose } from '../team/purpose';

/**
 * Appends an entry to the audit log for the person acting in `ctx`, in `workspaceId`: ids only,
 * and a purpose wherever a customer's data is looked at. For such a lookup, `purpose` says what was
 * looked at; when the agent gave a purpose with /purpose that still holds, it comes first
 * (`ticket 4711 (health report)`).
 * @example await recordAudit(ctx, workspaceId, 'report.viewed', { customerId, locationId, purpose: 'health report' });
 */
export async function recordAudit(
  ctx: BotContext,
  workspaceId: number,
  action: AuditEntry['action'],
  details: Partial<Pick<AuditEntry, 'customerId' | 'locationId' | 'subjectId' | 'detail' | 'purpose'>> = {},
): Promise<void> {
  const actorId = ctx.from?.id ?? 0;
  const { team } = ctx.services;
  const kind = details.purpose;
  const purpose =
    kind === undefined || kind === null ? kind : auditPurpose((await team.purpose(actorId))?.purpose ?? null, kind);
  await team.audit({ workspaceId, actorId, action, ...details, ...(purpose === undefined ? {} : { purpose }) });
}
