import { describe, expect, it } from '@jest/globals';
import { displayWidth, graphemes } from './graphemes';
import { cachedFormatterCounts, MAX_ENTRIES } from './intl-cache';
import { plural } from './plural';
import { formatDate, formatDateTime, formatTime, formatTimeZone, isValidTimeZone } from './time';
import { formatMbps, formatNumber, formatPercent, formatVolume } from './units';

const AT = '2024-12-04T23:30:00Z';
const SUMMER = '2024-07-01T00:00:00Z';

/** What the formatters gave before formatters were reused: a fresh `Intl` object per call. */
function freshParts(at: string, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  return Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
}

function freshNumber(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const ZONES = ['Europe/Berlin', 'Asia/Tokyo', 'America/New_York', 'UTC', 'Australia/Adelaide', 'Asia/Kolkata', 'europe/berlin'];

describe('reused Intl formatters', () => {
  it('give identical results on repeated calls with time zones and other locales interleaved', () => {
    const first = ZONES.map((zone) => [formatDateTime(AT, zone), formatTime(SUMMER, zone), formatDate(AT, zone), formatTimeZone(zone, SUMMER)]);
    for (let round = 0; round < 3; round += 1) {
      // Each round walks the zones in another order and uses other locales in between.
      const order = round % 2 === 0 ? [...ZONES].reverse() : ZONES;
      for (const zone of order) {
        new Intl.DateTimeFormat('de-DE', { timeZone: zone, dateStyle: 'full' }).format(new Date(AT));
        expect(isValidTimeZone(zone)).toBe(true);
        const again = [formatDateTime(AT, zone), formatTime(SUMMER, zone), formatDate(AT, zone), formatTimeZone(zone, SUMMER)];
        expect(again).toEqual(first[ZONES.indexOf(zone)]);
        const fresh = freshParts(AT, zone);
        expect(again[0]).toBe(`${fresh.year}-${fresh.month}-${fresh.day} ${fresh.hour}:${fresh.minute}`);
        expect((1234.5).toLocaleString('de-DE')).toBe('1.234,5');
        expect(formatNumber(1234.5, round)).toBe(freshNumber(1234.5, round));
      }
    }
    expect(first[0]).toEqual(['2024-12-05 00:30', '02:00', '2024-12-05', 'Europe/Berlin (UTC+02:00)']);
    expect(first[1]).toEqual(['2024-12-05 08:30', '09:00', '2024-12-05', 'Asia/Tokyo (UTC+09:00)']);
    expect(first[2]?.[0]).toBe('2024-12-04 18:30');
  });

  it('give the same numbers as a fresh formatter for every count of decimals, in any order', () => {
    const values = [0, -0.004, 1234.5678, -98765.4321, 1e21, 0.5, 2.5, 999.995];
    const decimals = [0, 1, 2, 3, 0, 2, 1, 20, 0];
    for (const d of decimals) {
      for (const value of values) expect(formatNumber(value, d)).toBe(freshNumber(value, d).replace(/^-(?=0(\.0*)?$)/, ''));
    }
    expect([formatMbps(245.55), formatPercent(99.84), formatVolume(12_345), formatNumber(1234.56, 1)]).toEqual([
      '245.6 Mbps',
      '99.8%',
      '12.3 GB',
      '1,234.6',
    ]);
    expect([plural(1, 'pod'), plural(1200, 'device'), plural(0, 'pod'), plural(1, 'pod')]).toEqual(['1 pod', '1,200 devices', '0 pods', '1 pod']);
  });

  it('segment graphemes the same on every call', () => {
    const text = 'a👨‍👩‍👧é🇩🇪東';
    const once = graphemes(text);
    expect(once).toEqual(['a', '👨‍👩‍👧', 'é', '🇩🇪', '東']);
    for (let i = 0; i < 3; i += 1) {
      expect(graphemes(text)).toEqual(once);
      expect(displayWidth(text)).toBe(8);
    }
  });

  it('stay bounded and correct when more zones and decimal counts are used than they keep', () => {
    const zones = Intl.supportedValuesOf('timeZone').slice(0, MAX_ENTRIES * 2);
    const before = zones.map((zone) => formatDateTime(AT, zone));
    for (let d = 0; d <= MAX_ENTRIES + 5; d += 1) formatNumber(1.5, d);
    expect(cachedFormatterCounts().dateTime).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(cachedFormatterCounts().number).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(zones.map((zone) => formatDateTime(AT, zone))).toEqual(before);
    expect(formatNumber(1.5, 0)).toBe('2');
  });

  it('never store a failure: unknown zones and invalid decimals keep failing the same way', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(isValidTimeZone('Mars/Olympus')).toBe(false);
      expect(() => formatTime(AT, 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
      expect(() => formatNumber(1, 101)).toThrow(RangeError);
    }
  });
});
