import type { BotContext } from '../context';
import type { AuditEntry } from '../storage/team-store';

/**
 * Appends an entry to the audit log for the person acting in `ctx`, in `workspaceId`: ids only,
 * and a purpose wherever a customer's data is looked at.
 * @example await recordAudit(ctx, workspaceId, 'report.viewed', { customerId, locationId, purpose: 'health report' });
 */
export function recordAudit(
  ctx: BotContext,
  workspaceId: number,
  action: AuditEntry['action'],
  details: Partial<Pick<AuditEntry, 'customerId' | 'locationId' | 'subjectId' | 'detail' | 'purpose'>> = {},
): Promise<void> {
  return ctx.services.team.audit({ workspaceId, actorId: ctx.from?.id ?? 0, action, ...details });
}
