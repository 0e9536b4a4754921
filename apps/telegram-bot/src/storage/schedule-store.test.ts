import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { toPlainText } from '@org/bot-formatting';
import { renderDailyDigest } from '@org/bot-formatting/plume';
import { analyzeDigest, type AlertDecision } from '@org/plume-analytics';
import { createLogger } from '../logger';
import { createAlertStore } from './alert-store';
import { openMonitoringDatabase, type SqliteMonitoringDatabase } from './sqlite-monitoring-db';
import { createScheduleStore } from './schedule-store';
import { createWatchStore } from './watch-store';

const CLOUD = 'https://plume.example/api/';
const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

function decision(
  kind: 'firing' | 'resolved',
  condition: 'locationOffline' | 'podDisconnected',
  since: number,
  at: number,
): AlertDecision {
  const pod = condition === 'podDisconnected';
  return {
    kind,
    key: pod ? `L1:${condition}:EX1` : `L1:${condition}`,
    locationId: 'L1',
    condition,
    ...(pod ? { pod: 'EX1' } : {}),
    since: iso(since),
    at: iso(at),
    ...(kind === 'resolved' ? { durationMs: at - since } : {}),
    details: pod ? { podName: 'Office' } : {},
  };
}

describe('the daily digest from the bot’s database', () => {
  let dir: string;
  let database: SqliteMonitoringDatabase;
  let now: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'schedule-store-'));
    database = openMonitoringDatabase(join(dir, 'bot.sqlite'));
    now = T0;
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Person 1 watches from T0, person 2 from T0 + 3 h; L1 was offline 00:55–02:00 and its pod Office out 04:00–05:00. */
  async function dayOfIncidents() {
    const watches = createWatchStore(database, () => now);
    const alerts = createAlertStore(database);
    const target = { cloud: CLOUD, customerId: 'c1', customerName: 'Ann', locationId: 'L1', locationName: 'Home' };
    const commit = async (at: number, d: AlertDecision) => {
      now = at;
      await alerts.commit({
        cloud: CLOUD,
        at,
        evaluate: () => ({ monitoring: { badCycles: 0, degraded: false }, locations: [], decisions: [d] }),
      });
    };
    await watches.watch(1, [target], 200);
    await commit(T0 + HOUR, decision('firing', 'locationOffline', T0 + 55 * MIN, T0 + HOUR));
    await commit(T0 + 2 * HOUR, decision('resolved', 'locationOffline', T0 + 55 * MIN, T0 + 2 * HOUR));
    now = T0 + 3 * HOUR;
    await watches.watch(2, [target], 200);
    await commit(
      T0 + 4 * HOUR + 5 * MIN,
      decision('firing', 'podDisconnected', T0 + 4 * HOUR, T0 + 4 * HOUR + 5 * MIN),
    );
    await commit(T0 + 5 * HOUR, decision('resolved', 'podDisconnected', T0 + 4 * HOUR, T0 + 5 * HOUR));
    return createScheduleStore(database, createLogger({ level: 'silent' }));
  }

  const digestOf = async (userId: number) => {
    const schedule = await dayOfIncidents();
    const to = T0 + 24 * HOUR;
    return analyzeDigest({ from: T0, to, ...(await schedule.digestInput(userId, T0)) });
  };

  it('leaves out outages from before the person watched, and counts availability over their watch only', async () => {
    const digest = await digestOf(2);
    expect(digest.outages.map((o) => [o.pod, o.podName, o.start, o.end])).toEqual([
      ['EX1', 'Office', iso(T0 + 4 * HOUR), iso(T0 + 5 * HOUR)],
    ]);
    expect(digest.availability).toMatchObject([{ watchedMs: 21 * HOUR, downtimeMs: 0, availabilityPercent: 100 }]);
    const text = renderDailyDigest(digest)
      .map((part) => toPlainText(part))
      .join('\n');
    expect(text).toContain('📉 Outages (1)\n• Home · Ann: pod Office disconnected 2026-01-01 04:00–05:00 (1 h)');
    expect(text).not.toContain('00:55');
  });

  it('gives someone watching all day both outages, the pod named, and the day’s availability', async () => {
    const digest = await digestOf(1);
    expect(digest.outages.map((o) => [o.pod, o.podName, o.durationMs])).toEqual([
      [null, null, 65 * MIN],
      ['EX1', 'Office', HOUR],
    ]);
    expect(digest.availability[0]).toMatchObject({ watchedMs: 24 * HOUR, downtimeMs: 65 * MIN });
    expect(digest.availability[0]?.availabilityPercent).toBe(95.49);
  });
});
