import { describe, expect, it } from '@jest/globals';
import { analyzeDigest } from '@org/plume-analytics';
import type { Logger } from '../logger';
import { createScheduleStore, type ReminderCandidate } from '../storage/schedule-store';
import { captureLogger } from './capture-logger';
import type { BackendDatabase, StoreBackend } from './store-backends';
import { freshDatabases } from './fresh-databases';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const DIGEST = analyzeDigest({ from: T0, to: T0 + 24 * HOUR, locations: [], incidents: [] });
const firing = (key: string) =>
  JSON.stringify({
    decision: {
      kind: 'firing',
      key,
      condition: 'locationOffline',
      since: '2026-01-01T01:00:00.000Z',
      at: '2026-01-01T01:05:00.000Z',
    },
    location: { id: 'L1', name: 'Home' },
  });

/**
 * Locations 1 (L1, Home) and 2 (L2, Shop); person 1 watches both from T0, person 2 watches L2 from
 * T0 + 3 h (muted until T0 + 10 h). Incidents on L1: 10 resolved before T0 + 2 h, 11 open since T0 + 1 h
 * with its alert sent to person 1; on L2: 12 open (pod EX1, "Office") with its alert sent to both,
 * 13 open but acknowledged, alert sent to person 1.
 */
const SEED = [
  `INSERT INTO monitored_locations (id, cloud, customer_id, location_id, location_name, customer_name, alert_state, created_at)
   VALUES (1, 'c', 'cu', 'L1', 'Home', 'Ann', NULL, 0), (2, 'c', 'cu', 'L2', 'Shop', 'Ann', NULL, 0)`,
  `INSERT INTO watches (user_id, monitored_id, created_at, muted_until)
   VALUES (1, 1, ${T0}, NULL), (1, 2, ${T0}, NULL), (2, 2, ${T0 + 3 * HOUR}, ${T0 + 10 * HOUR})`,
  `INSERT INTO incidents (id, cloud, monitored_id, alert_key, condition, since, opened_at, resolved_at, acknowledged_by, acknowledged_at)
   VALUES (10, 'c', 1, 'L1:off', 'locationOffline', '2026-01-01T00:00:00.000Z', ${T0}, ${T0 + 2 * HOUR}, NULL, NULL),
          (11, 'c', 1, 'L1:off2', 'locationOffline', '2026-01-01T01:00:00.000Z', ${T0 + HOUR}, NULL, NULL, NULL),
          (12, 'c', 2, 'L2:pod', 'podDisconnected', '2026-01-01T04:00:00.000Z', ${T0 + 4 * HOUR}, NULL, NULL, NULL),
          (13, 'c', 2, 'L2:off', 'locationOffline', '2026-01-01T05:00:00.000Z', ${T0 + 5 * HOUR}, NULL, 1, ${T0 + 6 * HOUR})`,
  `INSERT INTO incident_pods (incident_id, pod, pod_name) VALUES (12, 'EX1', 'Office')`,
  `INSERT INTO outbox (id, user_id, kind, incident_id, body, state, created_at, next_attempt_at, sent_at)
   VALUES (100, 1, 'firing', 11, '${firing('L1:off2')}', 'sent', ${T0 + HOUR}, ${T0 + HOUR}, ${T0 + HOUR + 1000}),
          (101, 1, 'firing', 12, '${firing('L2:pod')}', 'sent', ${T0 + 4 * HOUR}, ${T0 + 4 * HOUR}, ${T0 + 4 * HOUR + 1000}),
          (102, 2, 'firing', 12, '${firing('L2:pod')}', 'sent', ${T0 + 4 * HOUR}, ${T0 + 4 * HOUR}, ${T0 + 4 * HOUR + 2000}),
          (103, 1, 'firing', 13, '${firing('L2:off')}', 'sent', ${T0 + 5 * HOUR}, ${T0 + 5 * HOUR}, ${T0 + 5 * HOUR + 1000})`,
  `INSERT INTO alert_settings (user_id, settings, digest_date, updated_at)
   VALUES (1, '{"digestHour":8,"reminders":true}', '2025-12-31', 0), (2, '{"reminders":true,"timeZone":"Asia/Tokyo"}', NULL, 0),
          (3, '{"digestHour":"eight"}', NULL, 0), (4, '{"digestHour":20,"timeZone":"Europe/Berlin"}', NULL, 0)`,
];

