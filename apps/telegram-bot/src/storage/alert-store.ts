import type { AlertDecision, LocationAlertState, MonitoringState } from '@org/plume-analytics';
import { planSpeedOf, type PlanSpeed } from './plan-speed';
import type { MonitoringDatabase } from './monitoring-db';
import { settle } from './settle';
import { outboxBodySchema, type OutboxBody, type OutboxKind } from './outbox-body';

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

const num = (value: number | bigint | null) => (value === null ? null : Number(value));

/**
 * The SQLite {@link AlertStore}. Who is told: a `firing`, `flapping` or `unknown` goes to each
 * watcher who has not muted the watch nor switched the condition off; a `resolved` goes to exactly
 * the people its `firing` was written for (it replies to that message); `monitoringDegraded` goes to
 * everyone watching a location of that cloud. `settled` tells nobody (a `firing` or `resolved`
 * follows when the state needs one).
 * @example const alerts = createAlertStore(openMonitoringDatabase(file)); (await alerts.monitored()).length // 0
 */
export function createAlertStore(database: MonitoringDatabase): AlertStore {
  const { db, transaction } = database;
  const selectMonitored = db.prepare(
    `SELECT m.id, m.cloud, m.customer_id, m.location_id, m.location_name, m.customer_name, m.alert_state,
            m.checked_at, m.nodes_at, x.wan_at, x.plan_speed,
            max(instr(w.conditions_off, '"wanSaturated"') = 0) AS wan_wanted, group_concat(w.user_id) AS watchers
     FROM monitored_locations m JOIN watches w ON w.monitored_id = m.id
     LEFT JOIN monitored_wan x ON x.monitored_id = m.id
     GROUP BY m.id ORDER BY m.id`,
  );
  const selectFleet = db.prepare('SELECT state FROM monitoring_clouds WHERE cloud = ?');
  const upsertFleet = db.prepare(
    'INSERT INTO monitoring_clouds (cloud, state) VALUES (?, ?) ON CONFLICT (cloud) DO UPDATE SET state = excluded.state',
  );
  const updateLocation = db.prepare(
    'UPDATE monitored_locations SET alert_state = ?, checked_at = ?, nodes_at = coalesce(?, nodes_at) WHERE id = ?',
  );
  const upsertWanAt = db.prepare(
    `INSERT INTO monitored_wan (monitored_id, wan_at) VALUES (?, ?)
     ON CONFLICT (monitored_id) DO UPDATE SET wan_at = excluded.wan_at`,
  );
  const openIncident = db.prepare('SELECT id FROM incidents WHERE cloud = ? AND alert_key = ? AND resolved_at IS NULL');
  const insertIncident = db.prepare(
    `INSERT INTO incidents (cloud, monitored_id, alert_key, condition, since, opened_at) VALUES (?, ?, ?, ?, ?, ?)
     RETURNING id`,
  );
  const insertIncidentPod = db.prepare('INSERT INTO incident_pods (incident_id, pod, pod_name) VALUES (?, ?, ?)');
  const closeIncident = db.prepare('UPDATE incidents SET resolved_at = ? WHERE id = ?');
  const watchersToTell = db.prepare(
    `SELECT user_id, conditions_off FROM watches
     WHERE monitored_id = ? AND (muted_until IS NULL OR muted_until <= ?) ORDER BY user_id`,
  );
  const cloudWatchers = db.prepare(
    `SELECT DISTINCT w.user_id FROM watches w JOIN monitored_locations m ON m.id = w.monitored_id
     WHERE m.cloud = ? ORDER BY w.user_id`,
  );
  const firingRecipients = db.prepare(
    `SELECT DISTINCT user_id FROM outbox WHERE incident_id = ? AND kind = 'firing' ORDER BY user_id`,
  );
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (user_id, kind, incident_id, body, state, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
  );

  const watchersFor = (monitoredId: number, condition: string, at: number): number[] =>
    (watchersToTell.all(monitoredId, at) as Array<{ user_id: number; conditions_off: string }>)
      .filter((row) => !(JSON.parse(row.conditions_off) as string[]).includes(condition))
      .map((row) => Number(row.user_id));

  const selectByLocation = db.prepare(
    `SELECT id, customer_id, location_id, location_name, customer_name FROM monitored_locations
     WHERE cloud = ? AND location_id = ?`,
  );
  const placeOf = (cloud: string, locationId: string) => {
    const row = selectByLocation.get(cloud, locationId) as
      Pick<CheckRow, 'id' | 'customer_id' | 'location_id' | 'location_name' | 'customer_name'> | undefined;
    return row === undefined
      ? undefined
      : {
          monitoredId: Number(row.id),
          locationId: row.location_id,
          locationName: row.location_name,
          customerId: row.customer_id,
          customerName: row.customer_name,
        };
  };

  function effectOf(cycle: CycleCommit, decision: AlertDecision): DecisionEffect {
    const fleetWide = decision.locationId === undefined;
    const check = fleetWide ? undefined : placeOf(cycle.cloud, decision.locationId);
    const monitoredId = check?.monitoredId ?? null;
    const at = cycle.at;
    const open = openIncident.get(cycle.cloud, decision.key) as { id: number } | undefined;
    let incidentId = open === undefined ? null : Number(open.id);
    let recipients: number[] = [];
    let kind: OutboxKind | undefined;
    if (decision.kind === 'firing') {
      if (incidentId === null) {
        const row = insertIncident.get(cycle.cloud, monitoredId, decision.key, decision.condition, decision.since, at);
        incidentId = Number((row as { id: number }).id);
        const podName = decision.details['podName'];
        if (decision.pod !== undefined)
          insertIncidentPod.run(incidentId, decision.pod, typeof podName === 'string' ? podName : null);
      }
      kind = 'firing';
      if (fleetWide)
        recipients = (cloudWatchers.all(cycle.cloud) as Array<{ user_id: number }>).map((r) => Number(r.user_id));
      else if (monitoredId !== null) recipients = watchersFor(monitoredId, decision.condition, at);
    } else if (decision.kind === 'resolved') {
      if (incidentId !== null) {
        closeIncident.run(at, incidentId);
        kind = 'resolved';
        recipients = (firingRecipients.all(incidentId) as Array<{ user_id: number }>).map((r) => Number(r.user_id));
      }
    } else if ((decision.kind === 'flapping' || decision.kind === 'unknown') && monitoredId !== null) {
      kind = decision.kind;
      recipients = watchersFor(monitoredId, decision.condition, at);
    }
    if (kind !== undefined && recipients.length > 0) {
      const body: OutboxBody = outboxBodySchema.parse({
        decision,
        ...(check === undefined
          ? {}
          : {
              location: { id: check.locationId, name: check.locationName },
              customer: { id: check.customerId, name: check.customerName },
              monitoredId: check.monitoredId,
            }),
      });
      const text = JSON.stringify(body);
      for (const userId of recipients) insertOutbox.run(userId, kind, incidentId, text, at, at);
    }
    return { decision, monitoredId, incidentId, recipients: recipients.length };
  }

  return {
    monitored() {
      return settle(() => (selectMonitored.all() as unknown as CheckRow[]).map(toCheck));
    },
    fleetState(cloud) {
      return settle(() => {
        const row = selectFleet.get(cloud) as { state: string } | undefined;
        return row === undefined ? null : (JSON.parse(row.state) as MonitoringState);
      });
    },
    commit(cycle) {
      return settle(() =>
        transaction(() => {
          for (const { check, state, nodesAt, wanAt } of cycle.locations) {
            updateLocation.run(JSON.stringify(state), cycle.at, nodesAt ?? null, check.monitoredId);
            if (wanAt !== undefined) upsertWanAt.run(check.monitoredId, wanAt);
          }
          upsertFleet.run(cycle.cloud, JSON.stringify(cycle.monitoring));
          return cycle.decisions.map((decision) => effectOf(cycle, decision));
        }),
      );
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
