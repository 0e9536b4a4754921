// Internal: flapping detection over the last judged observations of one key.
import type { ResolvedAlertOptions } from './options';

/**
 * The share of changes in `history` (`1` bad, `0` good, oldest first): changes between neighbours
 * over `window − 1`. A history shorter than the window is preceded by good observations (a key with
 * nothing stored is OK with a clean history), so a leading `1` counts as a change.
 */
export function changeShare(history: string, window: number): number {
  let changes = history.length < window && history.charCodeAt(0) === 49 ? 1 : 0;
  for (let i = 1; i < history.length; i++) if (history.charCodeAt(i) !== history.charCodeAt(i - 1)) changes++;
  return changes / (window - 1);
}

/** What one more observation does to flapping: it starts, it settles, or neither. */
export type FlapChange = 'started' | 'settled' | null;

/** Appends one observation and tells whether flapping started or settled. */
export function flap(
  history: string,
  bad: boolean,
  flapping: boolean,
  options: ResolvedAlertOptions['flapping'],
): { readonly history: string; readonly change: FlapChange } {
  const next = (history + (bad ? '1' : '0')).slice(-options.window);
  const share = changeShare(next, options.window);
  if (!flapping && share > options.enterAbove) return { history: next, change: 'started' };
  if (flapping && share < options.settleBelow) return { history: next, change: 'settled' };
  return { history: next, change: null };
}
