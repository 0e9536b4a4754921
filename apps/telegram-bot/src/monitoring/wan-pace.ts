import type { MonitoredCheck } from '../storage/alert-store';
import { NODES_EVERY_MS, WAN_EVERY_MS } from './observe';

/** The calls monitoring may make per budget window on one cloud: the `PlumeBudget` defaults, 80 % of 1,800. */
export const BACKGROUND_CALLS_PER_WINDOW = 1440;

/** The budget's window (Plume's firewall counts calls per 5 minutes). */
export const BUDGET_WINDOW_MS = 5 * 60_000;

/**
 * How long a location's WAN stats wait between fetches on one cloud: {@link WAN_EVERY_MS}, or longer
 * when the cloud's background lane could not afford it on top of the checks themselves. Per interval
 * the checks cost one call per customer (the online state) and a node list per location every
 * {@link NODES_EVERY_MS}; what the lane has left is shared by the locations that want WAN stats.
 * With nothing left, WAN stats are not fetched at all (`Infinity`): the online state and the pods
 * come first.
 *
 * @param checks - the cloud's monitored locations
 * @param intervalMs - the check interval
 * @param laneCalls - calls the background lane allows per {@link BUDGET_WINDOW_MS}
 * @example wanEveryMs(checks, 300_000) // 900_000 for a few hundred locations; 2_813_000 for 1,000 single-location customers
 */
export function wanEveryMs(
  checks: readonly MonitoredCheck[],
  intervalMs: number,
  laneCalls = BACKGROUND_CALLS_PER_WINDOW,
): number {
  const wanting = checks.filter((check) => check.wanWanted).length;
  if (wanting === 0) return WAN_EVERY_MS;
  const customers = new Set(checks.map((check) => check.customerId)).size;
  const perInterval = (laneCalls * intervalMs) / BUDGET_WINDOW_MS;
  const base = customers + (checks.length * intervalMs) / NODES_EVERY_MS;
  const spare = perInterval - base;
  if (spare <= 0) return Infinity;
  return Math.max(WAN_EVERY_MS, Math.ceil((wanting * intervalMs) / spare));
}
