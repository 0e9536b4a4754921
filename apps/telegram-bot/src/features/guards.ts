import type { BotContext } from '../context';
import type { Credentials, LocationRef, UserState } from '../storage/user-state';

/** The user's credentials, or undefined after telling them to run /setup. */
export async function requireCredentials(
  ctx: BotContext,
): Promise<{ state: UserState; credentials: Credentials } | undefined> {
  const state = await ctx.services.store.get(ctx.from?.id ?? 0);
  if (state.credentials !== undefined) return { state, credentials: state.credentials };
  const text = 'First connect your Plume partner account with /setup (in a private chat with me).';
  if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(text, { show_alert: true });
  else await ctx.reply(text);
  return undefined;
}

/** The user's credentials and selected location, or undefined after saying what's missing. */
export async function requireSelection(
  ctx: BotContext,
): Promise<{ state: UserState; credentials: Credentials; location: LocationRef } | undefined> {
  const ready = await requireCredentials(ctx);
  if (ready === undefined) return undefined;
  if (ready.state.selection === undefined) {
    await ctx.reply('Pick a location first: /locations');
    return undefined;
  }
  return { state: ready.state, credentials: ready.credentials, location: ready.state.selection };
}
