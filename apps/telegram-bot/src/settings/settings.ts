import { z } from 'zod';

/** Minutes since local midnight, 0–1439. */
const minuteOfDay = z.number().int().min(0).max(1439);

/** A span of local time, e.g. 22:00–07:00 (it may cross midnight; start ≠ end). */
export const quietHoursSchema = z
  .object({ start: minuteOfDay, end: minuteOfDay })
  .refine(({ start, end }) => start !== end, 'Quiet hours must start and end at different times.');
export type QuietHours = z.infer<typeof quietHoursSchema>;

/**
 * A person's alert settings, as stored (JSON) and used by the relay and the digest scheduler.
 * Every field has its default, so a stored row from an older bot (or none) reads as complete.
 */
export const alertSettingsSchema = z.object({
  /** IANA time zone in which quiet hours and the digest hour are read. */
  timeZone: z.string().min(1).default('UTC'),
  /** Alerts in this span arrive silently (never dropped); `null`: none. */
  quietHours: quietHoursSchema.nullable().default(null),
  /** Local hour (0–23) of the daily digest; `null`: no digest. */
  digestHour: z.number().int().min(0).max(23).nullable().default(null),
  /** Reminders of unacknowledged open incidents: every 4 h, at most 3. Off by default. */
  reminders: z.boolean().default(false),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

/** The settings of a person who never changed any. */
export function defaultAlertSettings(): AlertSettings {
  return alertSettingsSchema.parse({});
}

/** `07:05` from minutes since midnight. */
export function formatMinuteOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
