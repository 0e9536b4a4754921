import { plumeAlertsFromNodes, wanPlanSpeed, type LocationObservation } from '@org/plume-analytics';
import type { PlumeClient } from '@org/plume-sdk';
import type { MonitoredCheck } from '../storage/alert-store';
import { awaitsConfirmation } from './due-checks';

/** How often a location's node list is fetched when its online state has not changed. */
export const NODES_EVERY_MS = 15 * 60_000;

/** The least time between two fetches of a location's WAN stats (Plume reports them in 15-minute intervals). */
export const WAN_EVERY_MS = 15 * 60_000;

/** One location's observation, and what was fetched for it beyond the online state. */
export interface CheckResult {
  check: MonitoredCheck;
  observation: LocationObservation;
  nodesFetched: boolean;
  /** The WAN stats were asked for (whether Plume answered or not: the next try waits {@link WAN_EVERY_MS}). */
  wanFetched: boolean;
}

const BACKGROUND = { priority: 'background' } as const;

/**
 * Whether the node list is due: never fetched, older than {@link NODES_EVERY_MS}, Plume's
 * `statusChangedAt` differs from the one the last check recorded (the online state changed), or an
 * alert awaits its confirmation (a pod's keys are judged from the node list only: without it a
 * confirmation would observe nothing).
 */
function nodesDue(check: MonitoredCheck, statusChangedAt: string | undefined, now: number, confirmMs: number): boolean {
  if (check.nodesAt === null || check.state === null || now - check.nodesAt >= NODES_EVERY_MS) return true;
  if (awaitsConfirmation(check.state, now, confirmMs)) return true;
  const before = check.state.network?.changedAt ?? undefined;
  return statusChangedAt !== undefined && statusChangedAt !== before;
}

/**
 * Whether the WAN stats are worth a call now: some watcher has `wanSaturated` on, there is a plan
 * to judge them against (one set, or a speed test remembered), and the last fetch is at least
 * `everyMs` old (at least {@link WAN_EVERY_MS}; longer when the budget needs it, see wan-pace.ts).
 */
function wanDue(check: MonitoredCheck, now: number, everyMs: number): boolean {
  if (!check.wanWanted || everyMs === Infinity || wanPlanSpeed(check.state, check.planSpeed) === null) return false;
  return check.wanAt === null || now - check.wanAt >= everyMs;
}

type Observed = Omit<CheckResult, 'check'>;

/** When a check runs, how far apart WAN stats are fetched, and the monitor's `confirmMs` (0: none). */
interface Timing {
  now: number;
  wanEveryMs: number;
  confirmMs?: number;
}

/** Fetches one location's node list and WAN stats when due; a fetch that fails is left out (not judged). */
async function observeLocation(
  client: PlumeClient,
  customerId: string,
  check: MonitoredCheck,
  base: LocationObservation,
  statusChangedAt: string | undefined,
  timing: Timing,
  signal: AbortSignal,
): Promise<Observed> {
  const { now, wanEveryMs, confirmMs = 0 } = timing;
  const options = { ...BACKGROUND, signal };
  const fetchNodes = nodesDue(check, statusChangedAt, now, confirmMs);
  const fetchWan = wanDue(check, now, wanEveryMs);
  const skipped = (error: unknown) => {
    if (signal.aborted) throw error;
    return undefined;
  };
  const [nodes, wan] = await Promise.all([
    fetchNodes ? client.nodes.list(customerId, check.locationId, options).catch(skipped) : undefined,
    fetchWan ? client.reports.wanStats(customerId, check.locationId, options).catch(skipped) : undefined,
  ]);
  // Plume's own alerts come with the node list (each node's `alerts`): no call of their own.
  return {
    observation: {
      ...base,
      ...(check.planSpeed === null ? {} : { planSpeed: check.planSpeed }),
      ...(nodes === undefined ? {} : { nodes, plumeAlerts: plumeAlertsFromNodes(nodes) }),
      ...(wan === undefined ? {} : { wanSamples: wan.fifteenMins }),
    },
    nodesFetched: nodes !== undefined,
    wanFetched: fetchWan,
  };
}

/**
 * Observes the locations of one customer: one `customers.locations` call for all of them (their
 * online state), then per location its nodes when due (with the gateway's speed test and Plume's
 * alerts; also while an alert awaits its confirmation, `timing.confirmMs`) and its WAN stats when due
 * (`wanEveryMs` apart, at least {@link WAN_EVERY_MS}). Every
 * call goes in the budget's background lane. When the
 * customer's call fails, every location is observed as `failed` (no data is not down); a node list
 * or WAN stats call that fails is left out (not judged).
 * @example const results = await observeCustomer(client, 'c1', checks, { now: Date.now(), wanEveryMs: WAN_EVERY_MS }, signal);
 */
export async function observeCustomer(
  client: PlumeClient,
  customerId: string,
  checks: readonly MonitoredCheck[],
  timing: Timing,
  signal: AbortSignal,
): Promise<{ results: CheckResult[]; failed: boolean }> {
  const { now } = timing;
  const failedResult = (check: MonitoredCheck): CheckResult => ({
    check,
    observation: { locationId: check.locationId, at: now, failed: true },
    nodesFetched: false,
    wanFetched: false,
  });
  let statuses: Awaited<ReturnType<PlumeClient['customers']['locations']>>;
  try {
    statuses = await client.customers.locations(customerId, { ...BACKGROUND, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return { failed: true, results: checks.map(failedResult) };
  }
  const byId = new Map(statuses.map((status) => [status.id, status]));
  const results = await Promise.all(
    checks.map(async (check): Promise<CheckResult> => {
      const status = byId.get(check.locationId);
      if (status === undefined) return failedResult(check);
      const base = { locationId: check.locationId, at: now, networkStatus: status.networkStatus ?? null };
      const changedAt = status.networkStatus?.statusChangedAt;
      const observed = await observeLocation(client, customerId, check, base, changedAt, timing, signal);
      return { check, ...observed };
    }),
  );
  return { results, failed: false };
}
