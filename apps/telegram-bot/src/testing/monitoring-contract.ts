import { describe, expect, it } from '@jest/globals';
import { evaluateFleet, evaluateLocation, type AlertDecision, type LocationAlertState } from '@org/plume-analytics';
import { createAlertStore, type CycleCommit, type CycleOutcome } from '../storage/alert-store';
import type { MonitoringDatabase } from '../storage/monitoring-db';
import { createOutbox } from '../storage/outbox';
import { createWatchStore, type WatchTarget } from '../storage/watch-store';
import type { BackendDatabase, StoreBackend } from './store-backends';
import { freshDatabases } from './fresh-databases';

const CLOUD = 'https://plume.example/api/';
const target = (n: number, customer = 'c1'): WatchTarget => ({
  cloud: CLOUD,
  customerId: customer,
  customerName: `Customer ${customer}`,
  locationId: `L${n}`,
  locationName: `Location ${n}`,
});

/** The decisions of a location seen offline twice, five minutes apart (the second fires). */
function offline(locationId: string): { state: LocationAlertState; decision: AlertDecision } {
  let state: LocationAlertState | null = null;
  const out: AlertDecision[] = [];
  for (const minute of [0, 5]) {
    const result = evaluateLocation(state, {
      locationId,
      at: Date.UTC(2026, 0, 1, 0, minute),
      networkStatus: { status: 'offline' },
    });
    state = result.state;
    out.push(...result.decisions);
  }
  return { state: state as LocationAlertState, decision: out[0] as AlertDecision };
}

/** A cycle whose evaluation is given: these decisions and location states, whatever the fleet state. */
const cycle = (at: number, decisions: AlertDecision[], locations: CycleOutcome['locations'] = []): CycleCommit => ({
  cloud: CLOUD,
  at,
  evaluate: () => ({ monitoring: { badCycles: 0, degraded: false }, locations, decisions }),
});

/**
 * A cycle of three locations evaluated by analytics against the fleet state the commit finds: all
 * three failed (a bad cycle), or none (a good one).
 */
const fleetCycle = (at: number, failed: boolean): CycleCommit => ({
  cloud: CLOUD,
  at,
  evaluate(monitoring) {
    const observations = ['L1', 'L2', 'L3'].map((locationId) =>
      failed ? { locationId, at, failed } : { locationId, at, networkStatus: { status: 'online' as const } },
    );
    const before = { locations: {}, monitoring: monitoring ?? { badCycles: 0, degraded: false } };
    const evaluation = evaluateFleet(before, { at, observations });
    return { monitoring: evaluation.state.monitoring, locations: [], decisions: evaluation.decisions };
  },
});

/**
 * What the monitoring stores do, whatever their database: run inside a `describe` per backend.
 * Several monitoring databases opened on one backend database stand for several replicas.
 */
