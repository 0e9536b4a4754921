import { createHash } from 'node:crypto';
import type { LocationAlertState } from '@org/plume-analytics';
import type { MonitoredCheck } from '../storage/alert-store';

/** The watched locations of one customer on one cloud: checked together, with one call. */
export interface CustomerGroup {
  /** `cloud\ncustomerId`: the key of the customer's check jobs. */
  key: string;
  cloud: string;
  customerId: string;
  checks: MonitoredCheck[];
}

/**
 * The monitored locations grouped by (cloud, customer).
 * @example const groups = groupsOf(await alerts.monitored());
 */
export function groupsOf(checks: readonly MonitoredCheck[]): CustomerGroup[] {
  const groups = new Map<string, CustomerGroup>();
  for (const check of checks) {
    const key = `${check.cloud}\n${check.customerId}`;
    const group = groups.get(key) ?? { key, cloud: check.cloud, customerId: check.customerId, checks: [] };
    group.checks.push(check);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A customer's place in the interval, from its key: checks are spread evenly and stay put across restarts. */
function phaseOf(key: string, intervalMs: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % intervalMs;
}

/** The analytics state has a key between two phases: an alert pending, or a recovery under way. */
function changing(state: LocationAlertState | null): boolean {
  if (state === null) return false;
  for (const key of Object.values(state.keys)) if (key.phase === 'pending' || key.phase === 'recovering') return true;
  return false;
}

/**
 * The slot in which a customer's check is due now, or undefined when it is not due. A customer is
 * due once per interval, from its phase on (the slot is that interval's start), at once for a
 * location never checked, and `confirmMs` after a check that left an alert pending or a recovery
 * under way. The slot names which of these it is and is read from the database alone, so every
 * replica that finds the customer due names the same slot, and a job scheduler runs it once:
 * `<start>`, `<start>+new:<ids never checked>`, or `<start>+confirm:<last check>`.
 * @example const slot = dueSlot(group, Date.now(), 300_000, 5_000); // '1796390100000', or undefined
 */
export function dueSlot(group: CustomerGroup, now: number, intervalMs: number, confirmMs: number): string | undefined {
  const phase = phaseOf(group.key, intervalMs);
  const start = now - ((((now - phase) % intervalMs) + intervalMs) % intervalMs);
  const fresh = group.checks.filter((check) => check.checkedAt === null).map((check) => check.monitoredId);
  if (fresh.length > 0) return `${start}+new:${fresh.sort((a, b) => a - b).join(',')}`;
  const checked = group.checks.map((check) => check.checkedAt ?? 0);
  if (checked.some((at) => at < start)) return String(start);
  const confirming = group.checks.some((check) => (check.checkedAt ?? 0) + confirmMs <= now && changing(check.state));
  return confirming ? `${start}+confirm:${Math.max(...checked)}` : undefined;
}

/**
 * The time of a customer's least recent check (0 for a location never checked): the most overdue go first.
 * @example due.sort((a, b) => oldestCheck(a) - oldestCheck(b))
 */
export const oldestCheck = (group: CustomerGroup): number =>
  Math.min(...group.checks.map((check) => check.checkedAt ?? 0));
