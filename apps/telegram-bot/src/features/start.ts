import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import type { UserState } from '../storage/user-state';
import { echo } from '../security/bidi';
import { joinWithInvite } from './join';

/** What this user should do next, given what the bot remembers about them. */
export function nextStep(state: UserState, member: boolean, firstName: string): string {
  if (!member) {
    return `Hi ${echo(firstName)}! I report on the Plume networks of your customers.\n\nStep 1: connect your Plume partner account with /setup (in a private chat with me).`;
  }
  if (state.selection === undefined) {
    return `Welcome back, ${echo(firstName)}! Your Plume account is connected.\n\nNext: pick a location with /locations.`;
  }
  return `Welcome back, ${echo(firstName)}! You're looking at “${echo(state.selection.name)}”.\n\n/status for its health report, /watch to hear when it has a problem, /locations to pick another, /settings for quiet hours and a daily digest, /help for everything else.`;
}

/** /start: guides the user to their next step; `/start <token>` (an invite link) joins a workspace. */
export function startFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.start(async (ctx) => {
    if (ctx.payload !== '' && ctx.chat.type === 'private') return joinWithInvite(ctx, ctx.payload);
    const state = await ctx.services.store.get(ctx.from.id);
    const membership = await ctx.services.team.membership(ctx.from.id);
    await ctx.reply(nextStep(state, membership !== null, ctx.from.first_name));
  });
  return feature;
}
