import { describe, expect, it } from '@jest/globals';
import { digestHourAnswerSchema, quietHoursAnswerSchema, timeZoneAnswerSchema } from '../input/settings-answers';
import { reasonOf } from '../input/setup-answers';
import { deliveryTarget } from './delivery-target';
import { digestDueFor, isQuietAt, localClock } from './local-time';
import { defaultAlertSettings } from './settings';
import type { z } from 'zod';

const reason = (schema: z.ZodType, text: string) => {
  const result = schema.safeParse(text);
  return result.success ? undefined : reasonOf(result.error);
};

describe('settings answers', () => {
  it('reads an IANA time zone in any case and refuses one Intl does not know', () => {
    expect(timeZoneAnswerSchema.parse(' europe/berlin ')).toBe('Europe/Berlin');
    expect(timeZoneAnswerSchema.parse('UTC')).toBe('UTC');
    expect(reason(timeZoneAnswerSchema, 'Mars/Olympus')).toBe(
      '“Mars/Olympus” is not a time zone I know. Send an IANA name such as Europe/Berlin, America/New_York or UTC.',
    );
    expect(reason(timeZoneAnswerSchema, '+02:00')).toContain('is not a time zone I know');
  });

  it('reads quiet hours that cross midnight, and says what is wrong with an impossible time', () => {
    expect(quietHoursAnswerSchema.parse('22:00-07:00')).toEqual({ start: 1320, end: 420 });
    expect(quietHoursAnswerSchema.parse('1:30 – 6')).toEqual({ start: 90, end: 360 });
    expect(quietHoursAnswerSchema.parse('off')).toBeNull();
    expect(reason(quietHoursAnswerSchema, '25:00-07:00')).toBe('25:00 is not a time of day: hours go from 00 to 23.');
    expect(reason(quietHoursAnswerSchema, '22:61-07:00')).toBe('22:61 is not a time of day: minutes go from 00 to 59.');
    expect(reason(quietHoursAnswerSchema, 'nights')).toContain('is not a span of time');
    expect(reason(quietHoursAnswerSchema, '07:00-07:00')).toBe('Quiet hours must start and end at different times.');
  });

  it('reads the digest hour on the hour, or off', () => {
    expect(digestHourAnswerSchema.parse('8')).toBe(8);
    expect(digestHourAnswerSchema.parse('08:00')).toBe(8);
    expect(digestHourAnswerSchema.parse('OFF')).toBeNull();
    expect(reason(digestHourAnswerSchema, '25:00')).toBe('25:00 is not a time of day: hours go from 00 to 23.');
    expect(reason(digestHourAnswerSchema, '08:30')).toBe('The digest goes out on the hour: write e.g. 08:00.');
  });
});

describe('local time', () => {
  const at = (iso: string) => Date.parse(iso);

  it('reads the date and time of day in the person’s zone', () => {
    expect(localClock(at('2024-12-04T23:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2024-12-05', minutes: 30 });
    expect(localClock(at('2024-07-01T12:00:00Z'), 'America/New_York')).toEqual({ date: '2024-07-01', minutes: 480 });
  });

  it('is quiet inside quiet hours that cross midnight, start included and end excluded', () => {
    const settings = { timeZone: 'Europe/Berlin', quietHours: { start: 22 * 60, end: 7 * 60 } };
    expect(isQuietAt(settings, at('2024-12-04T21:00:00Z'))).toBe(true); // 22:00 in Berlin
    expect(isQuietAt(settings, at('2024-12-05T05:59:00Z'))).toBe(true); // 06:59
    expect(isQuietAt(settings, at('2024-12-05T06:00:00Z'))).toBe(false); // 07:00
    expect(isQuietAt(settings, at('2024-12-04T20:59:00Z'))).toBe(false); // 21:59
    expect(isQuietAt({ ...settings, quietHours: null }, at('2024-12-04T23:00:00Z'))).toBe(false);
    expect(isQuietAt({ ...settings, quietHours: { start: 60, end: 120 } }, at('2024-12-05T00:30:00Z'))).toBe(true);
  });

  it('makes a digest due once its hour has come, once per local day', () => {
    const settings = { timeZone: 'Asia/Tokyo', digestHour: 8 };
    expect(digestDueFor(settings, at('2024-12-03T22:59:00Z'), null)).toBeUndefined(); // 07:59 in Tokyo
    expect(digestDueFor(settings, at('2024-12-03T23:00:00Z'), null)).toBe('2024-12-04');
    expect(digestDueFor(settings, at('2024-12-04T05:00:00Z'), '2024-12-04')).toBeUndefined();
    expect(digestDueFor(settings, at('2024-12-04T23:10:00Z'), '2024-12-04')).toBe('2024-12-05');
    expect(digestDueFor({ ...settings, digestHour: null }, at('2024-12-04T23:10:00Z'), null)).toBeUndefined();
  });
});

describe('delivery target', () => {
  const quiet = { ...defaultAlertSettings(), timeZone: 'Europe/Berlin', quietHours: { start: 22 * 60, end: 7 * 60 } };

  it('is the private chat, loud, by default', () => {
    expect(deliveryTarget(42, defaultAlertSettings(), undefined, Date.parse('2024-12-04T23:00:00Z'))).toEqual({
      chatId: 42,
      disableNotification: false,
    });
  });

  it('is silent during quiet hours and follows a route to a forum topic', () => {
    const route = { chatId: -1001, threadId: 7, chatTitle: 'NOC' };
    expect(deliveryTarget(42, quiet, route, Date.parse('2024-12-04T23:00:00Z'))).toEqual({
      chatId: -1001,
      messageThreadId: 7,
      disableNotification: true,
    });
    expect(deliveryTarget(42, quiet, route, Date.parse('2024-12-04T12:00:00Z')).disableNotification).toBe(false);
  });
});
