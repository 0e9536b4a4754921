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

/**
 * The start of the interval of the customer `key` that `at` falls in: a customer's regular check is
 * due once in each of these intervals, from its start on (the same phase for every replica, and
 * across restarts).
 * @example intervalStartOf(`${cloud}\n${customerId}`, Date.now(), 300_000) // e.g. 1796390100000
 */
export function intervalStartOf(key: string, at: number, intervalMs: number): number {
  const phase = phaseOf(key, intervalMs);
  return at - ((((at - phase) % intervalMs) + intervalMs) % intervalMs);
}

/**
 * How many `confirmMs` after a key turned pending (or began to recover) it is still confirmed
 * sooner than the interval: room for the observations the hysteresis asks for (at most three by
 * default). A key that stays pending longer (its readings hold: no data, a disconnected pod's
 * health) waits for the regular checks, instead of a check every `confirmMs` for as long as it holds.
 */
export const CONFIRM_WINDOW = 4;

/**
 * Whether a location's alert state awaits a confirmation at `now`: a key pending or recovering
 * that changed less than {@link CONFIRM_WINDOW} `confirmMs` ago.
 * @example awaitsConfirmation(check.state, Date.now(), 5_000) // true right after an offline observation
 */
export function awaitsConfirmation(state: LocationAlertState | null, now: number, confirmMs: number): boolean {
  if (state === null) return false;
  for (const key of Object.values(state.keys)) {
    const since = key.phase === 'pending' ? key.since : key.phase === 'recovering' ? key.recoveringSince : undefined;
    if (since !== undefined && now - Date.parse(since) < CONFIRM_WINDOW * confirmMs) return true;
  }
  return false;
}

/** Why a customer is due, from its slot ({@link dueSlot}): its regular check, a new location, or a confirmation. */
export type DueReason = 'regular' | 'new' | 'confirm';

/**
 * The reason a slot names.
 * @example dueReason('1796390100000+confirm:1796390104000') // 'confirm'
 */
export function dueReason(slot: string): DueReason {
  if (slot.includes('+new:')) return 'new';
  return slot.includes('+confirm:') ? 'confirm' : 'regular';
}

/**
 * The slot in which a customer's check is due now, or undefined when it is not due. A customer is
 * due once per interval, from its phase on (the slot is that interval's start, {@link intervalStartOf}),
 * at once for a location never checked, and `confirmMs` after a check that left an alert pending or a
 * recovery under way ({@link awaitsConfirmation}). The slot names which of these it is and is read from
 * the database alone, so every replica that finds the customer due names the same slot, and a job
 * scheduler runs it once: `<start>`, `<start>+new:<ids never checked>`, or `<start>+confirm:<last check>`.
 * @example const slot = dueSlot(group, Date.now(), 300_000, 5_000); // '1796390100000', or undefined
 */
export function dueSlot(group: CustomerGroup, now: number, intervalMs: number, confirmMs: number): string | undefined {
  const start = intervalStartOf(group.key, now, intervalMs);
  const fresh = group.checks.filter((check) => check.checkedAt === null).map((check) => check.monitoredId);
  if (fresh.length > 0) return `${start}+new:${fresh.sort((a, b) => a - b).join(',')}`;
  const checked = group.checks.map((check) => check.checkedAt ?? 0);
  if (checked.some((at) => at < start)) return String(start);
  const confirming = group.checks.some(
    (check) => (check.checkedAt ?? 0) + confirmMs <= now && awaitsConfirmation(check.state, now, confirmMs),
  );
  return confirming ? `${start}+confirm:${Math.max(...checked)}` : undefined;
}

/**
 * The time of a customer's least recent check (0 for a location never checked): the most overdue go first.
 * @example due.sort((a, b) => oldestCheck(a) - oldestCheck(b))
 */
export const oldestCheck = (group: CustomerGroup): number =>
  Math.min(...group.checks.map((check) => check.checkedAt ?? 0));
