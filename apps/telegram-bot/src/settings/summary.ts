import { echo } from '../security/bidi';
import type { AlertRoute } from '../storage/settings-store';
import { formatMinuteOfDay, type AlertSettings } from './settings';

/** What /settings shows: each setting on its line, and where alerts go. */
export function settingsSummary(settings: AlertSettings, route: AlertRoute | undefined): string {
  const quiet =
    settings.quietHours === null
      ? 'none'
      : `${formatMinuteOfDay(settings.quietHours.start)}–${formatMinuteOfDay(settings.quietHours.end)} (alerts then arrive silently)`;
  const digest = settings.digestHour === null ? 'off' : formatMinuteOfDay(settings.digestHour * 60);
  const reminders = settings.reminders ? 'on: every 4 h while an alert is open and not acknowledged, at most 3' : 'off';
  const where =
    route === undefined
      ? 'this private chat'
      : `the group “${echo(route.chatTitle)}”${route.threadId === undefined ? '' : ' (its topic where /alerts here was sent)'}`;
  return [
    '⚙️ Your alert settings',
    '',
    `🌍 Time zone: ${settings.timeZone}`,
    `🌙 Quiet hours: ${quiet}`,
    `🗞 Daily digest: ${digest}`,
    `🔁 Reminders: ${reminders}`,
    `📍 Alerts go to: ${where}`,
    '',
    'Press a button to change one. /alerts here in a group sends your alerts there.',
  ].join('\n');
}
