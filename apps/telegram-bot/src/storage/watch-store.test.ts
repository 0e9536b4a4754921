import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { evaluateLocation, type AlertDecision, type LocationAlertState } from '@org/plume-analytics';
import { createAlertStore } from './alert-store';
import { openMonitoringDatabase, type MonitoringDatabase } from './monitoring-db';
import { createOutbox } from './outbox';
import { createWatchStore, type WatchTarget } from './watch-store';

const target = (n: number, customer = 'c1'): WatchTarget => ({
  cloud: 'https://plume.example/api/',
  customerId: customer,
  customerName: `Customer ${customer}`,
  locationId: `L${n}`,
  locationName: `Location ${n}`,
});

/** The firing decision of a location that went offline twice. */
function firing(locationId: string): AlertDecision {
  let state: LocationAlertState | null = null;
  const out: AlertDecision[] = [];
  for (const [minute, status] of [
    [0, 'offline'],
    [5, 'offline'],
  ] as const) {
    const result = evaluateLocation(state, {
      locationId,
      at: Date.UTC(2026, 0, 1, 0, minute),
      networkStatus: { status },
    });
    state = result.state;
    out.push(...result.decisions);
  }
  return out[0] as AlertDecision;
}

describe('the monitoring stores', () => {
  let dir: string;
  let database: MonitoringDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'watch-store-'));
    database = openMonitoringDatabase(join(dir, 'bot.sqlite'));
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('monitors a location once however many people watch it, until the last one leaves', async () => {
    const watches = createWatchStore(database);
    expect(await watches.watch(1, [target(1)], 200)).toEqual({ added: 1, already: 0, refused: 0, total: 1 });
    expect((await watches.watch(2, [target(1)], 200)).added).toBe(1);
    expect(await watches.watch(2, [target(1)], 200)).toEqual({ added: 0, already: 1, refused: 0, total: 1 });
    expect(await watches.countMonitored()).toBe(1);
    expect((await createAlertStore(database).monitored())[0]?.watchers).toEqual([1, 2]);
    expect(await watches.unwatch(1, (await watches.list(1))[0]?.monitoredId ?? 0)).toBe(true);
    expect(await watches.countMonitored()).toBe(1);
    expect(await watches.unwatch(2, (await watches.list(2))[0]?.monitoredId ?? 0)).toBe(true);
    expect(await watches.countMonitored()).toBe(0);
    expect(await watches.unwatch(2, 1)).toBe(false);
  });

  it('refuses watches beyond the cap and says how many', async () => {
    const watches = createWatchStore(database);
    const outcome = await watches.watch(
      7,
      [1, 2, 3, 4].map((n) => target(n)),
      3,
    );
    expect(outcome).toEqual({ added: 3, already: 0, refused: 1, total: 3 });
    expect(await watches.countMonitored()).toBe(3);
  });

  it('writes an alert for each watcher who wants it, and the recovery only to those who got the alert', async () => {
    const watches = createWatchStore(database);
    const alerts = createAlertStore(database);
    const outbox = createOutbox(database);
    await watches.watch(1, [target(1)], 200);
    await watches.watch(2, [target(1)], 200);
    await watches.watch(3, [target(1)], 200);
    const [check] = await alerts.monitored();
    if (check === undefined) throw new Error('no monitored location');
    await watches.mute(2, check.monitoredId, Date.UTC(2030, 0, 1));
    await watches.setCondition(3, check.monitoredId, 'locationOffline', false);
    const decision = firing('L1');
    const cycle = { cloud: check.cloud, monitoring: { badCycles: 0, degraded: false }, locations: [] };
    const at = Date.UTC(2026, 0, 1, 0, 5);
    const [effect] = await alerts.commit({ ...cycle, at, decisions: [decision] });
    expect(effect?.recipients).toBe(1);
    expect((await outbox.due(at, 10)).map((row) => [row.userId, row.kind])).toEqual([[1, 'firing']]);
    expect((await watches.list(1))[0]?.openConditions).toEqual(['locationOffline']);

    await watches.mute(2, check.monitoredId, null);
    const resolved: AlertDecision = { ...decision, kind: 'resolved', durationMs: 600_000 };
    await alerts.commit({ ...cycle, at: at + 600_000, decisions: [resolved] });
    expect((await outbox.due(at + 600_000, 10)).map((row) => [row.userId, row.kind])).toEqual([
      [1, 'firing'],
      [1, 'resolved'],
    ]);
    expect((await watches.list(1))[0]?.openConditions).toEqual([]);
  });

  it('puts back a row left half-sent by a crash: the only duplicate window', async () => {
    const watches = createWatchStore(database);
    const alerts = createAlertStore(database);
    const outbox = createOutbox(database);
    await watches.watch(1, [target(1)], 200);
    const check = (await alerts.monitored())[0];
    await alerts.commit({
      cloud: check?.cloud ?? '',
      at: 1,
      monitoring: { badCycles: 0, degraded: false },
      locations: [],
      decisions: [firing('L1')],
    });
    const [row] = await outbox.due(1, 10);
    await outbox.claim(row?.id ?? 0);
    expect(await outbox.due(1, 10)).toHaveLength(0);
    expect(await outbox.recover()).toBe(1);
    expect((await outbox.due(1, 10)).map((r) => r.id)).toEqual([row?.id]);
    await outbox.claim(row?.id ?? 0);
    await outbox.sent(row?.id ?? 0, 1, 99, 2);
    expect(await outbox.recover()).toBe(0);
    expect(await outbox.stats(3)).toMatchObject({ pending: 0, sent: 1 });
  });
});
