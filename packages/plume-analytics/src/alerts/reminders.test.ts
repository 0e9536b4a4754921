import { describe, expect, it } from '@jest/globals';
import { isAnalyticsError, nextReminderAt } from '../index';

describe('nextReminderAt', () => {
  const firedAt = '2024-12-04T10:00:00Z';

  it('is off by default', () => {
    expect(nextReminderAt({ firedAt, remindersSent: 0 })).toBeNull();
  });

  it('when on, reminds every 4 hours from the last reminder, at most 3 times', () => {
    const policy = { enabled: true };
    expect(nextReminderAt({ firedAt, remindersSent: 0 }, policy)).toBe('2024-12-04T14:00:00.000Z');
    expect(nextReminderAt({ firedAt, remindersSent: 1, lastReminderAt: '2024-12-04T14:30:00Z' }, policy)).toBe(
      '2024-12-04T18:30:00.000Z',
    );
    expect(nextReminderAt({ firedAt, remindersSent: 3, lastReminderAt: '2024-12-05T02:00:00Z' }, policy)).toBeNull();
    expect(
      nextReminderAt({ firedAt: Date.parse(firedAt), remindersSent: 0 }, { enabled: true, everyHours: 0.5, max: 1 }),
    ).toBe('2024-12-04T10:30:00.000Z');
  });

  it('rejects an incident without usable times and a malformed policy', () => {
    for (const call of [
      () => nextReminderAt({ firedAt: 'soon', remindersSent: 0 }, { enabled: true }),
      () => nextReminderAt({ firedAt, remindersSent: -1 }),
      () => nextReminderAt({ firedAt, remindersSent: 0 }, { everyHours: 0 }),
    ]) {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(isAnalyticsError(error)).toBe(true);
    }
  });
});
