import type { AlertRoute } from '../storage/settings-store';
import { isQuietAt } from './local-time';
import type { AlertSettings } from './settings';

/** Where and how one alert is delivered (Telegram's `chat_id`, `message_thread_id`, `disable_notification`). */
export interface DeliveryTarget {
  chatId: number;
  messageThreadId?: number;
  disableNotification: boolean;
}

/**
 * Where a person's alert goes at `at`: their route (a group, a forum topic) or else their private
 * chat (whose id is their user id); silently during their quiet hours, never dropped.
 * @example deliveryTarget(42, defaultAlertSettings(), undefined, Date.now()) // { chatId: 42, disableNotification: false }
 */
export function deliveryTarget(
  userId: number,
  settings: AlertSettings,
  route: AlertRoute | undefined,
  at: number,
): DeliveryTarget {
  return {
    chatId: route?.chatId ?? userId,
    ...(route?.threadId === undefined ? {} : { messageThreadId: route.threadId }),
    disableNotification: isQuietAt(settings, at),
  };
}
