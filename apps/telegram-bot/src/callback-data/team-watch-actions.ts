import { z } from 'zod';
import { WATCH_CONDITIONS } from '../storage/watch-store';
import { MUTE_HOURS } from './actions';
import { createCallbackData } from './codec';

// The buttons of /teamwatch: support and admins see and manage their team members' watches.
// Each names the member (`u`, a Telegram id) and the watched location (`mid`); every press checks
// again that the presser may and that the member is still in their team.

const user = z.coerce.number().int().positive();
const monitored = z.coerce.number().int().positive().max(1e12);

/** The team's overview: members and how many locations each watches. */
export const teamWatchesData = createCallbackData('tw', 1, {});

/** One member's watches. */
export const memberWatchesData = createCallbackData('twm', 1, { u: user });

/** One of a member's watches: its conditions, mute, unwatch. */
export const teamWatchSettingsData = createCallbackData('tws', 1, { u: user, mid: monitored });

/** Switch one condition of a member's watch on (`on` 1) or off (0). */
export const teamWatchConditionData = createCallbackData('twc', 1, {
  u: user,
  mid: monitored,
  cond: z.enum(WATCH_CONDITIONS),
  on: z.enum(['0', '1']),
});

/** Mute a member's watch for `hours`. */
export const teamMuteData = createCallbackData('twmu', 1, { u: user, mid: monitored, hours: z.enum(MUTE_HOURS) });

/** Stop a member's watch. */
export const teamUnwatchData = createCallbackData('twu', 1, { u: user, mid: monitored });
