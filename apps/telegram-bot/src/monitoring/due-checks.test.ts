import { describe, expect, it } from '@jest/globals';
import type { LocationAlertState } from '@org/plume-analytics';
import type { MonitoredCheck } from '../storage/alert-store';
import {
  awaitsConfirmation,
  CONFIRM_WINDOW,
  dueReason,
  dueSlot,
  groupsOf,
  intervalStartOf,
  oldestCheck,
} from './due-checks';

const INTERVAL = 300_000;
const CONFIRM = 5_000;

function check(
  monitoredId: number,
  customerId: string,
  checkedAt: number | null,
  phase?: 'pending' | 'firing',
): MonitoredCheck {
  // The key changed at the check (as it does when a check leaves it pending).
  const since = new Date(checkedAt ?? 0).toISOString();
  const state: LocationAlertState | null =
    phase === undefined
      ? null
      : ({
          locationId: `l${monitoredId}`,
          keys: { offline: { condition: 'offline', phase, count: 1, open: false, history: '1', noDataMs: 0, since } },
        } as unknown as LocationAlertState);
  return {
    monitoredId,
    cloud: 'gamma',
    customerId,
    locationId: `l${monitoredId}`,
    locationName: 'Home',
    customerName: 'Ada',
    state,
    checkedAt,
    nodesAt: null,
    wanAt: null,
    planSpeed: null,
    wanWanted: false,
    watchers: [1],
  };
}

/** The one group of these checks, and the start of the interval slot it is in at `now`. */
function onlyGroup(checks: MonitoredCheck[]) {
  const groups = groupsOf(checks);
  expect(groups).toHaveLength(1);
  return groups[0]!;
}

describe('dueSlot', () => {
  const now = 10 * INTERVAL + 123_456;
  const start = Number(dueSlot(onlyGroup([check(1, 'c', 0)]), now, INTERVAL, CONFIRM));

  it('names the interval slot of a customer checked before it, one fixed point of the interval', () => {
    expect(start).toBeLessThanOrEqual(now);
    expect(start).toBeGreaterThan(now - INTERVAL);
    // Later in the same interval: the same slot; one interval later: the next one.
    expect(dueSlot(onlyGroup([check(1, 'c', 0)]), start + INTERVAL - 1, INTERVAL, CONFIRM)).toBe(String(start));
    expect(dueSlot(onlyGroup([check(1, 'c', 0)]), start + INTERVAL, INTERVAL, CONFIRM)).toBe(String(start + INTERVAL));
  });

  it('is not due once checked in its slot, unless an alert waits for its confirmation', () => {
    expect(dueSlot(onlyGroup([check(1, 'c', start + 10)]), now, INTERVAL, CONFIRM)).toBeUndefined();
    expect(dueSlot(onlyGroup([check(1, 'c', start + 10, 'firing')]), now, INTERVAL, CONFIRM)).toBeUndefined();
    const pending = onlyGroup([check(1, 'c', start + 10, 'pending'), check(2, 'c', start + 20)]);
    expect(dueSlot(pending, start + 20 + CONFIRM - 1, INTERVAL, CONFIRM)).toBe(`${start}+confirm:${start + 20}`);
    expect(dueSlot(pending, start + 10 + CONFIRM - 1, INTERVAL, CONFIRM)).toBeUndefined();
    expect(dueReason(`${start}+confirm:${start + 20}`)).toBe('confirm');
  });

  it('stops confirming a key that stays pending (its readings hold) and leaves it to the regular checks', () => {
    const pending = check(1, 'c', start + 10, 'pending');
    const end = start + 10 + CONFIRM_WINDOW * CONFIRM;
    expect(awaitsConfirmation(pending.state, end - 1, CONFIRM)).toBe(true);
    expect(awaitsConfirmation(pending.state, end, CONFIRM)).toBe(false);
    // Checked again (it held): no confirmation once the window since the change has passed.
    const held = { ...pending, checkedAt: end - 1 };
    expect(dueSlot(onlyGroup([held]), end - 1 + CONFIRM, INTERVAL, CONFIRM)).toBeUndefined();
    expect(dueSlot(onlyGroup([held]), start + INTERVAL, INTERVAL, CONFIRM)).toBe(String(start + INTERVAL));
  });

  it('names the interval starts of a customer: every interval apart, the same on every replica', () => {
    const key = onlyGroup([check(1, 'c', 0)]).key;
    expect(intervalStartOf(key, now, INTERVAL)).toBe(start);
    expect(intervalStartOf(key, start - 1, INTERVAL)).toBe(start - INTERVAL);
    expect(dueReason(String(start))).toBe('regular');
  });

  it('is due at once for a location never checked, in a slot of its own', () => {
    const group = onlyGroup([check(2, 'c', start + 10), check(7, 'c', null), check(5, 'c', null)]);
    expect(dueSlot(group, now, INTERVAL, CONFIRM)).toBe(`${start}+new:5,7`);
    expect(dueReason(`${start}+new:5,7`)).toBe('new');
    expect(oldestCheck(group)).toBe(0);
  });

  it('spreads customers over the interval, each at its own point', () => {
    const starts = new Set(
      groupsOf(Array.from({ length: 20 }, (_, i) => check(i, `customer-${i}`, 0))).map((group) =>
        dueSlot(group, now, INTERVAL, CONFIRM),
      ),
    );
    expect(starts.size).toBeGreaterThan(10);
  });
});
