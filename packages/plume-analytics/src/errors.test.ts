import { describe, expect, it } from '@jest/globals';
import { AnalyticsError, isAnalyticsError } from './errors';

describe('AnalyticsError', () => {
  it('carries its code, a prefixed message, its name and the cause', () => {
    const cause = new Error('inner');
    const error = new AnalyticsError('INVALID_OPTION', 'bad zone', { cause });
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe('[@org/plume-analytics] bad zone');
    expect(error.name).toBe('AnalyticsError');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(RangeError);
  });

  it('is recognised by the guard, also as a look-alike from another copy of the package', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'AnalyticsError', isAnalyticsError: true });
    expect(isAnalyticsError(new AnalyticsError('EMPTY_INPUT', 'x'))).toBe(true);
    expect(isAnalyticsError(lookAlike)).toBe(true);
    expect(isAnalyticsError(new RangeError('x'))).toBe(false);
    expect(isAnalyticsError({ name: 'AnalyticsError', isAnalyticsError: true })).toBe(false);
  });
});
