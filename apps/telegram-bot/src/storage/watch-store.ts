import type { ObservedCondition } from '@org/plume-analytics';
import { z } from 'zod';
import type { MonitoringDatabase } from './monitoring-db';
import { planSpeedOf, type PlanSpeed } from './plan-speed';
import { settle } from './settle';

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

/** A location to watch, as the person picked it (names as Plume gave them, raw). */
export interface WatchTarget {
  /** The Plume cloud (its API base): the poll and the budget are per cloud. */
  cloud: string;
  customerId: string;
  customerName: string;
  locationId: string;
  locationName: string;
}

/** A watched location: the target and its id among monitored locations. */
export interface MonitoredLocation extends WatchTarget {
  monitoredId: number;
}

/** One person's watch of one location. */
export interface Watch extends MonitoredLocation {
  conditionsOff: WatchCondition[];
  /** Epoch ms until which alerts are held back, when muted. */
  mutedUntil?: number;
  /** Conditions with an open incident at this location now. */
  openConditions: string[];
  /** The location's plan speed, shared by everyone watching it; absent when none is set. */
  planSpeed?: PlanSpeed;
}

/** What {@link WatchStore.watch} did with each target. */
export interface WatchOutcome {
  added: number;
  already: number;
  /** Targets refused because the person reached the cap. */
  refused: number;
  /** The person's watches afterwards. */
  total: number;
}

/** Watches per person and the monitored locations they share. Every write commits before its promise resolves. */
export interface WatchStore {
  /** Watches each target (in order) until the person has `cap` watches; the rest are refused. */
  watch(userId: number, targets: readonly WatchTarget[], cap: number): Promise<WatchOutcome>;
  /** Stops watching; the location stops being polled when nobody watches it. False when there was no such watch. */
  unwatch(userId: number, monitoredId: number): Promise<boolean>;
  /** The person's watches, by customer and location name. */
  list(userId: number): Promise<Watch[]>;
  /** One of the person's watches, or undefined when it is gone. */
  get(userId: number, monitoredId: number): Promise<Watch | undefined>;
  /** Switches one condition on or off for this watch; false when the watch is gone. */
  setCondition(userId: number, monitoredId: number, condition: WatchCondition, on: boolean): Promise<boolean>;
  /**
   * Sets the plan speed of a location the person watches (`null` clears it: the latest speed test
   * stands in). It belongs to the location, so it holds for everyone watching it. False when the
   * person does not watch it.
   */
  setPlanSpeed(userId: number, monitoredId: number, plan: PlanSpeed | null): Promise<boolean>;
  /** Holds back this watch's alerts until `until` (epoch ms; `null` unmutes); false when the watch is gone. */
  mute(userId: number, monitoredId: number, until: number | null): Promise<boolean>;
  /** A monitored location by id (for an alert's buttons), or undefined. */
  location(monitoredId: number): Promise<MonitoredLocation | undefined>;
  /** Records who acknowledged an open incident first; false when it is closed or unknown. */
  acknowledge(incidentId: number, userId: number, at: number): Promise<boolean>;
  /** The incident's location and whether it is open, or undefined. */
  incident(
    incidentId: number,
  ): Promise<{ monitoredId: number | null; open: boolean; acknowledged: boolean } | undefined>;
  /** Locations watched by anyone (each polled once). */
  countMonitored(): Promise<number>;
}

