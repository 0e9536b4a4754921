import { z } from 'zod';
import { roleSchema, ROLES } from '../team/roles';
import { createCallbackData } from './codec';

/** A key into the user's remembered button targets (see storage/refs.ts). */
const ref = z.coerce.number().int().nonnegative().max(1e9);

/** The views a report message can show; `s3h`/`s24h`/`s7d` are the online-time ranges. */
export const REPORT_VIEWS = ['status', 'wan', 's3h', 's24h', 's7d', 'nodes', 'wifi'] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

/** Show `view` of the location `ref`, editing the pressed message. */
export const reportViewData = createCallbackData('rv', 1, { view: z.enum(REPORT_VIEWS), ref });

/**
 * The charts a location has: WAN over 24 hours (`wan`) or 3 hours (`w3h`), from the one period
 * Plume reports WAN for (the last 24 hours); online time over 3 h, 24 h or 7 days.
 */
export const CHART_VIEWS = ['wan', 'w3h', 's3h', 's24h', 's7d'] as const;
export type ChartView = (typeof CHART_VIEWS)[number];

/** Send the chart `view` of the location `ref` as a photo replying to the pressed report. */
export const sendChartData = createCallbackData('chs', 1, { view: z.enum(CHART_VIEWS), ref });

/** Show the chart `view` of the location `ref` on the pressed chart, replacing its picture. */
export const chartViewData = createCallbackData('chv', 1, { view: z.enum(CHART_VIEWS), ref });

/** Start /locations again (the "Change location" button). */
export const changeLocationData = createCallbackData('chg', 1, {});

/** Select the location `ref` (a result of /locations, or a recent one). */
export const pickLocationData = createCallbackData('loc', 1, { ref });

/** Show page `page` of the locations of the customer `ref`. */
export const locationPageData = createCallbackData('lpg', 1, {
  ref,
  page: z.coerce.number().int().nonnegative().max(1000),
});

/** A /settings button: ask for one setting (`tz`, `quiet`, `digest`), or switch reminders on or off (`rem`). */
export const settingsData = createCallbackData('set', 1, { field: z.enum(['tz', 'quiet', 'digest', 'rem']) });
/** /invite's question: the role of the person invited. */
export const inviteRoleData = createCallbackData('inv', 1, { role: roleSchema });

/** /invites' Revoke button. */
export const revokeInviteData = createCallbackData('invx', 1, { invite: z.coerce.number().int().positive() });

/** What a /team button does to a member: give them a role, or remove them. */
export const MEMBER_ACTIONS = [...ROLES, 'remove'] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/** A /team button: `act` on the member `user` (a Telegram id). */
export const memberActionData = createCallbackData('mem', 1, {
  user: z.coerce.number().int().positive(),
  act: z.enum(MEMBER_ACTIONS),
});

/** /setup's optional step: the public Plume cloud, or another one. */
export const setupCloudData = createCallbackData('cloud', 1, { cloud: z.enum(['default', 'custom']) });

/** A monitored location's id (see storage/watch-store.ts). */
const monitored = z.coerce.number().int().positive().max(1e12);

/** Watch every location of the customer `ref` (the location picker's "👁 Watch all locations"). */
export const watchAllData = createCallbackData('wall', 1, { ref });

/** Watch every location of the customer of the location `ref` (the same button under /status). */
export const watchCustomerOfData = createCallbackData('wcus', 1, { ref });

/** Show the /status report of a watched location (under an alert). */
export const alertStatusData = createCallbackData('ast', 1, { mid: monitored });

/** How long a mute lasts. */
export const MUTE_HOURS = ['1', '8', '24'] as const;

/** Offer the mute durations for a watched location (under an alert). */
export const muteMenuData = createCallbackData('mmenu', 1, { mid: monitored });

/** Mute the person's watch of a location for `hours`. */
export const muteData = createCallbackData('mute', 1, { mid: monitored, hours: z.enum(MUTE_HOURS) });

/** Acknowledge an incident (stops its reminders). */
export const acknowledgeData = createCallbackData('ack', 1, { inc: monitored });

/** Open one watch's settings from /watches. */
export const watchSettingsData = createCallbackData('wset', 1, { mid: monitored });

/** Stop watching a location. */
export const unwatchData = createCallbackData('unw', 1, { mid: monitored });

/** Back from a watch's settings to the /watches list. */
export const watchListData = createCallbackData('wlist', 1, {});

/** Switch one condition of a watch on (`on` 1) or off (0). */
export const watchConditionData = createCallbackData('wcond', 1, {
  mid: monitored,
  cond: z.enum(['locationOffline', 'podDisconnected', 'healthDegraded', 'wanSaturated', 'speedTestDrop', 'plumeAlert']),
  on: z.enum(['0', '1']),
});

/** Ask for the plan speed of a watched location (shared by everyone watching it). */
export const watchPlanData = createCallbackData('wplan', 1, { mid: monitored });
