import type { DailyDigest, DigestIncidentInput, DigestLocationInput, LocationAlertState } from '@org/plume-analytics';
import type { Logger } from '../logger';
import { alertSettingsSchema, type AlertSettings } from '../settings/settings';
import type { MonitoringDatabase } from './monitoring-db';
import { decisionBodySchema, type DecisionBody } from './outbox-body';

/** A person with a daily digest set, and the local date of the last one written for them. */
export interface DigestSubscriber {
  userId: number;
  settings: AlertSettings;
  digestDate: string | null;
}

/** An open, unacknowledged incident whose alert reached a person who wants reminders. */
export interface ReminderCandidate {
  incidentId: number;
  userId: number;
  /** The content of the first alert of the incident sent to the person, which each reminder repeats. */
  body: DecisionBody;
  /** When that alert was sent (epoch ms). */
  firedAt: number;
  remindersSent: number;
  /** When the last reminder was written (epoch ms), or null. */
  lastReminderAt: number | null;
}

/**
 * What the digest and reminder schedule reads and writes. Each write is one transaction with the
 * outbox row it causes, so a restart never writes a digest or a reminder twice.
 */
export interface ScheduleStore {
  /** Everyone whose settings have a digest hour. */
  digestSubscribers(): Promise<DigestSubscriber[]>;
  /**
   * The person's watched locations (names, when their watch began, alert state) and those locations'
   * incidents (with their pod) still open or closed after `from`; what came before the person's
   * watch is for the analysis to leave out.
   */
  digestInput(
    userId: number,
    from: number,
  ): Promise<{ locations: DigestLocationInput[]; incidents: DigestIncidentInput[] }>;
  /** Records the digest of local date `date` and writes it to the outbox; false (nothing written) when that date's was written already. */
  writeDigest(userId: number, date: string, digest: DailyDigest, timeZone: string, at: number): Promise<boolean>;
  /**
   * Open, unacknowledged incidents of watches not muted at `at`, for people with reminders on: one
   * per incident and person, quoting the first alert sent to them (the earliest sent, then the lowest
   * id), by incident then person.
   */
  reminderCandidates(at: number): Promise<ReminderCandidate[]>;
  /** Writes reminder number `remindersSent + 1` unless another was written meanwhile; false when not written. */
  writeReminder(candidate: ReminderCandidate, max: number, at: number): Promise<boolean>;
}

const settingsOf = (json: string, logger: Logger, userId: number): AlertSettings | undefined => {
  const parsed = alertSettingsSchema.safeParse(JSON.parse(json));
  if (!parsed.success)
    logger.warn({ userId }, 'Stored alert settings have an unexpected shape; no digest or reminders.');
  return parsed.success ? parsed.data : undefined;
};

/**
 * The {@link ScheduleStore} on the monitoring database (SQLite or PostgreSQL), the outbox's. Across
 * replicas: a digest is claimed by updating the person's `digest_date` (the second writer waits for
 * the row, then finds the date written); a reminder is written under a lock per incident, so two
 * replicas never write the same reminder twice.
 * @example const schedule = createScheduleStore(openMonitoringDatabase(file), logger); await schedule.digestSubscribers() // []
 */
