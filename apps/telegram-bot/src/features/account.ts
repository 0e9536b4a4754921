import { Composer } from 'telegraf';
import type { BotContext } from '../context';

const CANCELLED = {
  setup: 'Setup cancelled. Nothing was saved.',
  locations: 'Location search cancelled.',
  settings: 'Settings unchanged.',
  planSpeed: 'Plan speed unchanged.',
} as const;

const LAST_ADMIN =
  'You are the last admin of your workspace, so you cannot leave it: first make someone else an admin with /team.';

/** /cancel (stop the current question) and /logout (forget this user, and a workspace they were alone in). */
export function accountFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('cancel', async (ctx) => {
    const before = await ctx.services.store.get(ctx.from.id);
    if (before.dialog === undefined) return ctx.reply('There is nothing to cancel. /help lists what I can do.');
    await ctx.services.store.update(ctx.from.id, ({ dialog: _dialog, draft: _draft, ...rest }) => rest);
    await ctx.reply(CANCELLED[before.dialog.kind]);
  });

  feature.command('logout', async (ctx) => {
    const { store, team, plume } = ctx.services;
    const membership = await team.membership(ctx.from.id);
    let left = false;
    if (membership !== null) {
      const credentials = await team.credentials(membership.workspaceId);
      if (await team.dissolve(membership.workspaceId, ctx.from.id)) {
        if (credentials !== null) plume.forget(credentials);
      } else if ((await team.removeMember(membership.workspaceId, ctx.from.id)) === 'last-admin') {
        return ctx.reply(LAST_ADMIN);
      } else {
        left = true;
        await team.audit({ workspaceId: membership.workspaceId, actorId: ctx.from.id, action: 'member.left' });
      }
    }
    // The user's row goes whole, even one whose sealed part no longer decrypts: that is what /logout is for.
    await store.delete(ctx.from.id);
    await ctx.reply(
      left
        ? 'Done: you left your workspace (its credentials stay with it), and I erased your selected location and your recent locations.'
        : 'Done: I erased your Plume credentials, your selected location and your recent locations. /setup to start again.',
    );
  });

  return feature;
}
