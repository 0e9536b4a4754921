import { rowLock, type MonitoringDatabase, type MonitoringSql, type SqlWork } from './monitoring-db';
import type { PlanSpeed } from './plan-speed';
import {
  locationOf,
  SELECT_WATCHES,
  toWatch,
  WATCH_CONDITIONS,
  type LocationRow,
  type WatchCondition,
  type WatchRow,
} from './watch-row';

export { WATCH_CONDITIONS, type WatchCondition } from './watch-row';

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

function* count(sql: MonitoringSql, query: string, id: number): SqlWork<number> {
  return Number((yield* sql.get<{ n: number }>(query, [id]))?.n ?? 0);
}

function* get(sql: MonitoringSql, userId: number, monitoredId: number): SqlWork<Watch | undefined> {
  const row = yield* sql.get<WatchRow>(`${SELECT_WATCHES} AND m.id = $2`, [userId, monitoredId]);
  return row === undefined ? undefined : toWatch(row);
}

/**
 * The {@link WatchStore} on the monitoring database (SQLite or PostgreSQL). A location is monitored
 * once per cloud however many people watch it; the last watcher leaving removes it and closes its
 * incidents (nobody is left to tell). Across replicas: a person's watches change one transaction at
 * a time (a lock per person), so the cap holds; and the last watcher leaving locks the location's
 * row before counting who is left, so a watch added meanwhile by another replica either waits for
 * the removal (and recreates the location) or is counted (and the location stays).
 * @example const watches = createWatchStore(openMonitoringDatabase(file)); (await watches.watch(42, [target], 200)).added // 1
 */
