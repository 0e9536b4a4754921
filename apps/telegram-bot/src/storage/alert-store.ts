import type { AlertDecision, LocationAlertState, MonitoringState } from '@org/plume-analytics';
import { commitDecision } from './alert-commit';
import type { MonitoringDatabase } from './monitoring-db';
import { planSpeedOf, type PlanSpeed } from './plan-speed';

/** A monitored location as the monitor polls it. */
export interface MonitoredCheck {
  monitoredId: number;
  cloud: string;
  customerId: string;
  locationId: string;
  locationName: string;
  customerName: string;
  /** The analytics state after the last check; null before the first. */
  state: LocationAlertState | null;
  /** Epoch ms of the last check and of the last node list fetched, or null. */
  checkedAt: number | null;
  nodesAt: number | null;
  /** Epoch ms of the last WAN stats fetch (tried), or null. */
  wanAt: number | null;
  /** The plan speed a watcher set, or null (the latest speed test stands in). */
  planSpeed: PlanSpeed | null;
  /** Whether some watcher has `wanSaturated` on (only then are WAN stats fetched). */
  wanWanted: boolean;
  /** The people watching it, lowest id first (the first with credentials polls it). */
  watchers: number[];
}

/** One evaluated cycle of one cloud: new states and what analytics decided. */
export interface CycleCommit {
  cloud: string;
  /** Epoch ms of the cycle. */
  at: number;
  monitoring: MonitoringState;
  locations: ReadonlyArray<{
    check: MonitoredCheck;
    state: LocationAlertState;
    /** Set when this cycle fetched the node list. */
    nodesAt?: number;
    /** Set when this cycle fetched (or tried to fetch) the WAN stats. */
    wanAt?: number;
  }>;
  decisions: readonly AlertDecision[];
}

/** One decision's effect, for the log (ids only). */
export interface DecisionEffect {
  decision: AlertDecision;
  monitoredId: number | null;
  incidentId: number | null;
  recipients: number;
}

/** The monitor's side of the store: what to poll, and committing a cycle with its notifications. */
export interface AlertStore {
  /** Every location somebody watches. */
  monitored(): Promise<MonitoredCheck[]>;
  /** The cloud's fleet state (for `monitoringDegraded`), or null at first. */
  fleetState(cloud: string): Promise<MonitoringState | null>;
  /**
   * Writes the cycle in one transaction: each location's state, the fleet state, the incidents
   * opened and closed, and one outbox row per person to tell. Returns each decision's effect.
   * A location whose state another commit wrote since `check` was read (another replica checked it
   * meanwhile) keeps that state: this cycle's state and decisions for it are dropped.
   */
  commit(cycle: CycleCommit): Promise<DecisionEffect[]>;
}

interface CheckRow {
  id: number;
  cloud: string;
  customer_id: string;
  location_id: string;
  location_name: string;
  customer_name: string;
  alert_state: string | null;
  checked_at: number | null;
  nodes_at: number | null;
  wan_at: number | null;
  plan_speed: string | null;
  wan_wanted: number;
  watchers: string;
}

const num = (value: number | null) => (value === null ? null : Number(value));

const SELECT_MONITORED = `
  SELECT m.id, m.cloud, m.customer_id, m.location_id, m.location_name, m.customer_name, m.alert_state,
         m.checked_at, m.nodes_at, x.wan_at, x.plan_speed,
         max(CASE WHEN w.conditions_off LIKE '%"wanSaturated"%' THEN 0 ELSE 1 END) AS wan_wanted,
         string_agg(CAST(w.user_id AS TEXT), ',') AS watchers
  FROM monitored_locations m JOIN watches w ON w.monitored_id = m.id
  LEFT JOIN monitored_wan x ON x.monitored_id = m.id
  GROUP BY m.id, x.wan_at, x.plan_speed ORDER BY m.id`;

/**
 * The {@link AlertStore} on the monitoring database (SQLite or PostgreSQL); who is told is
 * {@link commitDecision}'s rule. Two replicas committing the same location: its row is updated only
 * when `checked_at` is still the one the check read (compare-and-set; on PostgreSQL the second
 * writer waits for the first's row lock, then finds it changed), so one cycle's decisions win and
 * the other's are dropped. An incident opens once: the open-incident unique key (cloud, key) makes
 * a second opener find it open, and tell nobody again.
 * @example const alerts = createAlertStore(openMonitoringDatabase(file)); (await alerts.monitored()).length // 0
 */
export function createAlertStore(database: MonitoringDatabase): AlertStore {
  return {
    async monitored() {
      return (await database.read((sql) => sql.all<CheckRow>(SELECT_MONITORED))).map(toCheck);
    },
    async fleetState(cloud) {
      const row = await database.read((sql) =>
        sql.get<{ state: string }>('SELECT state FROM monitoring_clouds WHERE cloud = $1', [cloud]),
      );
      return row === undefined ? null : (JSON.parse(row.state) as MonitoringState);
    },
    commit(cycle) {
      return database.transaction(function* (tx) {
        const stale = new Set<string>();
        for (const { check, state, nodesAt, wanAt } of cycle.locations) {
          const written = yield* tx.run(
            `UPDATE monitored_locations SET alert_state = $1, checked_at = $2, nodes_at = coalesce($3, nodes_at)
             WHERE id = $4 AND checked_at IS NOT DISTINCT FROM $5`,
            [JSON.stringify(state), cycle.at, nodesAt ?? null, check.monitoredId, check.checkedAt],
          );
          if (written === 0) {
            stale.add(check.locationId);
            continue;
          }
          if (wanAt !== undefined)
            yield* tx.run(
              `INSERT INTO monitored_wan (monitored_id, wan_at) VALUES ($1, $2)
               ON CONFLICT (monitored_id) DO UPDATE SET wan_at = excluded.wan_at`,
              [check.monitoredId, wanAt],
            );
        }
        yield* tx.run(
          'INSERT INTO monitoring_clouds (cloud, state) VALUES ($1, $2) ON CONFLICT (cloud) DO UPDATE SET state = excluded.state',
          [cycle.cloud, JSON.stringify(cycle.monitoring)],
        );
        const effects: DecisionEffect[] = [];
        for (const decision of cycle.decisions) {
          if (decision.locationId !== undefined && stale.has(decision.locationId)) continue;
          effects.push(yield* commitDecision(tx, cycle.cloud, cycle.at, decision));
        }
        return effects;
      });
    },
  };
}

function toCheck(row: CheckRow): MonitoredCheck {
  return {
    monitoredId: Number(row.id),
    cloud: row.cloud,
    customerId: row.customer_id,
    locationId: row.location_id,
    locationName: row.location_name,
    customerName: row.customer_name,
    state: row.alert_state === null ? null : (JSON.parse(row.alert_state) as LocationAlertState),
    checkedAt: num(row.checked_at),
    nodesAt: num(row.nodes_at),
    wanAt: num(row.wan_at),
    planSpeed: planSpeedOf(row.plan_speed),
    wanWanted: Number(row.wan_wanted) === 1,
    watchers: row.watchers
      .split(',')
      .map(Number)
      .sort((a, b) => a - b),
  };
}
