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

  it('accepts exactly the instants a 4-digit ISO year can name, as strings or numbers', () => {
    // 0000-01-01T00:00:00Z = −62 167 219 200 000 ms; 9999-12-31T23:59:59.999Z = 253 402 300 799 999 ms.
    expect(parseTimestamp('0000-01-01T00:00:00Z')).toBe(-62_167_219_200_000);
    expect(parseTimestamp(-62_167_219_200_000)).toBe(-62_167_219_200_000);
    expect(parseTimestamp(253_402_300_799_999)).toBe(253_402_300_799_999);
    for (const value of [-62_167_219_200_001, 253_402_300_800_000, 8.64e15, -8.64e15, '9999-12-31T23:59:59-01:00']) {
      expect(parseTimestamp(value)).toBeNull();
    }
  });

  it('rejects what it cannot read without guessing, instead of throwing', () => {
    for (const value of [
      null,
      undefined,
      '',
      'yesterday',
      'Dec 4 2024',
      '2024-13-45T99:00:00Z',
      Number.NaN,
      9e15,
      {},
      true,
    ]) {
      expect(parseTimestamp(value)).toBeNull();
    }
  });
});

describe('toIso', () => {
  it('writes UTC with milliseconds', () => {
    expect(toIso(Date.UTC(2024, 11, 4, 10, 30))).toBe('2024-12-04T10:30:00.000Z');
  });
});
