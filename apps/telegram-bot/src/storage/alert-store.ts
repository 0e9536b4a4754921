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

/** What evaluating one cycle of one cloud gives: new states and what analytics decided. */
export interface CycleOutcome {
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

/** One cycle of one cloud to commit, with how to evaluate it against the cloud's fleet state. */
export interface CycleCommit {
  cloud: string;
  /** Epoch ms of the cycle. */
  at: number;
  /**
   * Evaluates the cycle against the cloud's fleet state (null at first) as the commit finds it,
   * locked until the commit ends, so that replicas committing cycles of one cloud at once each
   * build on the other's state (no bad cycle counted twice or lost). Called inside the
   * transaction: pure and synchronous.
   */
  evaluate(fleet: MonitoringState | null): CycleOutcome;
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
   * Writes the cycle in one transaction: reads and locks the cloud's fleet state, evaluates the
   * cycle against it (`cycle.evaluate`), then writes each location's state, the new fleet state, the
   * incidents opened and closed, and one outbox row per person to tell. Returns each decision's effect.
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

/** A cloud's fleet state (`monitoringDegraded`), as `fleetState` reads it and a commit builds on it. */
const SELECT_FLEET = 'SELECT state FROM monitoring_clouds WHERE cloud = $1';
const fleetOf = (row: { state: string } | undefined): MonitoringState | null =>
  row === undefined ? null : (JSON.parse(row.state) as MonitoringState);

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
 * the other's are dropped. Two replicas committing cycles of one cloud: each evaluates its cycle
 * against the fleet state under the cloud's lock, the second against the first's result. An incident opens once: the open-incident unique key (cloud, key) makes
 * a second opener find it open, and tell nobody again.
 * @example const alerts = createAlertStore(openMonitoringDatabase(file)); (await alerts.monitored()).length // 0
 */
export function createAlertStore(database: MonitoringDatabase): AlertStore {
  return {
    async monitored() {
      return (await database.read((sql) => sql.all<CheckRow>(SELECT_MONITORED))).map(toCheck);
    },
    async fleetState(cloud) {
      const row = await database.read((sql) => sql.get<{ state: string }>(SELECT_FLEET, [cloud]));
      return fleetOf(row);
    },
    commit(cycle) {
      return database.transaction(function* (tx) {
        // The cloud's lock first: commits of one cloud take turns from reading its fleet state to
        // writing the next (no bad cycle counted twice or lost), and take their row locks after it,
        // so they cannot deadlock. A lock by name, not the row's: the first cycle has no row to lock.
        yield* tx.lock(`monitoring-clouds ${cycle.cloud}`, 0);
        const fleet = yield* tx.get<{ state: string }>(SELECT_FLEET, [cycle.cloud]);
        const outcome = cycle.evaluate(fleetOf(fleet));
        const stale = new Set<string>();
        for (const { check, state, nodesAt, wanAt } of outcome.locations) {
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
          [cycle.cloud, JSON.stringify(outcome.monitoring)],
        );
        const effects: DecisionEffect[] = [];
        for (const decision of outcome.decisions) {
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
