import { describe, expect, it } from '@jest/globals';
import { parseTimestamp, toIso } from './time';

describe('parseTimestamp', () => {
  it('reads ISO-8601 with Z, with an offset, and without a zone as UTC', () => {
    const utc = Date.UTC(2024, 11, 4, 10, 30);
    expect(parseTimestamp('2024-12-04T10:30:00Z')).toBe(utc);
    expect(parseTimestamp('2024-12-04T10:30:00.000Z')).toBe(utc);
    expect(parseTimestamp('2024-12-04T11:30:00+01:00')).toBe(utc);
    expect(parseTimestamp('2024-12-04T10:30:00')).toBe(utc);
    expect(parseTimestamp('2024-12-04 10:30:00')).toBe(utc);
    expect(parseTimestamp('2024-12-04')).toBe(Date.UTC(2024, 11, 4));
  });

  it('takes numbers as epoch ms', () => {
    expect(parseTimestamp(0)).toBe(0);
    expect(parseTimestamp(1733308200000)).toBe(1733308200000);
  });

  it('rejects what it cannot read without guessing, instead of throwing', () => {
    for (const value of [null, undefined, '', 'yesterday', 'Dec 4 2024', '2024-13-45T99:00:00Z', Number.NaN, 9e15, {}, true]) {
      expect(parseTimestamp(value)).toBeNull();
    }
  });
});

describe('toIso', () => {
  it('writes UTC with milliseconds', () => {
    expect(toIso(Date.UTC(2024, 11, 4, 10, 30))).toBe('2024-12-04T10:30:00.000Z');
  });
});
