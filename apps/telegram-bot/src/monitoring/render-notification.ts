import type { FormattedText } from '@org/bot-formatting';
import {
  renderAlert,
  renderDailyDigest,
  renderFlapping,
  renderMonitoringDegraded,
  renderRecovery,
  renderReminder,
  renderUnknown,
} from '@org/bot-formatting/plume';
import type { AlertDecision, DailyDigest } from '@org/plume-analytics';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { alertKeyboard } from '../keyboards/watch-keyboards';
import { echo } from '../security/bidi';
import type { OutboxRow } from '../storage/outbox';

/** A notification ready to send: its text (one part unless very long) and buttons. */
export interface RenderedNotification {
  parts: FormattedText[];
  keyboard?: InlineKeyboardMarkup;
}

/**
 * Renders an outbox row with the `/plume` renderers, times in `timeZone` (the person's): names from
 * Plume go through `echo` (they are someone else's text); an alert and its reminders get their
 * buttons (📊 Status, 🔕 Mute…, ✅ Acknowledge); a digest is rendered from its stored analysis.
 * @example renderNotification(row, Date.now(), 'Europe/Berlin').parts[0].text // '🔴 Offline\n🏠 Flaky Flat…'
 */
export function renderNotification(row: OutboxRow, now: number, timeZone = 'UTC'): RenderedNotification {
  const { body } = row;
  if ('digest' in body) {
    return { parts: renderDailyDigest(body.digest as unknown as DailyDigest, { timeZone: body.timeZone }) };
  }
  const decision = body.decision as unknown as AlertDecision;
  if (decision.condition === 'monitoringDegraded') return { parts: renderMonitoringDegraded(decision, { timeZone }) };
  const place = {
    location: { name: echo(body.location?.name ?? '') },
    customer: { name: echo(body.customer?.name ?? '') },
    decision,
  };
  const buttons = body.monitoredId === undefined ? {} : { keyboard: alertKeyboard(body.monitoredId, row.incidentId) };
  switch (row.kind) {
    case 'firing':
      return { parts: renderAlert(place, { now, timeZone }), ...buttons };
    case 'reminder':
      return {
        parts: renderReminder(place, { now, timeZone, reminder: body.reminder ?? 1, of: body.reminderMax ?? 1 }),
        ...buttons,
      };
    case 'resolved':
      return { parts: renderRecovery(place, { timeZone }) };
    case 'flapping':
      return { parts: renderFlapping(place, { timeZone }) };
    case 'unknown':
      return { parts: renderUnknown(place, { timeZone }) };
    case 'digest':
      throw new TypeError(`Outbox row ${row.id} is a digest without its digest.`);
  }
}
