// Internal: the phase machine of one key, OK → PENDING → FIRING → RECOVERING → OK, with nothing
// about flapping or what is reported.
import type { AlertRule } from './options';
import type { AlertKeyState } from './types';

/** The phase change an observation caused, if it is one people hear about. */
export type PhaseEvent = 'firing' | 'resolved' | null;

/** The new state (phase, count, since, recoveringSince) and the event, for one judged observation. */
export function advance(
  state: AlertKeyState,
  bad: boolean,
  at: string,
  rule: AlertRule,
): { readonly state: AlertKeyState; readonly event: PhaseEvent; readonly endedAt?: string } {
  const { since: _since, recoveringSince: _recovering, ...rest } = state;
  const ok: AlertKeyState = { ...rest, phase: 'ok', count: 0 };
  switch (state.phase) {
    case 'ok':
      if (!bad) return { state, event: null };
      return rule.fireAfter <= 1
        ? { state: { ...rest, phase: 'firing', count: 0, since: at }, event: 'firing' }
        : { state: { ...rest, phase: 'pending', count: 1, since: at }, event: null };
    case 'pending':
      if (!bad) return { state: ok, event: null };
      return state.count + 1 >= rule.fireAfter
        ? { state: { ...rest, phase: 'firing', count: 0, since: state.since ?? at }, event: 'firing' }
        : { state: { ...state, count: state.count + 1 }, event: null };
    case 'firing':
      if (bad) return { state, event: null };
      return rule.resolveAfter <= 1
        ? { state: ok, event: 'resolved', endedAt: at }
        : { state: { ...state, phase: 'recovering', count: 1, recoveringSince: at }, event: null };
    case 'recovering':
      if (bad) return { state: { ...rest, phase: 'firing', count: 0, since: state.since ?? at }, event: null };
      return state.count + 1 >= rule.resolveAfter
        ? { state: ok, event: 'resolved', endedAt: state.recoveringSince ?? at }
        : { state: { ...state, count: state.count + 1 }, event: null };
  }
}
