import { describe, expect, it } from '@jest/globals';
import { formatDuration } from './duration';
import { plural } from './plural';
import { formatMbps, formatNumber, formatPercent, formatVolume } from './units';

describe('units', () => {
  it('formats numbers with thousands separators and fixed decimals', () => {
    expect(formatNumber(1234.56, 1)).toBe('1,234.6');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('formats rates in Mbps and percentages', () => {
    expect(formatMbps(245.55)).toBe('245.6 Mbps');
    expect(formatMbps(8.5, 2)).toBe('8.50 Mbps');
    expect(formatPercent(99.84)).toBe('99.8%');
  });

  it('formats volumes in decimal units with three significant digits', () => {
    expect(formatVolume(0)).toBe('0 MB');
    expect(formatVolume(0.5)).toBe('500 kB');
    expect(formatVolume(850)).toBe('850 MB');
    expect(formatVolume(1000)).toBe('1.00 GB');
    expect(formatVolume(12_345)).toBe('12.3 GB');
    expect(formatVolume(1_234_567)).toBe('1.23 TB');
    expect(formatVolume(999.9999)).toBe('1.00 GB');
    expect(formatVolume(99.96)).toBe('100 MB');
    expect(() => formatVolume(-1)).toThrow(RangeError);
  });
});

describe('durations', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(725_000)).toBe('12 min 5 s');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 59_000)).toBe('3 d 4 h');
    expect(formatDuration(86_400_000 + 60_000)).toBe('1 d');
  });

  it('rejects negative durations', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });
});

describe('plurals', () => {
  it('picks the singular only for one', () => {
    expect(plural(1, 'pod')).toBe('1 pod');
    expect(plural(0, 'pod')).toBe('0 pods');
    expect(plural(3, 'pod')).toBe('3 pods');
    expect(plural(2, 'is', 'are')).toBe('2 are');
    expect(plural(1200, 'device')).toBe('1,200 devices');
  });
});