export function monitoringContract(backend: StoreBackend): void {
  describe('the monitoring stores', () => {
    const database = freshDatabases(backend);
    const open = async (): Promise<{ db: BackendDatabase; one: MonitoringDatabase; two: MonitoringDatabase }> => {
      const db = await database();
      return { db, one: await db.openMonitoring(), two: await db.openMonitoring() };
    };

    it('monitors a location once however many people watch it, until the last one leaves', async () => {
      const { one } = await open();
      const watches = createWatchStore(one);
      expect(await watches.watch(1, [target(1)], 200)).toEqual({ added: 1, already: 0, refused: 0, total: 1 });
      expect((await watches.watch(2, [target(1)], 200)).added).toBe(1);
      expect(await watches.watch(2, [target(1)], 200)).toEqual({ added: 0, already: 1, refused: 0, total: 1 });
      expect(await watches.countMonitored()).toBe(1);
      expect((await createAlertStore(one).monitored())[0]?.watchers).toEqual([1, 2]);
      expect(await watches.unwatch(1, (await watches.list(1))[0]?.monitoredId ?? 0)).toBe(true);
      expect(await watches.countMonitored()).toBe(1);
      expect(await watches.unwatch(2, (await watches.list(2))[0]?.monitoredId ?? 0)).toBe(true);
      expect(await watches.countMonitored()).toBe(0);
      expect(await watches.unwatch(2, 1)).toBe(false);
    });

    it('keeps a person within the cap when two replicas add watches at once', async () => {
      const { one, two } = await open();
      const outcomes = await Promise.all([
        createWatchStore(one).watch(
          7,
          [1, 2, 3].map((n) => target(n)),
          4,
        ),
        createWatchStore(two).watch(
          7,
          [4, 5, 6].map((n) => target(n)),
          4,
        ),
      ]);
      expect(outcomes.map((o) => o.added + o.refused)).toEqual([3, 3]);
      expect(outcomes.reduce((sum, o) => sum + o.added, 0)).toBe(4);
      expect(await createWatchStore(one).list(7)).toHaveLength(4);
      expect(await createWatchStore(one).countMonitored()).toBe(4);
    });

    it('shares a plan speed among a location’s watchers, and lets only a watcher set it', async () => {
      const { one } = await open();
      const watches = createWatchStore(one);
      await watches.watch(1, [target(1)], 200);
      await watches.watch(2, [target(1)], 200);
      const [check] = await createAlertStore(one).monitored();
      if (check === undefined) throw new Error('no monitored location');
      expect(await watches.setPlanSpeed(3, check.monitoredId, { downloadMbps: 1, uploadMbps: 1 })).toBe(false);
      expect(await watches.setPlanSpeed(1, check.monitoredId, { downloadMbps: 500, uploadMbps: 50 })).toBe(true);
      expect((await watches.get(2, check.monitoredId))?.planSpeed).toEqual({ downloadMbps: 500, uploadMbps: 50 });
      expect((await createAlertStore(one).monitored())[0]?.planSpeed).toEqual({ downloadMbps: 500, uploadMbps: 50 });
      expect(await watches.setCondition(2, check.monitoredId, 'wanSaturated', false)).toBe(true);
      expect((await createAlertStore(one).monitored())[0]?.wanWanted).toBe(true);
      expect(await watches.setCondition(1, check.monitoredId, 'wanSaturated', false)).toBe(true);
      expect((await createAlertStore(one).monitored())[0]?.wanWanted).toBe(false);
    });

    it('tells each watcher who wants the alert, and of the recovery exactly those it told', async () => {
      const { one } = await open();
      const watches = createWatchStore(one);
      const alerts = createAlertStore(one);
      const outbox = createOutbox(one, { owner: 'relay-1' });
      for (const user of [1, 2, 3]) await watches.watch(user, [target(1)], 200);
      const [check] = await alerts.monitored();
      if (check === undefined) throw new Error('no monitored location');
      await watches.mute(2, check.monitoredId, Date.UTC(2030, 0, 1));
      await watches.setCondition(3, check.monitoredId, 'locationOffline', false);
      const { state, decision } = offline('L1');
      const at = Date.UTC(2026, 0, 1, 0, 5);
      const [effect] = await alerts.commit(cycle(at, [decision], [{ check, state }]));
      expect(effect).toMatchObject({ recipients: 1, monitoredId: check.monitoredId });
      expect((await watches.list(1))[0]?.openConditions).toEqual(['locationOffline']);
      const [alert] = await outbox.claim(at, 10);
      expect([alert?.userId, alert?.kind]).toEqual([1, 'firing']);
      expect(await outbox.sending(alert?.id ?? 0, at)).toBe(true);
      await outbox.sent(alert?.id ?? 0, 1, 99, at);

      await watches.mute(2, check.monitoredId, null);
      const resolved: AlertDecision = { ...decision, kind: 'resolved', durationMs: 600_000 };
      await alerts.commit(cycle(at + 600_000, [resolved]));
      expect((await outbox.claim(at + 600_000, 10)).map((row) => [row.userId, row.kind])).toEqual([[1, 'resolved']]);
      expect(await outbox.alertMessage(effect?.incidentId ?? 0, 1)).toEqual({ chatId: 1, messageId: 99 });
      expect((await watches.list(1))[0]?.openConditions).toEqual([]);
    });

    it('lets one of two replicas committing the same check win: one incident, one alert each', async () => {
      const { db, one, two } = await open();
      for (const user of [1, 2]) await createWatchStore(one).watch(user, [target(1)], 200);
      const [check] = await createAlertStore(one).monitored();
      if (check === undefined) throw new Error('no monitored location');
      const { state, decision } = offline('L1');
      const at = Date.UTC(2026, 0, 1, 0, 5);
      const effects = await Promise.all(
        [one, two].map((db) => createAlertStore(db).commit(cycle(at, [decision], [{ check, state }]))),
      );
      expect(effects.map((list) => list.length).sort()).toEqual([0, 1]);
      expect(await db.sql('SELECT id FROM incidents')).toHaveLength(1);
      expect((await createOutbox(one, { owner: 'relay-1' }).claim(at, 10)).map((row) => row.userId)).toEqual([1, 2]);
    });

    it('opens a fleet-wide incident once when two replicas decide it together', async () => {
      const { db, one, two } = await open();
      await createWatchStore(one).watch(1, [target(1)], 200);
      const degraded: AlertDecision = {
        kind: 'firing',
        key: 'monitoringDegraded',
        condition: 'monitoringDegraded',
        since: new Date(0).toISOString(),
        at: new Date(0).toISOString(),
        details: {},
      };
      await Promise.all([one, two].map((db) => createAlertStore(db).commit(cycle(1, [degraded]))));
      expect(await db.sql('SELECT id FROM incidents')).toHaveLength(1);
      expect(await createOutbox(one, { owner: 'relay-1' }).claim(1, 10)).toHaveLength(1);
    });

    it('counts every bad cycle of a cloud when replicas commit its cycles at once, and raises the alarm once', async () => {
      const { db, one, two } = await open();
      const replicas = [one, two, await db.openMonitoring()].map((database) => createAlertStore(database));
      const replica = (i: number) => replicas[i % replicas.length] ?? createAlertStore(one);
      const at = Date.UTC(2026, 0, 1);
      await Promise.all(Array.from({ length: 6 }, (_, i) => replica(i).commit(fleetCycle(at + i, true))));
      expect(await replica(0).fleetState(CLOUD)).toMatchObject({ badCycles: 6, degraded: true });
      expect(await db.sql("SELECT alert_key FROM incidents WHERE condition = 'monitoringDegraded'")).toHaveLength(1);

      // A good cycle and a bad one at once: in either order, but the bad one never counted on the stale run.
      await Promise.all([replica(1).commit(fleetCycle(at + 10, false)), replica(2).commit(fleetCycle(at + 11, true))]);
      expect([0, 1]).toContain((await replica(0).fleetState(CLOUD))?.badCycles);
    });
  });
}
