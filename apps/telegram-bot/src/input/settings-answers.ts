import { z } from 'zod';
import type { QuietHours } from '../settings/settings';

/** Each answer of /settings, checked before it is stored; the message of a failure is the reason shown. */

const OFF = /^(off|none|no|-)$/i;

/** The canonical name Intl gives an IANA zone (any case), or undefined when it knows none. */
function canonicalZone(text: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(text)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** An IANA time zone, e.g. Europe/Berlin (any case), normalised to its canonical spelling. */
export const timeZoneAnswerSchema = z
  .string()
  .trim()
  .max(64, 'That is too long for a time zone name.')
  .transform((text, ctx) => {
    const zone = canonicalZone(text);
    if (zone !== undefined) return zone;
    ctx.addIssue({
      code: 'custom',
      message: `“${text}” is not a time zone I know. Send an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    });
    return z.NEVER;
  });

/** `7`, `07`, `7:30` or `07:30` as minutes since midnight; the reason when it is no time of day. */
function timeOfDay(text: string): number | string {
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(text);
  if (match === null) return `“${text}” is not a time of day: write it as 22:00.`;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23) return `${text} is not a time of day: hours go from 00 to 23.`;
  if (minutes > 59) return `${text} is not a time of day: minutes go from 00 to 59.`;
  return hours * 60 + minutes;
}

/** Quiet hours as `22:00-07:00` (a span that may cross midnight), or `off`. */
export const quietHoursAnswerSchema = z
  .string()
  .trim()
  .max(40, 'That is too long for quiet hours: write them as 22:00-07:00.')
  .transform((text, ctx): QuietHours | null => {
    if (OFF.test(text)) return null;
    const span = /^(\S+?)\s*(?:-|–|—|to)\s*(\S+)$/i.exec(text);
    if (span === null) {
      ctx.addIssue({ code: 'custom', message: `“${text}” is not a span of time: write it as 22:00-07:00, or off.` });
      return z.NEVER;
    }
    const start = timeOfDay(span[1] ?? '');
    const end = timeOfDay(span[2] ?? '');
    const problem = [start, end].find((value) => typeof value === 'string');
    if (typeof problem === 'string' || typeof start !== 'number' || typeof end !== 'number') {
      ctx.addIssue({ code: 'custom', message: typeof problem === 'string' ? problem : 'That is not a span of time.' });
      return z.NEVER;
    }
    if (start === end) {
      ctx.addIssue({ code: 'custom', message: 'Quiet hours must start and end at different times.' });
      return z.NEVER;
    }
    return { start, end };
  });

/** The digest's hour: `8`, `08:00`, or `off`. */
export const digestHourAnswerSchema = z
  .string()
  .trim()
  .max(20, 'That is too long for an hour: write it as 08:00, or off.')
  .transform((text, ctx): number | null => {
    if (OFF.test(text)) return null;
    const minutes = timeOfDay(text);
    if (typeof minutes === 'string') {
      ctx.addIssue({ code: 'custom', message: minutes });
      return z.NEVER;
    }
    if (minutes % 60 !== 0) {
      ctx.addIssue({ code: 'custom', message: 'The digest goes out on the hour: write e.g. 08:00.' });
      return z.NEVER;
    }
    return minutes / 60;
  });
