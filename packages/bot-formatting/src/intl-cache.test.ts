import { describe, expect, it } from '@jest/globals';
import { displayWidth, graphemes } from './graphemes';
import {
  cachedFormatterCounts,
  dateTimeFormat,
  defaultNumberFormat,
  englishPluralRules,
  fixedNumberFormat,
  graphemeSegmenter,
  MAX_ENTRIES,
} from './intl-cache';
import { plural } from './plural';
import { formatTime, isValidTimeZone } from './time';
import { formatMbps, formatNumber, formatPercent, formatVolume } from './units';

const AT = '2024-12-04T23:30:00Z';

function freshNumber(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** More distinct zones than a memo keeps, none of them used elsewhere in this file. */
const MANY_ZONES = Intl.supportedValuesOf('timeZone')
  .filter((zone) => zone.startsWith('America/'))
  .slice(0, MAX_ENTRIES + 8);

describe('reused Intl formatters', () => {
  it('hand back the same formatter for the same key, and another for another key', () => {
    expect(dateTimeFormat('Asia/Tokyo')).toBe(dateTimeFormat('Asia/Tokyo'));
    expect(dateTimeFormat('Asia/Tokyo')).not.toBe(dateTimeFormat('Europe/Berlin'));
    expect(dateTimeFormat('Asia/Tokyo').resolvedOptions().timeZone).toBe('Asia/Tokyo');
    expect(fixedNumberFormat(2)).toBe(fixedNumberFormat(2));
    expect(fixedNumberFormat(2)).not.toBe(fixedNumberFormat(3));
    expect(fixedNumberFormat(3).resolvedOptions().maximumFractionDigits).toBe(3);
    expect(defaultNumberFormat()).toBe(defaultNumberFormat());
    expect(englishPluralRules()).toBe(englishPluralRules());
    expect(graphemeSegmenter()).toBe(graphemeSegmenter());
  });

  it('keep at most MAX_ENTRIES formatters per memo, dropping the least recently used', () => {
    expect(MANY_ZONES.length).toBe(MAX_ENTRIES + 8);
    const first = MANY_ZONES.map((zone) => dateTimeFormat(zone));
    expect(cachedFormatterCounts().dateTime).toBe(MAX_ENTRIES);
    // The last MAX_ENTRIES zones are held: asking again gives the very same objects.
    const kept = MANY_ZONES.slice(-MAX_ENTRIES);
    kept.forEach((zone, i) => expect(dateTimeFormat(zone)).toBe(first[8 + i]));
    // The oldest were dropped: asking again builds a new, equivalent formatter.
    const rebuilt = dateTimeFormat(MANY_ZONES[0] as string);
    expect(rebuilt).not.toBe(first[0]);
    expect(rebuilt.format(new Date(AT))).toBe(first[0]?.format(new Date(AT)));
    expect(cachedFormatterCounts().dateTime).toBe(MAX_ENTRIES);
  });

  it('count a use as recent: a formatter used again outlives those used once after it', () => {
    const zones = MANY_ZONES.slice(0, MAX_ENTRIES);
    const held = zones.map((zone) => dateTimeFormat(zone));
    const favourite = zones[0] as string;
    expect(dateTimeFormat(favourite)).toBe(held[0]); // now the most recent
    dateTimeFormat(MANY_ZONES[MAX_ENTRIES] as string); // one more evicts the least recent: zones[1]
    expect(dateTimeFormat(favourite)).toBe(held[0]);
    expect(dateTimeFormat(zones[1] as string)).not.toBe(held[1]);
  });

  it('bound the number formatters the same way', () => {
    const counts = Array.from({ length: MAX_ENTRIES + 3 }, (_, decimals) => decimals);
    const formats = counts.map((decimals) => fixedNumberFormat(decimals));
    expect(cachedFormatterCounts().number).toBe(MAX_ENTRIES);
    expect(fixedNumberFormat(MAX_ENTRIES + 2)).toBe(formats[MAX_ENTRIES + 2]);
    expect(fixedNumberFormat(0)).not.toBe(formats[0]);
    expect(formatNumber(1.5, 0)).toBe('2');
  });

  it('give the same numbers as a fresh formatter for every count of decimals, in any order', () => {
    const values = [0, -0.004, 1234.5678, -98765.4321, 1e21, 0.5, 2.5, 999.995];
    const decimals = [0, 1, 2, 3, 0, 2, 1, 20, 0];
    for (const d of decimals) {
      for (const value of values)
        expect(formatNumber(value, d)).toBe(freshNumber(value, d).replace(/^-(?=0(\.0*)?$)/, ''));
    }
    expect([formatMbps(245.55), formatPercent(99.84), formatVolume(12_345), formatNumber(1234.56, 1)]).toEqual([
      '245.6 Mbps',
      '99.8%',
      '12.3 GB',
      '1,234.6',
    ]);
    expect([plural(1, 'pod'), plural(1200, 'device'), plural(0, 'pod'), plural(1, 'pod')]).toEqual([
      '1 pod',
      '1,200 devices',
      '0 pods',
      '1 pod',
    ]);
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

  it('never store a failure: unknown zones and invalid decimals keep failing the same way', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(isValidTimeZone('Mars/Olympus')).toBe(false);
      expect(() => formatTime(AT, 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
      expect(() => formatNumber(1, 101)).toThrow(RangeError);
    }
    const before = cachedFormatterCounts();
    expect(() => dateTimeFormat('Mars/Olympus')).toThrow(RangeError);
    expect(() => fixedNumberFormat(101)).toThrow(RangeError);
    expect(cachedFormatterCounts()).toEqual(before);
  });
});
