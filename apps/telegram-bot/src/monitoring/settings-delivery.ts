import { deliveryTarget } from '../settings/delivery-target';
import type { SettingsStore } from '../storage/settings-store';
import type { DeliveryFor } from './delivery';

/**
 * The bot's {@link DeliveryFor}: each person's alert route (a group, a forum topic) or else their
 * private chat; silent during their quiet hours, never dropped; times shown in their zone.
 * @example createMonitoring({ …, deliveryFor: settingsDelivery(settings) })
 */
export function settingsDelivery(settings: SettingsStore): DeliveryFor {
  return async (userId, at) => {
    const [personal, route] = await Promise.all([settings.get(userId), settings.route(userId)]);
    return { ...deliveryTarget(userId, personal, route, at), timeZone: personal.timeZone };
  };
}
