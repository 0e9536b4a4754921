import type { FormattedText } from '@org/bot-formatting';
import {
  renderAlert,
  renderFlapping,
  renderMonitoringDegraded,
  renderRecovery,
  renderUnknown,
} from '@org/bot-formatting/plume';
import type { AlertDecision } from '@org/plume-analytics';
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
 * Renders an outbox row with the `/plume` renderers: names from Plume go through `echo` (they are
 * someone else's text); an alert gets its buttons (📊 Status, 🔕 Mute…, ✅ Acknowledge).
 * @example renderNotification(row, Date.now()).parts[0].text // '🔴 Offline\n🏠 Flaky Flat…'
 */
export function renderNotification(row: OutboxRow, now: number): RenderedNotification {
  const { body } = row;
  const decision = body.decision as unknown as AlertDecision;
  if (decision.condition === 'monitoringDegraded') return { parts: renderMonitoringDegraded(decision) };
  const place = {
    location: { name: echo(body.location?.name ?? '') },
    customer: { name: echo(body.customer?.name ?? '') },
    decision,
  };
  switch (row.kind) {
    case 'firing':
      return {
        parts: renderAlert(place, { now }),
        ...(body.monitoredId === undefined ? {} : { keyboard: alertKeyboard(body.monitoredId, row.incidentId) }),
      };
    case 'resolved':
      return { parts: renderRecovery(place) };
    case 'flapping':
      return { parts: renderFlapping(place) };
    case 'unknown':
      return { parts: renderUnknown(place) };
  }
}
