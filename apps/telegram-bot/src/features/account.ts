import { Composer } from 'telegraf';
import type { BotContext } from '../context';
import { UnreadableStateError } from '../storage/user-store';

const CANCELLED = {
  setup: 'Setup cancelled. Nothing was saved.',
  locations: 'Location search cancelled.',
} as const;

/** /cancel (stop the current question) and /logout (forget this user entirely). */
export function accountFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('cancel', async (ctx) => {
    const before = await ctx.services.store.get(ctx.from.id);
    if (before.dialog === undefined) return ctx.reply('There is nothing to cancel. /help lists what I can do.');
    await ctx.services.store.update(ctx.from.id, ({ dialog: _dialog, draft: _draft, ...rest }) => rest);
    await ctx.reply(CANCELLED[before.dialog.kind]);
  });

  feature.command('logout', async (ctx) => {
    // Credentials that no longer decrypt are erased too: that is what /logout is for.
    const state = await ctx.services.store.get(ctx.from.id).catch((error: unknown) => {
      if (error instanceof UnreadableStateError) return undefined;
      throw error;
    });
    await ctx.services.store.delete(ctx.from.id);
    if (state?.credentials !== undefined) ctx.services.plume.forget(state.credentials);
    await ctx.reply(
      'Done: I erased your Plume credentials, your selected location and your recent locations. /setup to start again.',
    );
  });

  return feature;
}