export function createWatchStore(database: MonitoringDatabase, clock: () => number = Date.now): WatchStore {
  return {
    watch(userId, targets, cap) {
      return database.transaction(function* (tx) {
        yield* tx.lock('watches', userId);
        const total = yield* count(tx, 'SELECT COUNT(*) AS n FROM watches WHERE user_id = $1', userId);
        const outcome: WatchOutcome = { added: 0, already: 0, refused: 0, total };
        const now = clock();
        for (const t of targets) {
          const row = yield* tx.get<{ id: number }>(
            `INSERT INTO monitored_locations (cloud, customer_id, location_id, location_name, customer_name, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (cloud, location_id) DO UPDATE SET location_name = excluded.location_name,
               customer_name = excluded.customer_name, customer_id = excluded.customer_id
             RETURNING id`,
            [t.cloud, t.customerId, t.locationId, t.locationName, t.customerName, now],
          );
          const id = Number(row?.id);
          const watched = yield* tx.get('SELECT 1 AS one FROM watches WHERE user_id = $1 AND monitored_id = $2', [
            userId,
            id,
          ]);
          if (watched !== undefined) {
            outcome.already += 1;
            continue;
          }
          if (outcome.total >= cap) {
            outcome.refused += 1;
            if ((yield* count(tx, 'SELECT COUNT(*) AS n FROM watches WHERE monitored_id = $1', id)) === 0)
              yield* tx.run('DELETE FROM monitored_locations WHERE id = $1', [id]);
            continue;
          }
          yield* tx.run(
            'INSERT INTO watches (user_id, monitored_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
            [userId, id, now],
          );
          outcome.added += 1;
          outcome.total += 1;
        }
        return outcome;
      });
    },
    unwatch(userId, monitoredId) {
      return database.transaction(function* (tx) {
        yield* tx.lock('watches', userId);
        const gone = yield* tx.run('DELETE FROM watches WHERE user_id = $1 AND monitored_id = $2', [
          userId,
          monitoredId,
        ]);
        if (gone === 0) return false;
        yield* tx.all(`SELECT id FROM monitored_locations WHERE id = $1${rowLock(tx)}`, [monitoredId]);
        if ((yield* count(tx, 'SELECT COUNT(*) AS n FROM watches WHERE monitored_id = $1', monitoredId)) === 0) {
          yield* tx.run('UPDATE incidents SET resolved_at = $1 WHERE monitored_id = $2 AND resolved_at IS NULL', [
            clock(),
            monitoredId,
          ]);
          yield* tx.run('DELETE FROM monitored_locations WHERE id = $1', [monitoredId]);
        }
        return true;
      });
    },
    async list(userId) {
      const rows = await database.read((sql) =>
        sql.all<WatchRow>(`${SELECT_WATCHES} ORDER BY m.customer_name, m.location_name, m.id`, [userId]),
      );
      return rows.map(toWatch);
    },
    get: (userId, monitoredId) => database.read((sql) => get(sql, userId, monitoredId)),
    setCondition(userId, monitoredId, condition, on) {
      return database.transaction(function* (tx) {
        yield* tx.lock('watches', userId);
        const watch = yield* get(tx, userId, monitoredId);
        if (watch === undefined) return false;
        const off = new Set(watch.conditionsOff);
        if (on) off.delete(condition);
        else off.add(condition);
        const ordered = WATCH_CONDITIONS.filter((c) => off.has(c));
        yield* tx.run('UPDATE watches SET conditions_off = $1 WHERE user_id = $2 AND monitored_id = $3', [
          JSON.stringify(ordered),
          userId,
          monitoredId,
        ]);
        return true;
      });
    },
    async setPlanSpeed(userId, monitoredId, plan) {
      const text = plan === null ? null : JSON.stringify(plan);
      const changed = await database.read((sql) =>
        sql.run(
          `INSERT INTO monitored_wan (monitored_id, plan_speed)
         SELECT CAST($1 AS BIGINT), CAST($2 AS TEXT)
         WHERE EXISTS (SELECT 1 FROM watches w WHERE w.monitored_id = $1 AND w.user_id = $3)
         ON CONFLICT (monitored_id) DO UPDATE SET plan_speed = excluded.plan_speed`,
          [monitoredId, text, userId],
        ),
      );
      return changed > 0;
    },
    async mute(userId, monitoredId, until) {
      const changed = await database.read((sql) =>
        sql.run('UPDATE watches SET muted_until = $1 WHERE user_id = $2 AND monitored_id = $3', [
          until,
          userId,
          monitoredId,
        ]),
      );
      return changed > 0;
    },
    async location(monitoredId) {
      const row = await database.read((sql) =>
        sql.get<LocationRow>(
          `SELECT id AS monitored_id, cloud, customer_id, customer_name, location_id, location_name
         FROM monitored_locations WHERE id = $1`,
          [monitoredId],
        ),
      );
      return row === undefined ? undefined : locationOf(row);
    },
    async acknowledge(incidentId, userId, at) {
      const changed = await database.read((sql) =>
        sql.run(
          `UPDATE incidents SET acknowledged_by = $1, acknowledged_at = $2
         WHERE id = $3 AND resolved_at IS NULL AND acknowledged_at IS NULL`,
          [userId, at, incidentId],
        ),
      );
      return changed > 0;
    },
    async incident(incidentId) {
      const row = await database.read((sql) =>
        sql.get<{
          monitored_id: number | null;
          resolved_at: number | null;
          acknowledged_at: number | null;
        }>('SELECT monitored_id, resolved_at, acknowledged_at FROM incidents WHERE id = $1', [incidentId]),
      );
      if (row === undefined) return undefined;
      return {
        monitoredId: row.monitored_id === null ? null : Number(row.monitored_id),
        open: row.resolved_at === null,
        acknowledged: row.acknowledged_at !== null,
      };
    },
    async countMonitored() {
      const row = await database.read((sql) =>
        sql.get<{ n: number }>(
          'SELECT COUNT(*) AS n FROM monitored_locations m WHERE EXISTS (SELECT 1 FROM watches w WHERE w.monitored_id = m.id)',
        ),
      );
      return Number(row?.n ?? 0);
    },
  };
}