/**
 * What every {@link ScheduleStore} does, whatever its database: run inside a `describe` per backend.
 * Two stores on one database stand for two replicas whose schedules tick at the same moment.
 */
export function scheduleStoreContract(backend: StoreBackend): void {
  describe('ScheduleStore', () => {
    const database = freshDatabases(backend);
    const seeded = async () => {
      const db = await database();
      await db.openSettings(captureLogger().logger); // brings the schema up
      for (const statement of SEED) await db.sql(statement);
      return db;
    };
    const quiet = () => captureLogger().logger;
    /** A schedule store on a monitoring connection of its own, as another replica's would be. */
    const openSchedule = async (db: BackendDatabase, logger: Logger) =>
      createScheduleStore(await db.openMonitoring(), logger);
    const outbox = (db: BackendDatabase, kind: string) =>
      db.sql(
        `SELECT CAST(user_id AS INTEGER) AS user_id, CAST(incident_id AS INTEGER) AS incident_id, body FROM outbox WHERE kind = '${kind}' ORDER BY id`,
      );

    it('lists the people with a digest hour and their last digest date; a row that does not parse is left out, logged', async () => {
      const db = await seeded();
      const log = captureLogger();
      const schedule = await openSchedule(db, log.logger);
      const subscribers = await schedule.digestSubscribers();
      expect(subscribers.map((s) => [s.userId, s.settings.digestHour, s.settings.timeZone, s.digestDate])).toEqual([
        [1, 8, 'UTC', '2025-12-31'],
        [4, 20, 'Europe/Berlin', null],
      ]);
      expect(log.lines().filter((line) => line.includes('"userId":3'))).toHaveLength(1);
    });

    it('gives a person’s watched locations, since when they watch, and their incidents open or closed after `from`', async () => {
      const db = await seeded();
      const schedule = await openSchedule(db, quiet());
      const one = await schedule.digestInput(1, T0 + 3 * HOUR);
      expect(one.locations.map((l) => [l.locationId, l.name, l.customerName, l.watchedSince, l.state])).toEqual([
        ['L1', 'Home', 'Ann', T0, null],
        ['L2', 'Shop', 'Ann', T0, null],
      ]);
      expect(one.incidents.map((i) => [i.locationId, i.condition, i.pod, i.podName, i.resolvedAt])).toEqual([
        ['L1', 'locationOffline', null, null, null],
        ['L2', 'podDisconnected', 'EX1', 'Office', null],
        ['L2', 'locationOffline', null, null, null],
      ]);
      const early = await schedule.digestInput(1, T0);
      expect(early.incidents.map((i) => i.resolvedAt)).toEqual([T0 + 2 * HOUR, null, null, null]);
      const two = await schedule.digestInput(2, T0);
      expect(two.locations.map((l) => [l.locationId, l.watchedSince])).toEqual([['L2', T0 + 3 * HOUR]]);
      expect(two.incidents).toHaveLength(2);
      expect(await schedule.digestInput(9, T0)).toEqual({ locations: [], incidents: [] });
    });

    it('writes a date’s digest once, with its outbox row, and the next date’s again', async () => {
      const db = await seeded();
      const schedule = await openSchedule(db, quiet());
      expect(await schedule.writeDigest(1, '2026-01-01', DIGEST, 'UTC', T0 + 8 * HOUR)).toBe(true);
      expect(await schedule.writeDigest(1, '2026-01-01', DIGEST, 'UTC', T0 + 9 * HOUR)).toBe(false);
      expect(await schedule.writeDigest(1, '2026-01-02', DIGEST, 'UTC', T0 + 32 * HOUR)).toBe(true);
      const rows = await outbox(db, 'digest');
      expect(rows.map((row) => [row.user_id, row.incident_id])).toEqual([
        [1, null],
        [1, null],
      ]);
      expect(JSON.parse(String(rows[0]?.body))).toEqual({ digest: DIGEST, timeZone: 'UTC' });
      expect((await schedule.digestSubscribers())[0]?.digestDate).toBe('2026-01-02');
    });

    it('writes one digest when two replicas write the same date at once', async () => {
      const db = await seeded();
      const [one, two] = [await openSchedule(db, quiet()), await openSchedule(db, quiet())];
      const written = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? one : two).writeDigest(4, '2026-01-01', DIGEST, 'UTC', T0)),
      );
      expect(written.filter(Boolean)).toHaveLength(1);
      expect(await outbox(db, 'digest')).toHaveLength(1);
    });

    it('offers reminders of open, unacknowledged incidents whose alert reached someone with reminders on, unless muted', async () => {
      const db = await seeded();
      const schedule = await openSchedule(db, quiet());
      const pairs = (candidates: ReminderCandidate[]) => candidates.map((c) => [c.incidentId, c.userId]);
      const muted = await schedule.reminderCandidates(T0 + 8 * HOUR);
      expect(pairs(muted)).toEqual([
        [11, 1],
        [12, 1],
      ]);
      expect(muted[0]).toMatchObject({ firedAt: T0 + HOUR + 1000, remindersSent: 0, lastReminderAt: null });
      expect(muted[0]?.body.decision.key).toBe('L1:off2');
      expect(pairs(await schedule.reminderCandidates(T0 + 10 * HOUR))).toEqual([
        [11, 1],
        [12, 1],
        [12, 2],
      ]);
      await db.sql(`UPDATE alert_settings SET settings = '{"digestHour":8}' WHERE user_id = 1`);
      expect(pairs(await schedule.reminderCandidates(T0 + 10 * HOUR))).toEqual([[12, 2]]);
    });

    it('quotes the first alert sent to the person, however many were sent for the incident', async () => {
      const db = await seeded();
      // A second alert of incident 11 to person 1, sent later; its body sorts before the first one's.
      await db.sql(
        `INSERT INTO outbox (id, user_id, kind, incident_id, body, state, created_at, next_attempt_at, sent_at)
         VALUES (99, 1, 'firing', 11, '${firing('L1:again')}', 'sent', ${T0 + 2 * HOUR}, ${T0 + 2 * HOUR}, ${T0 + 2 * HOUR + 1000})`,
      );
      const candidates = await (await openSchedule(db, quiet())).reminderCandidates(T0 + 8 * HOUR);
      expect(candidates.map((c) => [c.incidentId, c.userId, c.body.decision.key, c.firedAt])).toEqual([
        [11, 1, 'L1:off2', T0 + HOUR + 1000],
        [12, 1, 'L2:pod', T0 + 4 * HOUR + 1000],
      ]);
    });

    it('writes each reminder once, numbered, even when two replicas write it at once', async () => {
      const db = await seeded();
      const [one, two] = [await openSchedule(db, quiet()), await openSchedule(db, quiet())];
      const [candidate] = await one.reminderCandidates(T0 + 8 * HOUR);
      if (candidate === undefined) throw new Error('no candidate');
      const at = T0 + 9 * HOUR;
      const written = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? one : two).writeReminder(candidate, 3, at)),
      );
      expect(written.filter(Boolean)).toHaveLength(1);
      const rows = await outbox(db, 'reminder');
      expect(rows.map((row) => [row.user_id, row.incident_id])).toEqual([[1, 11]]);
      expect(JSON.parse(String(rows[0]?.body))).toMatchObject({ reminder: 1, reminderMax: 3 });
      const [next] = await two.reminderCandidates(T0 + 10 * HOUR);
      expect(next).toMatchObject({ incidentId: 11, remindersSent: 1, lastReminderAt: at });
      expect(await one.writeReminder(candidate, 3, at)).toBe(false);
      expect(await one.writeReminder(next as ReminderCandidate, 3, T0 + 13 * HOUR)).toBe(true);
    });
  });
}
