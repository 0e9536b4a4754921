import { z } from 'zod';
import { createCallbackData } from './codec';

/** A key into the user's remembered button targets (see storage/refs.ts). */
const ref = z.coerce.number().int().nonnegative().max(1e9);

/** The views a report message can show; `s3h`/`s24h`/`s7d` are the online-time ranges. */
export const REPORT_VIEWS = ['status', 'wan', 's3h', 's24h', 's7d', 'nodes', 'wifi'] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

/** Show `view` of the location `ref`, editing the pressed message. */
export const reportViewData = createCallbackData('rv', 1, { view: z.enum(REPORT_VIEWS), ref });

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

/** /setup's optional step: the public Plume cloud, or another one. */
export const setupCloudData = createCallbackData('cloud', 1, { cloud: z.enum(['default', 'custom']) });
