import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { planSpeedAnswerSchema } from '../input/plan-speed-answer';
import { reasonOf } from '../input/setup-answers';
import { createAlertStore, type CycleOutcome } from './alert-store';
import { openMonitoringDatabase, type SqliteMonitoringDatabase } from './sqlite-monitoring-db';
import { createWatchStore } from './watch-store';

const target = {
  cloud: 'https://plume.example/api/',
  customerId: 'c1',
  customerName: 'Ada',
  locationId: 'L1',
  locationName: 'Home',
};

describe('a location’s plan speed and WAN polling state', () => {
  let dir: string;
  let database: SqliteMonitoringDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-speed-'));
    database = openMonitoringDatabase(join(dir, 'bot.sqlite'));
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is shared by everyone watching the location, and only a watcher may set it', async () => {
    const watches = createWatchStore(database);
    const alerts = createAlertStore(database);
    await watches.watch(1, [target], 200);
    await watches.watch(2, [target], 200);
    const [check] = await alerts.monitored();
    if (check === undefined) throw new Error('no monitored location');
    expect(check.planSpeed).toBeNull();

    expect(await watches.setPlanSpeed(3, check.monitoredId, { downloadMbps: 1, uploadMbps: 1 })).toBe(false);
    expect(await watches.setPlanSpeed(1, check.monitoredId, { downloadMbps: 500, uploadMbps: 50 })).toBe(true);
    expect((await watches.get(2, check.monitoredId))?.planSpeed).toEqual({ downloadMbps: 500, uploadMbps: 50 });
    expect((await alerts.monitored())[0]?.planSpeed).toEqual({ downloadMbps: 500, uploadMbps: 50 });

    expect(await watches.setPlanSpeed(2, check.monitoredId, null)).toBe(true);
    expect((await watches.get(1, check.monitoredId))?.planSpeed).toBeUndefined();
    expect((await alerts.monitored())[0]?.planSpeed).toBeNull();
  });

  it('goes with the location when its last watcher leaves', async () => {
    const watches = createWatchStore(database);
    const alerts = createAlertStore(database);
    await watches.watch(1, [target], 200);
    const id = (await alerts.monitored())[0]?.monitoredId ?? 0;
    await watches.setPlanSpeed(1, id, { downloadMbps: 500, uploadMbps: 50 });
    await watches.unwatch(1, id);
    await watches.watch(1, [target], 200);
    expect((await alerts.monitored())[0]).toMatchObject({ planSpeed: null, wanAt: null });
    expect(database.db.prepare('SELECT COUNT(*) AS n FROM monitored_wan').get()).toEqual({ n: 0 });
  });

  it('wants WAN stats while one watcher has WAN alerts on, and remembers when they were fetched', async () => {
    const watches = createWatchStore(database);
    const alerts = createAlertStore(database);
    await watches.watch(1, [target], 200);
    await watches.watch(2, [target], 200);
    const id = (await alerts.monitored())[0]?.monitoredId ?? 0;
    await watches.setCondition(1, id, 'wanSaturated', false);
    expect((await alerts.monitored())[0]?.wanWanted).toBe(true);
    await watches.setCondition(2, id, 'wanSaturated', false);
    await watches.setCondition(2, id, 'plumeAlert', false);
    expect((await alerts.monitored())[0]?.wanWanted).toBe(false);
    await watches.setCondition(1, id, 'wanSaturated', true);
    expect((await alerts.monitored())[0]?.wanWanted).toBe(true);

    const [check] = await alerts.monitored();
    if (check === undefined) throw new Error('no monitored location');
    const state = { locationId: 'L1', keys: {} };
    const cycle = (at: number, locations: CycleOutcome['locations']) => ({
      cloud: check.cloud,
      at,
      evaluate: () => ({ monitoring: { badCycles: 0, degraded: false }, locations, decisions: [] }),
    });
    await alerts.commit(cycle(1_000, [{ check, state, wanAt: 1_000 }]));
    // Each commit carries the check it was made from, as read before it (an older one is dropped).
    const [checked] = await alerts.monitored();
    if (checked === undefined) throw new Error('no monitored location');
    await alerts.commit(cycle(1_500, [{ check, state }]));
    await alerts.commit(cycle(2_000, [{ check: checked, state }]));
    expect((await alerts.monitored())[0]).toMatchObject({ wanAt: 1_000, checkedAt: 2_000 });
  });
});

describe('the plan speed answer', () => {
  const read = (text: string) => {
    const result = planSpeedAnswerSchema.safeParse(text);
    return result.success ? result.data : reasonOf(result.error);
  };

  it('reads download/upload in Mbps, in the ways people write it, and auto as no plan', () => {
    expect(read('500/50')).toEqual({ downloadMbps: 500, uploadMbps: 50 });
    expect(read(' 1000 Mbps / 100 Mbps ')).toEqual({ downloadMbps: 1000, uploadMbps: 100 });
    expect(read('250,5 20')).toEqual({ downloadMbps: 250.5, uploadMbps: 20 });
    expect(read('auto')).toBeNull();
    expect(read('Speed test')).toBeNull();
  });

  it('gives a reason a person can act on', () => {
    expect(read('fast')).toBe(
      '“fast” is not a plan speed. Send download/upload in Mbps, e.g. 500/50, or auto to use the latest speed test.',
    );
    expect(read('500')).toContain('I need both speeds, download and upload.');
    expect(read('0/50')).toBe(
      'Speeds must be above 0 Mbps. Send download/upload in Mbps, e.g. 500/50, or auto to use the latest speed test.',
    );
    expect(read('5000000/50')).toBe(
      '5000000 Mbps is more than any plan (100 Gbps): write the speeds in Mbps, e.g. 1000/100.',
    );
  });
});