export function createScheduleStore(database: MonitoringDatabase, logger: Logger): ScheduleStore {
  const insertOutbox = `INSERT INTO outbox (user_id, kind, incident_id, body, state, created_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, 'pending', $5, $6)`;
  return {
    async digestSubscribers() {
      const rows = await database.read((sql) =>
        sql.all<{ user_id: number; settings: string; digest_date: string | null }>(
          'SELECT user_id, settings, digest_date FROM alert_settings ORDER BY user_id',
        ),
      );
      return rows.flatMap((row) => {
        const userId = Number(row.user_id);
        const settings = settingsOf(row.settings, logger, userId);
        return settings === undefined || settings.digestHour === null
          ? []
          : [{ userId, settings, digestDate: row.digest_date }];
      });
    },
    digestInput(userId, from) {
      return database.read(function* (sql) {
        const watched = yield* sql.all<{
          id: number;
          location_id: string;
          location_name: string;
          customer_name: string;
          alert_state: string | null;
          created_at: number;
        }>(
          `SELECT m.id, m.location_id, m.location_name, m.customer_name, m.alert_state, w.created_at
         FROM watches w JOIN monitored_locations m ON m.id = w.monitored_id WHERE w.user_id = $1 ORDER BY m.id`,
          [userId],
        );
        const locations: DigestLocationInput[] = [];
        const incidents: DigestIncidentInput[] = [];
        for (const row of watched) {
          locations.push({
            locationId: row.location_id,
            name: row.location_name,
            customerName: row.customer_name,
            watchedSince: Number(row.created_at),
            state: row.alert_state === null ? null : (JSON.parse(row.alert_state) as LocationAlertState),
          });
          const rows = yield* sql.all<{
            condition: string;
            pod: string | null;
            pod_name: string | null;
            since: string;
            resolved_at: number | null;
          }>(
            `SELECT i.condition, p.pod, p.pod_name, i.since, i.resolved_at
           FROM incidents i LEFT JOIN incident_pods p ON p.incident_id = i.id
           WHERE i.monitored_id = $1 AND (i.resolved_at IS NULL OR i.resolved_at >= $2) ORDER BY i.id`,
            [row.id, from],
          );
          for (const incident of rows) {
            incidents.push({
              locationId: row.location_id,
              condition: incident.condition,
              pod: incident.pod,
              podName: incident.pod_name,
              since: incident.since,
              resolvedAt: incident.resolved_at === null ? null : Number(incident.resolved_at),
            });
          }
        }
        return { locations, incidents };
      });
    },
    writeDigest(userId, date, digest, timeZone, at) {
      return database.transaction(function* (tx) {
        const claimed = yield* tx.run(
          'UPDATE alert_settings SET digest_date = $1 WHERE user_id = $2 AND (digest_date IS NULL OR digest_date <> $1)',
          [date, userId],
        );
        if (claimed === 0) return false;
        yield* tx.run(insertOutbox, [userId, 'digest', null, JSON.stringify({ digest, timeZone }), at, at]);
        return true;
      });
    },
    async reminderCandidates(at) {
      const rows = await database.read((sql) =>
        sql.all<{
          incident_id: number;
          user_id: number;
          body: string;
          fired_at: number;
          settings: string;
          reminders: number;
          last_reminder: number | null;
        }>(
          `SELECT i.id AS incident_id, f.user_id, f.body, f.sent_at AS fired_at, s.settings,
           (SELECT COUNT(*) FROM outbox r WHERE r.incident_id = i.id AND r.user_id = f.user_id AND r.kind = 'reminder') AS reminders,
           (SELECT max(created_at) FROM outbox r WHERE r.incident_id = i.id AND r.user_id = f.user_id AND r.kind = 'reminder') AS last_reminder
         FROM incidents i
           JOIN outbox f ON f.incident_id = i.id AND f.kind = 'firing' AND f.state = 'sent'
           JOIN alert_settings s ON s.user_id = f.user_id
           JOIN watches w ON w.user_id = f.user_id AND w.monitored_id = i.monitored_id
         WHERE i.resolved_at IS NULL AND i.acknowledged_at IS NULL AND (w.muted_until IS NULL OR w.muted_until <= $1)
           AND f.id = (SELECT o.id FROM outbox o
                       WHERE o.incident_id = i.id AND o.user_id = f.user_id AND o.kind = 'firing' AND o.state = 'sent'
                       ORDER BY o.sent_at, o.id LIMIT 1)
         ORDER BY i.id, f.user_id`,
          [at],
        ),
      );
      return rows.flatMap((row) => {
        const userId = Number(row.user_id);
        if (settingsOf(row.settings, logger, userId)?.reminders !== true) return [];
        const body = decisionBodySchema.safeParse(JSON.parse(row.body));
        if (!body.success) return [];
        return [
          {
            incidentId: Number(row.incident_id),
            userId,
            body: body.data,
            firedAt: Number(row.fired_at),
            remindersSent: Number(row.reminders),
            lastReminderAt: row.last_reminder === null ? null : Number(row.last_reminder),
          },
        ];
      });
    },
    writeReminder(candidate, max, at) {
      return database.transaction(function* (tx) {
        yield* tx.lock('reminders', candidate.incidentId);
        const row = yield* tx.get<{ n: number }>(
          `SELECT COUNT(*) AS n FROM outbox WHERE incident_id = $1 AND user_id = $2 AND kind = 'reminder'`,
          [candidate.incidentId, candidate.userId],
        );
        const sent = Number(row?.n ?? 0);
        if (sent !== candidate.remindersSent) return false;
        const body: DecisionBody = { ...candidate.body, reminder: sent + 1, reminderMax: max };
        yield* tx.run(insertOutbox, [candidate.userId, 'reminder', candidate.incidentId, JSON.stringify(body), at, at]);
        return true;
      });
    },
  };
}
