import type { LocationRef, Ref, UserState } from './user-state';

/** How many button targets a user's state remembers; older buttons are answered as stale. */
export const MAX_REFS = 64;
/** How many recently used locations /locations offers as one-tap choices. */
export const MAX_RECENT = 5;

const sameTarget = (a: Ref, b: Ref) =>
  a.kind === b.kind &&
  a.customerId === b.customerId &&
  (a.kind === 'customer' || (b.kind === 'location' && a.locationId === b.locationId));

/**
 * Gives `targets` short numeric keys for callback data (reusing a key when the target is known,
 * `added` counts the new ones), keeping the {@link MAX_REFS} most recently added.
 */
export function rememberRefs(
  state: UserState,
  targets: readonly Ref[],
): { state: UserState; keys: number[]; added: number } {
  let { next, items } = state.refs;
  const keys: number[] = [];
  let added = 0;
  for (const target of targets) {
    const known = items.find(([, ref]) => sameTarget(ref, target));
    if (known !== undefined) {
      keys.push(known[0]);
      continue;
    }
    const key = next++;
    added += 1;
    items = [...items, [key, target] as [number, Ref]].slice(-MAX_REFS);
    keys.push(key);
  }
  return { state: added === 0 ? state : { ...state, refs: { next, items } }, keys, added };
}

/** The target of a button's key, or undefined when the key has been forgotten (a stale button). */
export function recallRef(state: UserState, key: number): Ref | undefined {
  return state.refs.items.find(([k]) => k === key)?.[1];
}

/** Makes `location` the selection and the first of the recent locations. */
export function selectLocation(state: UserState, location: LocationRef): UserState {
  const others = state.recent.filter(
    (r) => !(r.customerId === location.customerId && r.locationId === location.locationId),
  );
  return { ...state, selection: location, recent: [location, ...others].slice(0, MAX_RECENT) };
}
