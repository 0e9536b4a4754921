import type { BotContext } from '../context';
import { rememberRefs } from '../storage/refs';
import type { Ref, UserState } from '../storage/user-state';

/**
 * Gives button targets short keys in the user's state (see storage/refs.ts) and returns the keys.
 * Writes only when a target is new, so a repeated /status costs no storage write; `current` (the
 * state just read) saves a read.
 */
export async function remember(ctx: BotContext, targets: readonly Ref[], current?: UserState): Promise<number[]> {
  const userId = ctx.from?.id ?? 0;
  const known = rememberRefs(current ?? (await ctx.services.store.get(userId)), targets);
  if (known.added === 0) return known.keys;
  // The keys come from the state written, not from inside `change`: a resumed update gets that
  // state from its journal without running `change` again.
  const saved = await ctx.services.store.update(userId, (state) => rememberRefs(state, targets).state);
  return rememberRefs(saved, targets).keys;
}
