import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditFilter } from '../storage/team-store';
import { auditCsv, customerLookupsCsv } from '../team/audit-csv';
import { utcMinute } from '../team/when';
import { requireMember } from './guards';
import { PRIVATE_ONLY } from './invites';

/** Entries /audit shows in the chat; the CSV holds up to {@link EXPORT_LIMIT}. */
const SHOWN = 20;
const EXPORT_LIMIT = 10_000;
const USAGE = `Filters: /audit member <Telegram id>, /audit customer <customer id>, /audit action <action>, combined as you like. /audit export <customer id> gives a customer's own export (dates and purposes of lookups, no agents). Actions: ${AUDIT_ACTIONS.join(', ')}.`;

type Parsed = { filter: AuditFilter } | { subject: string } | { error: string };

/** `/audit` arguments: `member <id>`, `customer <id>`, `action <name>` pairs, or `export <customer id>`. */
function parse(args: readonly string[]): Parsed {
  if (args[0] === 'export') return args[1] === undefined ? { error: USAGE } : { subject: args[1] };
  const filter: AuditFilter = {};
  for (let i = 0; i < args.length; i += 2) {
    const [key, value] = [args[i], args[i + 1]];
    if (value === undefined) return { error: USAGE };
    if (key === 'member' && /^\d{1,15}$/.test(value)) filter.actorId = Number(value);
    else if (key === 'customer' && value.length <= 200) filter.customerId = value;
    else if (key === 'action' && (AUDIT_ACTIONS as readonly string[]).includes(value))
      filter.action = value as AuditAction;
    else return { error: USAGE };
  }
  return { filter };
}

const line = (e: AuditEntry) =>
  [
    utcMinute(e.at),
    `by ${e.actorId}`,
    e.action,
    e.customerId === null ? undefined : `customer ${e.customerId}`,
    e.locationId === null ? undefined : `location ${e.locationId}`,
    e.subjectId === null ? undefined : `about ${e.subjectId}`,
    e.detail ?? undefined,
    e.purpose === null ? undefined : `purpose: ${e.purpose}`,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');

/**
 * /audit (admin, private chat): the workspace's latest entries, filtered by member, customer or
 * action, and the matching entries as a CSV document; `/audit export <customer id>` sends the
 * customer's own export (dates and purposes of lookups, without the agents).
 */
export function auditFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('audit', async (ctx) => {
    if (ctx.chat.type !== 'private') return void (await ctx.reply(PRIVATE_ONLY));
    const ready = await requireMember(ctx, 'admin');
    if (ready === undefined) return;
    const { team, clock } = ctx.services;
    const { workspaceId } = ready.membership;
    const parsed = parse(ctx.args);
    if ('error' in parsed) return void (await ctx.reply(parsed.error));
    const stamp = new Date(clock()).toISOString().slice(0, 10);
    if ('subject' in parsed) {
      const lookups = await team.customerLookups(workspaceId, parsed.subject);
      await ctx.replyWithDocument(
        { source: Buffer.from(customerLookupsCsv(lookups), 'utf8'), filename: `customer-lookups-${stamp}.csv` },
        { caption: `${lookups.length} lookups of this customer's data: dates and purposes, without who made them.` },
      );
      return;
    }
    const entries = await team.auditEntries(workspaceId, parsed.filter, EXPORT_LIMIT);
    if (entries.length === 0) return void (await ctx.reply(`No audit entries match.\n\n${USAGE}`));
    const shown = entries.slice(0, SHOWN).map(line).join('\n');
    await ctx.reply(`Latest ${Math.min(SHOWN, entries.length)} of ${entries.length} audit entries:\n${shown}`);
    await ctx.replyWithDocument(
      { source: Buffer.from(auditCsv(entries), 'utf8'), filename: `audit-${stamp}.csv` },
      { caption: `The ${entries.length} matching entries, newest first.` },
    );
  });
  return feature;
}
