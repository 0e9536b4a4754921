import type { PlanSpeed } from '../wan-input-types';
import { usablePlanMbps } from '../wan-peaks';
import { isList } from './readings';
import type { LocationAlertState } from './types';

/**
 * The speeds `wanSaturated` judges a line against, and where they come from: `plan` (a plan speed
 * a person set) or `speedTest` (the gateway's latest successful speed test, remembered in the
 * alert state). A direction without a usable speed (missing, zero, negative) is `null` and not judged.
 *
 * @example
 * ```ts
 * const plan: WanPlan = { downloadMbps: 480, uploadMbps: 98, source: 'speedTest' };
 * ```
 */
export interface WanPlan {
  readonly downloadMbps: number | null;
  readonly uploadMbps: number | null;
  readonly source: 'plan' | 'speedTest';
}

/**
 * The speeds a location's WAN is judged against: the plan speed when one is given with a usable
 * direction, else the latest successful speed test the alert state remembers (what the line
 * delivered when last measured), else `null` (`wanSaturated` cannot be judged). Used by
 * `evaluateLocation` with `wan.planFromSpeedTest`, and by callers deciding whether fetching WAN
 * samples is worth a call.
 *
 * @param state - the location's alert state (only `speedTests` is read), or `null` before the first observation
 * @param planSpeed - the plan speed set for the location, if any
 * @returns the speeds and their source, or `null` when there is neither a plan nor a speed test
 * @throws never: malformed values read as missing
 *
 * @example
 * ```ts
 * wanPlanSpeed(null, { downloadMbps: 500, uploadMbps: 50 }); // { downloadMbps: 500, uploadMbps: 50, source: 'plan' }
 * wanPlanSpeed({ speedTests: [{ at: '2024-12-04T10:00:00.000Z', downloadMbps: 480, uploadMbps: 98 }] }, null);
 * // { downloadMbps: 480, uploadMbps: 98, source: 'speedTest' }
 * wanPlanSpeed(null, null); // null
 * ```
 */
export function wanPlanSpeed(
  state: { readonly speedTests?: LocationAlertState['speedTests'] | undefined } | null | undefined,
  planSpeed: PlanSpeed | null | undefined,
): WanPlan | null {
  const download = usablePlanMbps(planSpeed?.downloadMbps);
  const upload = usablePlanMbps(planSpeed?.uploadMbps);
  if (download !== null || upload !== null) return { downloadMbps: download, uploadMbps: upload, source: 'plan' };
  const tests = state?.speedTests;
  const latest = tests !== undefined && isList(tests) ? tests.at(-1) : undefined;
  if (latest === undefined) return null;
  const testDownload = usablePlanMbps(latest.downloadMbps);
  const testUpload = usablePlanMbps(latest.uploadMbps);
  if (testDownload === null && testUpload === null) return null;
  return { downloadMbps: testDownload, uploadMbps: testUpload, source: 'speedTest' };
}