interface WatchRow {
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

const SELECT_WATCHES = `
  SELECT m.id AS monitored_id, m.cloud, m.customer_id, m.customer_name, m.location_id, m.location_name,
         w.conditions_off, w.muted_until, x.plan_speed,
         (SELECT group_concat(i.condition) FROM incidents i WHERE i.monitored_id = m.id AND i.resolved_at IS NULL) AS open_conditions
  FROM watches w JOIN monitored_locations m ON m.id = w.monitored_id
  LEFT JOIN monitored_wan x ON x.monitored_id = m.id
  WHERE w.user_id = ?`;

function toWatch(row: WatchRow): Watch {
  const planSpeed = planSpeedOf(row.plan_speed);
  return {
    monitoredId: Number(row.monitored_id),
    cloud: row.cloud,
    customerId: row.customer_id,
    customerName: row.customer_name,
    locationId: row.location_id,
    locationName: row.location_name,
    conditionsOff: conditionsSchema.parse(JSON.parse(row.conditions_off)),
    ...(row.muted_until === null ? {} : { mutedUntil: Number(row.muted_until) }),
    openConditions: row.open_conditions === null ? [] : [...new Set(row.open_conditions.split(','))],
    ...(planSpeed === null ? {} : { planSpeed }),
  };
}

/**
 * The SQLite {@link WatchStore} on the monitoring connection. A location is monitored once per
 * cloud however many people watch it; the last watcher leaving removes it and closes its incidents
 * (nobody is left to tell).
 * @example const watches = createWatchStore(openMonitoringDatabase(file)); (await watches.watch(42, [target], 200)).added // 1
 */
export function createWatchStore(database: MonitoringDatabase, clock: () => number = Date.now): WatchStore {
  const { db, transaction } = database;
  const upsertLocation = db.prepare(
    `INSERT INTO monitored_locations (cloud, customer_id, location_id, location_name, customer_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (cloud, location_id) DO UPDATE SET location_name = excluded.location_name,
       customer_name = excluded.customer_name, customer_id = excluded.customer_id
     RETURNING id`,
  );
  const countWatches = db.prepare('SELECT COUNT(*) AS n FROM watches WHERE user_id = ?');
  const insertWatch = db.prepare(
    'INSERT INTO watches (user_id, monitored_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const deleteWatch = db.prepare('DELETE FROM watches WHERE user_id = ? AND monitored_id = ?');
  const watchers = db.prepare('SELECT COUNT(*) AS n FROM watches WHERE monitored_id = ?');
  const closeIncidents = db.prepare(
    'UPDATE incidents SET resolved_at = ? WHERE monitored_id = ? AND resolved_at IS NULL',
  );
  const deleteLocation = db.prepare('DELETE FROM monitored_locations WHERE id = ?');
  const selectAll = db.prepare(`${SELECT_WATCHES} ORDER BY m.customer_name, m.location_name, m.id`);
  const selectOne = db.prepare(`${SELECT_WATCHES} AND m.id = ?`);
  const updateConditions = db.prepare('UPDATE watches SET conditions_off = ? WHERE user_id = ? AND monitored_id = ?');
  const updatePlan = db.prepare(
    `INSERT INTO monitored_wan (monitored_id, plan_speed)
     SELECT ?, ? WHERE EXISTS (SELECT 1 FROM watches w WHERE w.monitored_id = ? AND w.user_id = ?)
     ON CONFLICT (monitored_id) DO UPDATE SET plan_speed = excluded.plan_speed`,
  );
  const updateMute = db.prepare('UPDATE watches SET muted_until = ? WHERE user_id = ? AND monitored_id = ?');
  const selectLocation = db.prepare(
    'SELECT id AS monitored_id, cloud, customer_id, customer_name, location_id, location_name FROM monitored_locations WHERE id = ?',
  );
  const ack = db.prepare(
    `UPDATE incidents SET acknowledged_by = ?, acknowledged_at = ?
     WHERE id = ? AND resolved_at IS NULL AND acknowledged_at IS NULL`,
  );
  const selectIncident = db.prepare('SELECT monitored_id, resolved_at, acknowledged_at FROM incidents WHERE id = ?');
  const countMonitored = db.prepare(
    'SELECT COUNT(*) AS n FROM monitored_locations m WHERE EXISTS (SELECT 1 FROM watches w WHERE w.monitored_id = m.id)',
  );

  const count = (userId: number) => Number((countWatches.get(userId) as { n: number }).n);
  const get = (userId: number, monitoredId: number) => {
    const row = selectOne.get(userId, monitoredId) as WatchRow | undefined;
    return row === undefined ? undefined : toWatch(row);
  };

  return {
    watch(userId, targets, cap) {
      return settle(() =>
        transaction(() => {
          const outcome: WatchOutcome = { added: 0, already: 0, refused: 0, total: count(userId) };
          const now = clock();
          for (const t of targets) {
            const { id } = upsertLocation.get(
              t.cloud,
              t.customerId,
              t.locationId,
              t.locationName,
              t.customerName,
              now,
            ) as { id: number };
            if (get(userId, Number(id)) !== undefined) {
              outcome.already += 1;
              continue;
            }
            if (outcome.total >= cap) {
              outcome.refused += 1;
              if (Number((watchers.get(id) as { n: number }).n) === 0) deleteLocation.run(id);
              continue;
            }
            insertWatch.run(userId, id, now);
            outcome.added += 1;
            outcome.total += 1;
          }
          return outcome;
        }),
      );
    },
    unwatch(userId, monitoredId) {
      return settle(() =>
        transaction(() => {
          if (deleteWatch.run(userId, monitoredId).changes === 0) return false;
          if (Number((watchers.get(monitoredId) as { n: number }).n) === 0) {
            closeIncidents.run(clock(), monitoredId);
            deleteLocation.run(monitoredId);
          }
          return true;
        }),
      );
    },
    list(userId) {
      return settle(() => (selectAll.all(userId) as unknown as WatchRow[]).map(toWatch));
    },
    get(userId, monitoredId) {
      return settle(() => get(userId, monitoredId));
    },
    setCondition(userId, monitoredId, condition, on) {
      return settle(() =>
        transaction(() => {
          const watch = get(userId, monitoredId);
          if (watch === undefined) return false;
          const off = new Set(watch.conditionsOff);
          if (on) off.delete(condition);
          else off.add(condition);
          const ordered = WATCH_CONDITIONS.filter((c) => off.has(c));
          updateConditions.run(JSON.stringify(ordered), userId, monitoredId);
          return true;
        }),
      );
    },
    setPlanSpeed(userId, monitoredId, plan) {
      const text = plan === null ? null : JSON.stringify(plan);
      return settle(() => updatePlan.run(monitoredId, text, monitoredId, userId).changes > 0);
    },
    mute(userId, monitoredId, until) {
      return settle(() => updateMute.run(until, userId, monitoredId).changes > 0);
    },
    location(monitoredId) {
      return settle(() => {
        const row = selectLocation.get(monitoredId) as Omit<WatchRow, 'conditions_off' | 'muted_until'> | undefined;
        if (row === undefined) return undefined;
        return {
          monitoredId: Number(row.monitored_id),
          cloud: row.cloud,
          customerId: row.customer_id,
          customerName: row.customer_name,
          locationId: row.location_id,
          locationName: row.location_name,
        };
      });
    },
    acknowledge(incidentId, userId, at) {
      return settle(() => ack.run(userId, at, incidentId).changes > 0);
    },
    incident(incidentId) {
      return settle(() => {
        const row = selectIncident.get(incidentId) as
          { monitored_id: number | null; resolved_at: number | null; acknowledged_at: number | null } | undefined;
        if (row === undefined) return undefined;
        return {
          monitoredId: row.monitored_id === null ? null : Number(row.monitored_id),
          open: row.resolved_at === null,
          acknowledged: row.acknowledged_at !== null,
        };
      });
    },
    countMonitored() {
      return settle(() => Number((countMonitored.get() as { n: number }).n));
    },
  };
}
