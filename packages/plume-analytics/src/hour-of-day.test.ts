import { describe, expect, it } from '@jest/globals';
import { isAnalyticsError } from './errors';
import { createHourOfDay } from './hour-of-day';

/** The local hour by asking Intl directly for every instant: the slow reference. */
function referenceHour(timeZone: string, epochMs: number): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(epochMs);
  return Number(text) % 24;
}

describe('createHourOfDay', () => {
  it('reads the UTC hour directly, also before 1970', () => {
    const hour = createHourOfDay('UTC');
    expect(hour(Date.UTC(2024, 11, 4, 23, 45))).toBe(23);
    expect(hour(Date.UTC(1969, 11, 31, 22, 0))).toBe(22);
  });

  it('shifts by the zone offset, half-hour zones included', () => {
    // 10:00 UTC is 11:00 in Berlin (CET, +1) in December and 15:30 in Kolkata (+5:30).
    const instant = Date.UTC(2024, 11, 4, 10, 0);
    expect(createHourOfDay('Europe/Berlin')(instant)).toBe(11);
    expect(createHourOfDay('Asia/Kolkata')(instant)).toBe(15);
    expect(createHourOfDay('Asia/Kolkata')(instant + 30 * 60_000)).toBe(16);
  });

  it('matches Intl on every 15 minutes across both DST changes of a year', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']) {
      const hour = createHourOfDay(zone);
      // Around the 2024 changes: Lord Howe (30-min DST) Apr 6 / Oct 5, EU Mar 30 / Oct 26, US Mar 9 / Nov 2.
      const days = (
        [
          [2024, 3, 6],
          [2024, 9, 5],
          [2024, 2, 30],
          [2024, 9, 26],
          [2024, 2, 9],
          [2024, 10, 2],
        ] satisfies [number, number, number][]
      ).map(([y, m, d]) => Date.UTC(y, m, d));
      for (const start of days) {
        for (let t = start; t < start + 3 * 86_400_000; t += 15 * 60_000) {
          expect(hour(t)).toBe(referenceHour(zone, t));
        }
      }
    }
  });

  it('rejects an unknown or empty time zone with INVALID_OPTION', () => {
    for (const zone of ['Mars/Olympus', '']) {
      let error: unknown;
      try {
        createHourOfDay(zone);
      } catch (caught) {
        error = caught;
      }
      expect(isAnalyticsError(error) && error.code).toBe('INVALID_OPTION');
    }
  });
});
