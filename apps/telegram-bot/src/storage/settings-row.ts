import type { Logger } from '../logger';
import { digestDueFor } from '../settings/local-time';
import { alertSettingsSchema, defaultAlertSettings, type AlertSettings } from '../settings/settings';
import type { AlertRoute } from './settings-store';

/** A person's alert route as every store keeps it (table `alert_routes`). */
export interface RouteRow {
  chat_id: number;
  thread_id: number | null;
  chat_title: string;
}

/**
 * The settings a stored row (`alert_settings.settings`, JSON) holds. A row that is not JSON, or not
 * of the settings' shape (written by another bot, or by hand), reads as the defaults and is logged:
 * a person's alerts keep flowing, and their next change writes a good row.
 * @example decodeSettings(undefined, 7, logger) // the defaults
 */
export function decodeSettings(json: string | undefined, userId: number, logger: Logger): AlertSettings {
  if (json === undefined) return defaultAlertSettings();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = undefined;
  }
  const parsed = alertSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  logger.warn({ userId }, 'Stored alert settings have an unexpected shape; using the defaults.');
  return defaultAlertSettings();
}

/** What an update writes: the settings as JSON, and the digest date to record (null: keep the stored one). */
export interface SettingsWrite {
  settings: AlertSettings;
  json: string;
  digestDate: string | null;
}

/**
 * Applies `change` to `before`, validated. A digest hour (or time zone) that changes to an hour
 * already past today records today's digest as sent, so the first digest comes tomorrow, not at once.
 * @throws {z.ZodError} when `change` returns settings of the wrong shape (nothing is written)
 * @example settingsWrite(defaults, (s) => ({ ...s, reminders: true }), Date.now()).digestDate // null
 */
export function settingsWrite(
  before: AlertSettings,
  change: (settings: AlertSettings) => AlertSettings,
  now: number,
): SettingsWrite {
  const settings = alertSettingsSchema.parse(change(before));
  const digestChanged = settings.digestHour !== before.digestHour || settings.timeZone !== before.timeZone;
  const skipToday = digestChanged ? digestDueFor(settings, now, null) : undefined;
  return { settings, json: JSON.stringify(settings), digestDate: skipToday ?? null };
}

/**
 * The route a stored row holds, or undefined for none (the person's private chat).
 * @example decodeRoute({ chat_id: -100, thread_id: null, chat_title: 'Ops' }) // { chatId: -100, chatTitle: 'Ops' }
 */
export function decodeRoute(row: RouteRow | undefined): AlertRoute | undefined {
  if (row === undefined) return undefined;
  return {
    chatId: Number(row.chat_id),
    chatTitle: row.chat_title,
    ...(row.thread_id === null ? {} : { threadId: Number(row.thread_id) }),
  };
}
