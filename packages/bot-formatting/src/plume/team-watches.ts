import { lines, concat, type FormattedText } from '../rich-text';
import { bold } from '../styles';
import { plural } from '../plural';
import { finish, type RenderOptions } from './shared';
import { isMuted, type WatchListItem } from './watches';

/** One member in {@link renderTeamWatches}. */
export interface TeamWatchMember {
  /** The member's name, as the caller made it safe to show. */
  readonly name: string;
  /** Their role in the team (`viewer`, `support`, `admin`). */
  readonly role: string;
  /** Their watches (only what is wrong now and mutes are read). */
  readonly watches: readonly WatchListItem[];
}

/** Options of {@link renderTeamWatches}. */
export interface TeamWatchesOptions extends RenderOptions {
  /** The time mutes are compared with, epoch ms. @default Date.now() */
  readonly now?: number;
}

/**
 * A team's watches at a glance, for its support agents: per member (in the given order, numbered as
 * the buttons under it are) how many locations they watch, how many have something wrong now and
 * how many are muted.
 *
 * @example
 * ```ts
 * renderTeamWatches([{ name: 'Sue', role: 'support', watches: [{ locationName: 'Flat', openConditions: ['locationOffline'] }] }])[0].text;
 * // "👥 The team's watches: 1 location, 1 member\n\n1. Sue (support): 1 location · 🔴 1 now\n\nPress a member to see their watches and manage them."
 * ```
 */
export function renderTeamWatches(
  members: readonly TeamWatchMember[],
  options: TeamWatchesOptions = {},
): FormattedText[] {
  const now = options.now ?? Date.now();
  const total = members.reduce((sum, member) => sum + member.watches.length, 0);
  const entries = members.map((member, index) => {
    const alerting = member.watches.filter((w) => (w.openConditions ?? []).length > 0).length;
    const muted = member.watches.filter((w) => isMuted(w, now)).length;
    const count = member.watches.length === 0 ? 'no location' : plural(member.watches.length, 'location');
    return concat(
      `${index + 1}. `,
      bold(member.name.trim() || 'Unnamed member'),
      ` (${member.role}): ${count}`,
      alerting > 0 ? ` · 🔴 ${alerting} now` : '',
      muted > 0 ? ` · 🔕 ${muted} muted` : '',
    );
  });
  return finish(
    [
      bold(`👥 The team's watches: ${plural(total, 'location')}, ${plural(members.length, 'member')}`),
      lines(...entries),
      'Press a member to see their watches and manage them.',
    ],
    options,
  );
}
