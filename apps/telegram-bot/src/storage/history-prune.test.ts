import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { AlertDecision } from '@org/plume-analytics';
import { createInProcessScheduler } from '../jobs/in-process-scheduler';
import { createLogger } from '../logger';
import { createHistoryRetention, HISTORY_RETENTION_DAYS } from '../monitoring/history-retention';
import { until } from '../testing/until';
import { createAlertStore } from './alert-store';
import { createHistoryPruner } from './history-prune';
import { openMonitoringDatabase, type SqliteMonitoringDatabase } from './sqlite-monitoring-db';
import { createOutbox, type Outbox } from './outbox';
import { createWatchStore } from './watch-store';

const CLOUD = 'https://plume.example/api/';
const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function decision(kind: AlertDecision['kind'], key: string, since: number, at: number): AlertDecision {
  const [, condition, pod] = key.split(':');
  return {
    kind,
    key,
    locationId: 'L1',
    condition: condition as AlertDecision['condition'],
    ...(pod === undefined ? {} : { pod }),
    since: iso(since),
    at: iso(at),
    details: pod === undefined ? {} : { podName: 'Office' },
  };
}

describe('the monitoring history retention', () => {
  let dir: string;
  let database: SqliteMonitoringDatabase;
  let outbox: Outbox;
  let now: number;
  const count = (sql: string) => Number((database.db.prepare(sql).get() as { n: number }).n);
  const kinds = () =>
    (database.db.prepare('SELECT kind, state FROM outbox ORDER BY id').all() as Array<{ kind: string; state: string }>)
      .map((row) => `${row.kind}:${row.state}`)
      .join(' ');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'history-prune-'));
    database = openMonitoringDatabase(join(dir, 'bot.sqlite'));
    outbox = createOutbox(database, { owner: 'relay' });
    now = T0;
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Commits a decision at `at` and sends what it wrote then (or leaves it to `after`). */
  async function happen(
    d: AlertDecision,
    at: number,
    after: (id: number) => Promise<void> = (id) => outbox.sent(id, 1, id, at),
  ): Promise<void> {
    now = at;
    await createAlertStore(database).commit({
      cloud: CLOUD,
      at,
      evaluate: () => ({ monitoring: { badCycles: 0, degraded: false }, locations: [], decisions: [d] }),
    });
    for (const row of await outbox.claim(at, 100)) await after(row.id);
  }

  /**
   * An offline incident closed on day 0; a pod incident open since day 0 with a reminder; an
   * "unknown" note (no incident) on day 1, one given up on, one held for a chat that blocked the
   * bot; and an incident that closed on day 9.
   */
  async function history(): Promise<void> {
    await createWatchStore(database, () => now).watch(
      1,
      [{ cloud: CLOUD, customerId: 'c1', customerName: 'Ann', locationId: 'L1', locationName: 'Home' }],
      200,
    );
    await happen(decision('firing', 'L1:locationOffline', T0, T0), T0);
    await happen(decision('resolved', 'L1:locationOffline', T0, T0 + HOUR), T0 + HOUR);
    await happen(decision('firing', 'L1:podDisconnected:EX1', T0 + 2 * HOUR, T0 + 2 * HOUR), T0 + 2 * HOUR);
    database.db
      .prepare(
        `INSERT INTO outbox (user_id, kind, incident_id, body, state, created_at, next_attempt_at, sent_at)
         SELECT user_id, 'reminder', incident_id, body, 'sent', ?, ?, ? FROM outbox WHERE kind = 'firing' AND id = 3`,
      )
      .run(T0 + 6 * HOUR, T0 + 6 * HOUR, T0 + 6 * HOUR);
    await happen(decision('unknown', 'L1:noData', T0 + DAY, T0 + DAY), T0 + DAY);
    await happen(decision('unknown', 'L1:noData', T0 + DAY, T0 + DAY), T0 + DAY, (id) => outbox.fail(id, '400'));
    await happen(decision('unknown', 'L1:noData', T0 + DAY, T0 + DAY), T0 + DAY, (id) =>
      outbox.pause(id, 1, '403', now),
    );
    await happen(decision('firing', 'L1:healthDegraded:EX2', T0 + 3 * HOUR, T0 + 3 * HOUR), T0 + 3 * HOUR);
    await happen(decision('resolved', 'L1:healthDegraded:EX2', T0 + 3 * HOUR, T0 + 9 * DAY), T0 + 9 * DAY);
  }

  it('deletes only what ended more than the retention ago and nothing still needed', async () => {
    await history();
    expect(kinds()).toBe(
      'firing:sent resolved:sent firing:sent reminder:sent unknown:sent unknown:failed unknown:paused firing:sent resolved:sent',
    );
    const deleted = await createHistoryPruner(database).prune(T0 + 9 * DAY + HOUR - HISTORY_RETENTION_DAYS * DAY);
    expect(deleted).toEqual({ notifications: 4, incidents: 1 });
    // Kept: the open pod incident's alert (its recovery will reply to it) and reminder (the count of
    // reminders), the note owed to a blocked chat, and the incident closed two days ago.
    expect(kinds()).toBe('firing:sent reminder:sent unknown:paused firing:sent resolved:sent');
    expect(
      database.db.prepare('SELECT alert_key, resolved_at IS NULL AS open FROM incidents ORDER BY id').all(),
    ).toEqual([
      { alert_key: 'L1:podDisconnected:EX1', open: 1 },
      { alert_key: 'L1:healthDegraded:EX2', open: 0 },
    ]);
    expect(count('SELECT COUNT(*) AS n FROM incident_pods')).toBe(2);
    expect(await outbox.alertMessage(1, 1)).toBeUndefined();
    expect(await outbox.alertMessage(2, 1)).toEqual({ chatId: 1, messageId: 3 });
  });

  it('runs at start and then at each midnight UTC, once a day, on the clock it is given', async () => {
    await history();
    now = T0 + 9 * DAY + HOUR;
    const timers: Array<{ callback: () => void; ms: number }> = [];
    const logger = createLogger({ level: 'silent' });
    const scheduler = createInProcessScheduler({ logger });
    const pruner = createHistoryPruner(database);
    const runs: number[] = [];
    const retention = createHistoryRetention({
      // The real pruner, counted: each run is awaited before looking at what it left.
      pruner: {
        prune: async (before) => {
          const deleted = await pruner.prune(before);
          runs.push(before);
          return deleted;
        },
      },
      scheduler,
      logger,
      clock: () => now,
      timers: {
        setTimeout: (callback, ms) => timers.push({ callback, ms }),
        clearTimeout: () => undefined,
      },
    });
    await scheduler.start();
    retention.wake();
    await until(() => runs.length === 1 && timers.length === 1, 'the pruning at start');
    expect(count('SELECT COUNT(*) AS n FROM incidents')).toBe(2);
    expect(timers.map((t) => t.ms)).toEqual([(Math.floor(now / DAY) + 1) * DAY - now]);
    now += 7 * DAY;
    timers[0]?.callback();
    await until(() => runs.length === 2, 'the pruning a week later');
    expect(runs).toEqual([T0 + 2 * DAY + HOUR, T0 + 9 * DAY + HOUR]);
    await retention.stop();
    await scheduler.stop();
    // A week after the last incident closed, only what is open or owed is left.
    expect(kinds()).toBe('firing:sent reminder:sent unknown:paused');
    expect(count('SELECT COUNT(*) AS n FROM incidents')).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM incident_pods')).toBe(1);
  });
});
