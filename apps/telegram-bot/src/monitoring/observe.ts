import type { LocationObservation } from '@org/plume-analytics';
import type { PlumeClient } from '@org/plume-sdk';
import type { MonitoredCheck } from '../storage/alert-store';

/** How often a location's node list is fetched when its online state has not changed. */
export const NODES_EVERY_MS = 15 * 60_000;

/** One location's observation, and whether its node list was fetched for it. */
export interface CheckResult {
  check: MonitoredCheck;
  observation: LocationObservation;
  nodesFetched: boolean;
}

const BACKGROUND = { priority: 'background' } as const;

/**
 * Whether the node list is due: never fetched, older than {@link NODES_EVERY_MS}, or Plume's
 * `statusChangedAt` differs from the one the last check recorded (the online state changed).
 */
function nodesDue(check: MonitoredCheck, statusChangedAt: string | undefined, now: number): boolean {
  if (check.nodesAt === null || check.state === null || now - check.nodesAt >= NODES_EVERY_MS) return true;
  const before = check.state.network?.changedAt ?? undefined;
  return statusChangedAt !== undefined && statusChangedAt !== before;
}

/**
 * Observes the locations of one customer: one `customers.locations` call for all of them (their
 * online state), then each location's nodes when due. Every call goes in the budget's background
 * lane. When the customer's call fails, every location is observed as `failed` (no data is not
 * down); a node list that fails is left out (not judged).
 * @example const results = await observeCustomer(client, 'c1', checks, Date.now(), signal);
 */
export async function observeCustomer(
  client: PlumeClient,
  customerId: string,
  checks: readonly MonitoredCheck[],
  now: number,
  signal: AbortSignal,
): Promise<{ results: CheckResult[]; failed: boolean }> {
  let statuses: Awaited<ReturnType<PlumeClient['customers']['locations']>>;
  try {
    statuses = await client.customers.locations(customerId, { ...BACKGROUND, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return {
      failed: true,
      results: checks.map((check) => ({
        check,
        observation: { locationId: check.locationId, at: now, failed: true },
        nodesFetched: false,
      })),
    };
  }
  const byId = new Map(statuses.map((status) => [status.id, status]));
  const results = await Promise.all(
    checks.map(async (check): Promise<CheckResult> => {
      const status = byId.get(check.locationId);
      if (status === undefined)
        return { check, observation: { locationId: check.locationId, at: now, failed: true }, nodesFetched: false };
      const observation = { locationId: check.locationId, at: now, networkStatus: status.networkStatus ?? null };
      if (!nodesDue(check, status.networkStatus?.statusChangedAt, now))
        return { check, observation, nodesFetched: false };
      try {
        const nodes = await client.nodes.list(customerId, check.locationId, { ...BACKGROUND, signal });
        return { check, observation: { ...observation, nodes }, nodesFetched: true };
      } catch (error) {
        if (signal.aborted) throw error;
        return { check, observation, nodesFetched: false };
      }
    }),
  );
  return { results, failed: false };
}
