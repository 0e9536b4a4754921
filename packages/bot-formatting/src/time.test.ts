import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime, formatTime, formatTimeZone, isValidTimeZone } from './time';

describe('timestamps in a time zone', () => {
  it('formats date and time in the given zone, including daylight saving time', () => {
    expect(formatDateTime('2024-12-04T10:30:00Z', 'Europe/Berlin')).toBe('2024-12-04 11:30');
    expect(formatDateTime('2024-07-04T10:30:00Z', 'Europe/Berlin')).toBe('2024-07-04 12:30');
    expect(formatTime(Date.UTC(2024, 0, 1, 0, 5), 'UTC')).toBe('00:05');
    expect(formatDate(new Date('2024-12-04T23:30:00Z'), 'Asia/Tokyo')).toBe('2024-12-05');
  });

  it('states a zone with its offset once', () => {
    expect(formatTimeZone('Europe/Berlin', '2024-07-01T00:00:00Z')).toBe('Europe/Berlin (UTC+02:00)');
    expect(formatTimeZone('America/New_York', '2024-01-01T00:00:00Z')).toBe('America/New_York (UTC-05:00)');
    expect(formatTimeZone('Europe/London', '2024-01-01T00:00:00Z')).toBe('Europe/London (UTC+00:00)');
    expect(formatTimeZone('UTC')).toBe('UTC');
  });

  it('rejects unknown zones and invalid times', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => formatTime('2024-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(/IANA/);
    expect(() => formatTime('yesterday', 'UTC')).toThrow(RangeError);
  });
});
