import type { ObservedCondition } from '@org/plume-analytics';
import { z } from 'zod';
import { planSpeedOf } from './plan-speed';
import type { MonitoredLocation, Watch } from './watch-store';

/** The conditions a person can switch off per watch, in the order /watches shows them. */
export const WATCH_CONDITIONS = [
  'locationOffline',
  'podDisconnected',
  'healthDegraded',
  'wanSaturated',
  'speedTestDrop',
  'plumeAlert',
] as const satisfies readonly ObservedCondition[];
export type WatchCondition = (typeof WATCH_CONDITIONS)[number];

const conditionsSchema = z.array(z.enum(WATCH_CONDITIONS)).catch([]);

/** A watch as {@link SELECT_WATCHES} reads it (both backends). */
export interface WatchRow {
  monitored_id: number;
  cloud: string;
  customer_id: string;
  customer_name: string;
  location_id: string;
  location_name: string;
  conditions_off: string;
  muted_until: number | null;
  open_conditions: string | null;
  plan_speed: string | null;
}

/** A person's watches (`$1` the user id), with their location, open incidents and plan speed. */
export const SELECT_WATCHES = `
  SELECT m.id AS monitored_id, m.cloud, m.customer_id, m.customer_name, m.location_id, m.location_name,
         w.conditions_off, w.muted_until, x.plan_speed,
         (SELECT string_agg(i.condition, ',') FROM incidents i
          WHERE i.monitored_id = m.id AND i.resolved_at IS NULL) AS open_conditions
  FROM watches w JOIN monitored_locations m ON m.id = w.monitored_id
  LEFT JOIN monitored_wan x ON x.monitored_id = m.id
  WHERE w.user_id = $1`;

/** The columns of `monitored_locations` a watch row carries. */
export type LocationRow = Pick<
  WatchRow,
  'monitored_id' | 'cloud' | 'customer_id' | 'customer_name' | 'location_id' | 'location_name'
>;

/**
 * The {@link MonitoredLocation} of a row.
 * @example locationOf(row).locationName // row.location_name
 */
export function locationOf(row: LocationRow): MonitoredLocation {
  return {
    monitoredId: Number(row.monitored_id),
    cloud: row.cloud,
    customerId: row.customer_id,
    customerName: row.customer_name,
    locationId: row.location_id,
    locationName: row.location_name,
  };
}

/**
 * The {@link Watch} of a row (a damaged conditions list reads as none switched off).
 * @example toWatch(row).conditionsOff // ['plumeAlert']
 */
export function toWatch(row: WatchRow): Watch {
  const planSpeed = planSpeedOf(row.plan_speed);
  return {
    ...locationOf(row),
    conditionsOff: conditionsSchema.parse(JSON.parse(row.conditions_off)),
    ...(row.muted_until === null ? {} : { mutedUntil: Number(row.muted_until) }),
    openConditions: row.open_conditions === null ? [] : [...new Set(row.open_conditions.split(','))],
    ...(planSpeed === null ? {} : { planSpeed }),
  };
}
