import type { DailyDigest, DigestIncidentInput, DigestLocationInput, LocationAlertState } from '@org/plume-analytics';
import type { Logger } from '../logger';
import { alertSettingsSchema, type AlertSettings } from '../settings/settings';
import type { MonitoringDatabase } from './monitoring-db';
import { decisionBodySchema, type DecisionBody } from './outbox-body';
import { settle, type Synchronous } from './settle';

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
  /** The delivered alert's content, which each reminder repeats. */
  body: DecisionBody;
  /** When the alert was sent (epoch ms). */
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
  /** Open, unacknowledged incidents of watches not muted at `at`, for people with reminders on. */
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
 * The SQLite {@link ScheduleStore} on the monitoring connection (the outbox's).
 * @example const schedule = createScheduleStore(openMonitoringDatabase(file), logger); await schedule.digestSubscribers() // []
 */
export function createScheduleStore(database: MonitoringDatabase, logger: Logger): ScheduleStore {
  const { db, transaction } = database;
  const selectSettings = db.prepare('SELECT user_id, settings, digest_date FROM alert_settings ORDER BY user_id');
  const selectWatched = db.prepare(
    `SELECT m.id, m.location_id, m.location_name, m.customer_name, m.alert_state, w.created_at
     FROM watches w JOIN monitored_locations m ON m.id = w.monitored_id WHERE w.user_id = ? ORDER BY m.id`,
  );
  const selectIncidents = db.prepare(
    `SELECT i.condition, p.pod, p.pod_name, i.since, i.resolved_at
     FROM incidents i LEFT JOIN incident_pods p ON p.incident_id = i.id
     WHERE i.monitored_id = ? AND (i.resolved_at IS NULL OR i.resolved_at >= ?) ORDER BY i.id`,
  );
  const claimDigest = db.prepare(
    'UPDATE alert_settings SET digest_date = ? WHERE user_id = ? AND (digest_date IS NULL OR digest_date <> ?)',
  );
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (user_id, kind, incident_id, body, state, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
  );
  const selectCandidates = db.prepare(
    `SELECT i.id AS incident_id, f.user_id, f.body, min(f.sent_at) AS fired_at, s.settings,
       (SELECT COUNT(*) FROM outbox r WHERE r.incident_id = i.id AND r.user_id = f.user_id AND r.kind = 'reminder') AS reminders,
       (SELECT max(created_at) FROM outbox r WHERE r.incident_id = i.id AND r.user_id = f.user_id AND r.kind = 'reminder') AS last_reminder
     FROM incidents i
       JOIN outbox f ON f.incident_id = i.id AND f.kind = 'firing' AND f.state = 'sent'
       JOIN alert_settings s ON s.user_id = f.user_id
       JOIN watches w ON w.user_id = f.user_id AND w.monitored_id = i.monitored_id
     WHERE i.resolved_at IS NULL AND i.acknowledged_at IS NULL AND (w.muted_until IS NULL OR w.muted_until <= ?)
     GROUP BY i.id, f.user_id`,
  );
  const countReminders = db.prepare(
    `SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ? AND user_id = ? AND kind = 'reminder'`,
  );

  const sync: Synchronous<ScheduleStore> = {
    digestSubscribers() {
      const rows = selectSettings.all() as Array<{ user_id: number; settings: string; digest_date: string | null }>;
      return rows.flatMap((row) => {
        const userId = Number(row.user_id);
        const settings = settingsOf(row.settings, logger, userId);
        return settings === undefined || settings.digestHour === null
          ? []
          : [{ userId, settings, digestDate: row.digest_date }];
      });
    },
    digestInput(userId, from) {
      const watched = selectWatched.all(userId) as Array<{
        id: number;
        location_id: string;
        location_name: string;
        customer_name: string;
        alert_state: string | null;
        created_at: number;
      }>;
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
        for (const incident of selectIncidents.all(row.id, from) as Array<{
          condition: string;
          pod: string | null;
          pod_name: string | null;
          since: string;
          resolved_at: number | null;
        }>) {
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
    },
    writeDigest(userId, date, digest, timeZone, at) {
      return transaction(() => {
        if (Number(claimDigest.run(date, userId, date).changes) === 0) return false;
        insertOutbox.run(userId, 'digest', null, JSON.stringify({ digest, timeZone }), at, at);
        return true;
      });
    },
    reminderCandidates(at) {
      const rows = selectCandidates.all(at) as Array<{
        incident_id: number;
        user_id: number;
        body: string;
        fired_at: number;
        settings: string;
        reminders: number;
        last_reminder: number | null;
      }>;
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
      return transaction(() => {
        const sent = Number((countReminders.get(candidate.incidentId, candidate.userId) as { n: number }).n);
        if (sent !== candidate.remindersSent) return false;
        const body: DecisionBody = { ...candidate.body, reminder: sent + 1, reminderMax: max };
        insertOutbox.run(candidate.userId, 'reminder', candidate.incidentId, JSON.stringify(body), at, at);
        return true;
      });
    },
  };
  return {
    digestSubscribers: () => settle(() => sync.digestSubscribers()),
    digestInput: (userId, from) => settle(() => sync.digestInput(userId, from)),
    writeDigest: (userId, date, digest, timeZone, at) =>
      settle(() => sync.writeDigest(userId, date, digest, timeZone, at)),
    reminderCandidates: (at) => settle(() => sync.reminderCandidates(at)),
    writeReminder: (candidate, max, at) => settle(() => sync.writeReminder(candidate, max, at)),
  };
}
