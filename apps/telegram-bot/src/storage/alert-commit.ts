import type { AlertDecision } from '@org/plume-analytics';
import type { DecisionEffect } from './alert-store';
import type { MonitoringSql, SqlWork } from './monitoring-db';
import { outboxBodySchema, type OutboxBody, type OutboxKind } from './outbox-body';

interface Place {
  monitoredId: number;
  locationId: string;
  locationName: string;
  customerId: string;
  customerName: string;
}

function* placeOf(tx: MonitoringSql, cloud: string, locationId: string): SqlWork<Place | undefined> {
  const row = yield* tx.get<{
    id: number;
    customer_id: string;
    location_id: string;
    location_name: string;
    customer_name: string;
  }>(
    `SELECT id, customer_id, location_id, location_name, customer_name FROM monitored_locations
     WHERE cloud = $1 AND location_id = $2`,
    [cloud, locationId],
  );
  return row === undefined
    ? undefined
    : {
        monitoredId: Number(row.id),
        locationId: row.location_id,
        locationName: row.location_name,
        customerId: row.customer_id,
        customerName: row.customer_name,
      };
}

/** The watchers of a location to tell of `condition` at `at`: not muted then, the condition not switched off. */
function* watchersFor(tx: MonitoringSql, monitoredId: number, condition: string, at: number): SqlWork<number[]> {
  const rows = yield* tx.all<{ user_id: number; conditions_off: string }>(
    `SELECT user_id, conditions_off FROM watches
     WHERE monitored_id = $1 AND (muted_until IS NULL OR muted_until <= $2) ORDER BY user_id`,
    [monitoredId, at],
  );
  return rows
    .filter((row) => !(JSON.parse(row.conditions_off) as string[]).includes(condition))
    .map((row) => Number(row.user_id));
}

const userIds = (rows: ReadonlyArray<{ user_id: number }>) => rows.map((row) => Number(row.user_id));

/** Opens the decision's incident; null when it is open already (a racing commit opened it). */
function* openIncident(
  tx: MonitoringSql,
  cloud: string,
  place: Place | undefined,
  decision: AlertDecision,
  at: number,
): SqlWork<number | null> {
  const row = yield* tx.get<{ id: number }>(
    `INSERT INTO incidents (cloud, monitored_id, alert_key, condition, since, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (cloud, alert_key) WHERE resolved_at IS NULL DO NOTHING
     RETURNING id`,
    [cloud, place?.monitoredId ?? null, decision.key, decision.condition, decision.since, at],
  );
  if (row === undefined) return null;
  const id = Number(row.id);
  const podName = decision.details['podName'];
  if (decision.pod !== undefined)
    yield* tx.run('INSERT INTO incident_pods (incident_id, pod, pod_name) VALUES ($1, $2, $3)', [
      id,
      decision.pod,
      typeof podName === 'string' ? podName : null,
    ]);
  return id;
}

/**
 * Writes one analytics decision in the cycle's transaction `tx`: the incident it opens or closes,
 * and one outbox row per person to tell. Who is told: a `firing` goes to each watcher who has not
 * muted the watch nor switched the condition off, once, by the commit that opens the incident (a
 * `firing` finding it open already tells nobody: it was told); a `resolved` goes to exactly the
 * people its `firing` was written for (it replies to that message); `flapping` and `unknown` go to
 * the watchers as a `firing` would; a fleet-wide decision (`monitoringDegraded`) goes to everyone
 * watching a location of that cloud. `settled` tells nobody (a `firing` or `resolved` follows when
 * the state needs one).
 * @example const effect = yield* commitDecision(tx, cloud, Date.now(), decision); effect.recipients // 2
 */
export function* commitDecision(
  tx: MonitoringSql,
  cloud: string,
  at: number,
  decision: AlertDecision,
): SqlWork<DecisionEffect> {
  const fleetWide = decision.locationId === undefined;
  const place = fleetWide ? undefined : yield* placeOf(tx, cloud, decision.locationId);
  const monitoredId = place?.monitoredId ?? null;
  const open = yield* tx.get<{ id: number }>(
    'SELECT id FROM incidents WHERE cloud = $1 AND alert_key = $2 AND resolved_at IS NULL',
    [cloud, decision.key],
  );
  let incidentId = open === undefined ? null : Number(open.id);
  let recipients: number[] = [];
  let kind: OutboxKind | undefined;
  if (decision.kind === 'firing') {
    const opened = incidentId === null ? yield* openIncident(tx, cloud, place, decision, at) : null;
    if (opened !== null) {
      incidentId = opened;
      kind = 'firing';
      if (fleetWide)
        recipients = userIds(
          yield* tx.all<{ user_id: number }>(
            `SELECT DISTINCT w.user_id FROM watches w JOIN monitored_locations m ON m.id = w.monitored_id
             WHERE m.cloud = $1 ORDER BY w.user_id`,
            [cloud],
          ),
        );
      else if (monitoredId !== null) recipients = yield* watchersFor(tx, monitoredId, decision.condition, at);
    }
  } else if (decision.kind === 'resolved') {
    if (incidentId !== null) {
      yield* tx.run('UPDATE incidents SET resolved_at = $1 WHERE id = $2', [at, incidentId]);
      kind = 'resolved';
      recipients = userIds(
        yield* tx.all<{ user_id: number }>(
          `SELECT DISTINCT user_id FROM outbox WHERE incident_id = $1 AND kind = 'firing' ORDER BY user_id`,
          [incidentId],
        ),
      );
    }
  } else if ((decision.kind === 'flapping' || decision.kind === 'unknown') && monitoredId !== null) {
    kind = decision.kind;
    recipients = yield* watchersFor(tx, monitoredId, decision.condition, at);
  }
  if (kind !== undefined && recipients.length > 0) {
    const body: OutboxBody = outboxBodySchema.parse({
      decision,
      ...(place === undefined
        ? {}
        : {
            location: { id: place.locationId, name: place.locationName },
            customer: { id: place.customerId, name: place.customerName },
            monitoredId: place.monitoredId,
          }),
    });
    const text = JSON.stringify(body);
    for (const userId of recipients)
      yield* tx.run(
        `INSERT INTO outbox (user_id, kind, incident_id, body, state, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6)`,
        [userId, kind, incidentId, text, at, at],
      );
  }
  return { decision, monitoredId, incidentId, recipients: recipients.length };
}
