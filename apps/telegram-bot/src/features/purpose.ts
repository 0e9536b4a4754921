import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import { echo } from '../security/bidi';
import { MAX_PURPOSE_LENGTH, parsePurpose, PURPOSE_TTL_MS } from '../team/purpose';
import { utcMinute } from '../team/when';
import { requireMember } from './guards';

const USAGE = `Give the reason for the lookups you are about to make, e.g. /purpose ticket 4711: for the next hour, the audit log records it with each customer's data you look at (and the customer's own export shows it). Up to ${MAX_PURPOSE_LENGTH} characters; a ticket number, not a customer's name. /purpose off ends it.`;

/**
 * /purpose <text>: the reason for the member's lookups of customers' data, recorded with each for an
 * hour (then the audit log records only what was looked at); /purpose off ends it; /purpose alone
 * says which holds. Validated: length, no control or invisible formatting characters.
 */
export function purposeFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('purpose', async (ctx) => {
    const ready = await requireMember(ctx, 'viewer');
    if (ready === undefined) return;
    const { team, clock, logger } = ctx.services;
    const argument = ctx.payload.trim();
    if (argument === '') {
      const current = await team.purpose(ctx.from.id);
      return void (await ctx.reply(
        current === null
          ? `No purpose is set: the audit log records what you look at only.\n\n${USAGE}`
          : `Your lookups are recorded with the purpose “${echo(current.purpose)}” until ${utcMinute(current.until)}. /purpose off ends it.`,
      ));
    }
    if (argument.toLowerCase() === 'off') {
      const ended = await team.clearPurpose(ctx.from.id);
      return void (await ctx.reply(ended ? 'Purpose ended.' : 'No purpose was set.'));
    }
    const parsed = parsePurpose(argument);
    if ('error' in parsed) return void (await ctx.reply(`${parsed.error}\n\n${USAGE}`));
    const until = clock() + PURPOSE_TTL_MS;
    await team.setPurpose(ctx.from.id, parsed.purpose, until);
    logger.info({ userId: ctx.from.id, workspaceId: ready.membership.workspaceId }, 'Purpose set.');
    await ctx.reply(
      `✅ Until ${utcMinute(until)}, your lookups of customers' data are recorded with the purpose “${echo(parsed.purpose)}”. /purpose off ends it sooner.`,
    );
  });
  return feature;
}
