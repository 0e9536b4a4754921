import { describe, expect, it } from '@jest/globals';
import type { MonitoredCheck } from '../storage/alert-store';
import { WAN_EVERY_MS } from './observe';
import { wanEveryMs } from './wan-pace';

const FIVE_MINUTES = 300_000;

/** `locations` monitored locations spread over `customers` customers, `wanting` of them with WAN alerts on. */
function fleet(locations: number, customers: number, wanting = locations): MonitoredCheck[] {
  return Array.from({ length: locations }, (_, i) => ({
    monitoredId: i + 1,
    cloud: 'https://plume.example/api/',
    customerId: `c${i % customers}`,
    locationId: `L${i}`,
    locationName: `Location ${i}`,
    customerName: `Customer ${i % customers}`,
    state: null,
    checkedAt: null,
    nodesAt: null,
    wanAt: null,
    planSpeed: null,
    wanWanted: i < wanting,
    watchers: [1],
  }));
}

describe('the WAN pace of a cloud', () => {
  it('is every 15 minutes while the background lane affords it', () => {
    expect(wanEveryMs(fleet(300, 300), FIVE_MINUTES)).toBe(WAN_EVERY_MS);
    // 1,000 locations of 100 customers: 100 + 333 calls per interval leave plenty for 333 WAN calls.
    expect(wanEveryMs(fleet(1000, 100), FIVE_MINUTES)).toBe(WAN_EVERY_MS);
    // Up to 864 single-location customers, everything fits in 1,440 calls per 5 minutes.
    expect(wanEveryMs(fleet(864, 864), FIVE_MINUTES)).toBe(WAN_EVERY_MS);
  });

  it('stretches so that checks and WAN stats together stay within the lane', () => {
    // 1,000 single-location customers: 1,000 + 333 calls per interval leave 107 for WAN stats.
    const every = wanEveryMs(fleet(1000, 1000), FIVE_MINUTES);
    expect(Math.round(every / 60_000)).toBe(47);
    const perFiveMinutes = 1000 + 1000 / 3 + (1000 * FIVE_MINUTES) / every;
    expect(perFiveMinutes).toBeLessThanOrEqual(1440);
    // Fewer locations that want WAN stats share the same spare calls: they come more often.
    expect(wanEveryMs(fleet(1000, 1000, 200), FIVE_MINUTES)).toBeLessThan(every);
  });

  it('fetches no WAN stats when the checks alone fill the lane, and never counts on WAN nobody wants', () => {
    expect(wanEveryMs(fleet(1200, 1200), FIVE_MINUTES)).toBe(Infinity);
    expect(wanEveryMs(fleet(1200, 1200, 0), FIVE_MINUTES)).toBe(WAN_EVERY_MS);
  });
});
