import { describe, expect, it } from '@jest/globals';
import { progressBar } from './progress';
import { sparkline } from './sparkline';

describe('progress bars', () => {
  it('rounds full cells down so only 100 % fills the bar', () => {
    expect(progressBar(0.5, { width: 8 })).toBe('████░░░░');
    expect(progressBar(0.998, { width: 8 })).toBe('███████░');
    expect(progressBar(0.9999, { width: 8 })).toBe('███████░');
    expect(progressBar(1, { width: 8 })).toBe('████████');
    expect(progressBar(0)).toBe('░░░░░░░░░░');
  });

  it('clamps fractions outside 0 to 1 and takes custom characters', () => {
    expect(progressBar(2, { width: 3, full: '#', empty: '-' })).toBe('###');
    expect(progressBar(-1, { width: 3, full: '#', empty: '-' })).toBe('---');
  });

  it('rejects NaN and a width that is not a positive integer', () => {
    expect(() => progressBar(Number.NaN)).toThrow(RangeError);
    expect(() => progressBar(0.5, { width: 0 })).toThrow(/width/);
  });
});

describe('sparklines', () => {
  it('scales values onto the eight bars', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 10], { min: 0 })).toBe('▅█');
  });

  it('shows missing values and flat series', () => {
    expect(sparkline([0, null, 10, Number.NaN], { missing: '·' })).toBe('▁·█·');
    expect(sparkline([3, 3, 3])).toBe('▁▁▁');
    expect(sparkline([])).toBe('');
    expect(sparkline([null, null])).toBe('  ');
  });

  it('clamps values outside the given range', () => {
    expect(sparkline([-5, 50], { min: 0, max: 10 })).toBe('▁█');
  });
});
