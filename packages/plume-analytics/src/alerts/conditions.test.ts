import { describe, expect, it } from '@jest/globals';
import { analyzeWanStats, type LocationObservation } from '../index';
import { allDecisions, iso, observe, phaseOf, pod, run, status, summary, T0 } from './test-support';

const online = status('online');

describe('pod conditions', () => {
  it('fires and resolves per pod after 2 observations, keyed by node id', () => {
    const nodes = (bConnected: boolean) => ({ ...online, nodes: [pod('A', true), pod('B', bConnected)] });
    const steps = run([nodes(true), nodes(false), nodes(false), nodes(true), nodes(true)].map((p, i) => observe(i, p)));
    expect(steps.map((s) => summary(s.decisions))).toEqual([
      [],
      [],
      ['firing L1:podDisconnected:B'],
      [],
      ['resolved L1:podDisconnected:B'],
    ]);
    expect(steps[2]!.decisions[0]).toMatchObject({
      pod: 'B',
      since: iso(5),
      details: { podName: 'Pod B', connectionState: 'disconnected' },
    });
  });

  it('resolves a pod that is no longer listed, as good observations', () => {
    const steps = run([
      observe(0, { ...online, nodes: [pod('A', true), pod('B', false)] }),
      observe(1, { ...online, nodes: [pod('A', true), pod('B', false)] }),
      observe(2, { ...online, nodes: [pod('A', true)] }),
      observe(3, { ...online, nodes: [pod('A', true)] }),
    ]);
    expect(summary(allDecisions(steps))).toEqual(['firing L1:podDisconnected:B', 'resolved L1:podDisconnected:B']);
    expect(steps[3]!.decisions[0]!.details).toEqual({ podName: 'Pod B', absent: true });
  });

  it('keeps pod states when no node list came', () => {
    const steps = run([
      observe(0, { ...online, nodes: [pod('B', false)] }),
      observe(1, { ...online, nodes: [pod('B', false)] }),
      observe(2, online),
      observe(3, online),
    ]);
    expect(summary(allDecisions(steps))).toEqual(['firing L1:podDisconnected:B']);
    expect(phaseOf(steps[3]!.state, 'L1:podDisconnected:B')).toBe('firing');
  });

  it('fires healthDegraded for fair or poor health after 3 observations, resolves after 2', () => {
    const health = (value: string) => ({ ...online, nodes: [pod('A', true, value)] });
    const steps = run(['good', 'fair', 'poor', 'fair', 'excellent', 'good'].map((h, i) => observe(i, health(h))));
    expect(steps.map((s) => summary(s.decisions))).toEqual([
      [],
      [],
      [],
      ['firing L1:healthDegraded:A'],
      [],
      ['resolved L1:healthDegraded:A'],
    ]);
    expect(steps[3]!.decisions[0]!.details).toEqual({ podName: 'Pod A', health: 'fair' });
  });

  it('does not judge the health of a disconnected pod', () => {
    const steps = run([
      observe(0, { ...online, nodes: [pod('A', true, 'poor'), pod('G', true)] }),
      observe(1, { ...online, nodes: [pod('A', false, 'poor'), pod('G', true)] }),
      observe(2, { ...online, nodes: [pod('A', false, 'poor'), pod('G', true)] }),
    ]);
    expect(steps[2]!.state.keys['L1:healthDegraded:A']).toMatchObject({ phase: 'pending', count: 1 });
    expect(summary(allDecisions(steps))).toEqual(['firing L1:podDisconnected:A']);
  });
});

describe('locationOffline', () => {
  it('needs the node list, when one came, to agree that the location is offline', () => {
    const contradicted = { ...status('offline'), nodes: [pod('A', true)] };
    const steps = run([observe(0, contradicted), observe(1, contradicted)]);
    expect(steps[1]!.state.keys).toEqual({});
    const agreed = { ...status('offline'), nodes: [pod('A', false)] };
    const fired = run([observe(0, agreed), observe(1, agreed)]);
    expect(summary(fired[1]!.decisions)).toEqual(['firing L1:locationOffline']);
    expect(fired[1]!.decisions[0]!.details).toEqual({ status: 'offline', connectedPods: 0 });
  });

  it('judges from the pods when the location gives no status', () => {
    const down = { nodes: [pod('A', false), pod('B', false)] };
    const steps = run([observe(0, down), observe(1, down)]);
    expect(summary(steps[1]!.decisions)).toEqual(['firing L1:locationOffline']);
  });

  it('reports an outage between observations as a firing and a resolve with its length', () => {
    const steps = run([
      observe(0, status('online', '2024-12-01T00:00:00Z')),
      observe(1, { networkStatus: { status: 'online', statusChangedAt: iso(4), durationOfPreviousStatus: 120 } }),
    ]);
    expect(steps[1]!.decisions).toEqual([
      expect.objectContaining({
        kind: 'firing',
        key: 'L1:locationOffline',
        since: iso(2),
        details: expect.objectContaining({ betweenObservations: true }),
      }),
      expect.objectContaining({ kind: 'resolved', key: 'L1:locationOffline', since: iso(2), durationMs: 120_000 }),
    ]);
    expect(phaseOf(steps[1]!.state, 'L1:locationOffline')).toBe('ok');
  });

  it('dates a hidden outage no earlier than the previous observation, and leaves its length out when unknown', () => {
    const steps = run([
      observe(0, status('online', '2024-12-01T00:00:00Z')),
      observe(1, { networkStatus: { status: 'online', statusChangedAt: iso(4), durationOfPreviousStatus: 3600 } }),
      observe(2, { networkStatus: { status: 'online', statusChangedAt: iso(9) } }),
    ]);
    expect(steps[1]!.decisions[0]!.since).toBe(iso(0));
    expect(steps[1]!.decisions[1]!.durationMs).toBe(240_000);
    expect(steps[2]!.decisions[1]).toMatchObject({ kind: 'resolved', since: iso(9) });
    expect(steps[2]!.decisions[1]).not.toHaveProperty('durationMs');
  });

  it('counts a hidden outage during a recovery as one more bad observation, reporting nothing new', () => {
    const steps = run([
      observe(0, status('offline', iso(0))),
      observe(1, status('offline', iso(0))),
      observe(2, status('online', iso(9))),
      observe(3, status('online', iso(14))),
      observe(4, status('online', iso(14))),
    ]);
    // The hidden outage re-opens the recovery (bad) and starts it again (good): one more good resolves.
    expect(steps.map((s) => summary(s.decisions))).toEqual([
      [],
      ['firing L1:locationOffline'],
      [],
      [],
      ['resolved L1:locationOffline'],
    ]);
    expect(steps[3]!.state.keys['L1:locationOffline']).toMatchObject({
      phase: 'recovering',
      count: 1,
      recoveringSince: iso(15),
    });
  });
});

describe('inhibition', () => {
  it('does not judge pods, health or WAN while the location is not OK, and resumes after', () => {
    const saturated = Array.from({ length: 4 }, (_, i) => ({
      timestamp: iso(i * 15),
      rxMbytes: 1,
      txMbytes: 1,
      rxMaxMbps: 99,
      txMaxMbps: 1,
    }));
    const down: Omit<LocationObservation, 'locationId' | 'at'> = {
      ...status('offline'),
      nodes: [pod('A', false, 'poor')],
      wanSamples: saturated,
      planSpeed: { downloadMbps: 100 },
    };
    const up = { ...status('online'), nodes: [pod('A', true)] };
    const steps = run([down, down, down, up, up, up, up].map((p, i) => observe(i, p)));
    expect(summary(allDecisions(steps))).toEqual(['firing L1:locationOffline', 'resolved L1:locationOffline']);
    for (const step of steps) {
      expect(Object.keys(step.state.keys).filter((key) => !key.endsWith(':locationOffline'))).toEqual([]);
    }
  });

  it('keeps a pod incident opened before the outage, and resolves it after', () => {
    const steps = run([
      observe(0, { ...online, nodes: [pod('A', true), pod('B', false)] }),
      observe(1, { ...online, nodes: [pod('A', true), pod('B', false)] }),
      observe(2, { ...status('offline'), nodes: [pod('A', false), pod('B', false)] }),
      observe(3, { ...status('offline'), nodes: [pod('A', false), pod('B', false)] }),
      observe(4, { ...online, nodes: [pod('A', true), pod('B', true)] }),
      observe(5, { ...online, nodes: [pod('A', true), pod('B', true)] }),
      observe(6, { ...online, nodes: [pod('A', true), pod('B', true)] }),
      observe(7, { ...online, nodes: [pod('A', true), pod('B', true)] }),
    ]);
    expect(summary(allDecisions(steps))).toEqual([
      'firing L1:podDisconnected:B',
      'firing L1:locationOffline',
      'resolved L1:locationOffline',
      'resolved L1:podDisconnected:B',
    ]);
  });
});

describe('wanSaturated', () => {
  const samples = (peaks: readonly number[], startMinute = 0) =>
    peaks.map((rxMaxMbps, i) => ({
      timestamp: iso(startMinute + i * 15),
      rxMbytes: 10,
      txMbytes: 1,
      rxMaxMbps,
      txMaxMbps: 1,
    }));

  it('fires on the 95th percentile of the last hour of peaks above 90 % of the plan, and clears below 70 %', () => {
    // Eight samples over two hours: the first hour peaked, the last hour is quiet.
    const busy = samples([95, 95, 95, 95, 20, 20, 20, 20]);
    const steps = run(
      [
        observe(0, { ...online, wanSamples: busy.slice(0, 4) }),
        observe(1, { ...online, wanSamples: busy.slice(0, 4) }),
        observe(2, { ...online, wanSamples: samples([95, 80, 80, 80, 80]) }),
        observe(3, { ...online, wanSamples: busy }),
      ],
      { planSpeed: { downloadMbps: 100, uploadMbps: 10 } },
    );
    expect(steps.map((s) => summary(s.decisions))).toEqual([
      ['firing L1:wanSaturated'],
      [],
      [],
      ['resolved L1:wanSaturated'],
    ]);
    expect(steps[0]!.decisions[0]!.details).toEqual({
      direction: 'rx',
      p95Percent: 95,
      planMbps: 100,
      planSource: 'plan',
      samples: 4,
    });
    // The same samples again are not judged twice.
    expect(steps[1]!.state.keys['L1:wanSaturated']!.history).toBe('1');
    expect(steps[1]!.state.wanThrough).toBe(iso(45));
    // The last hour at 80 % is between the thresholds: not judged, the incident stays open.
    expect(steps[2]!.state.keys['L1:wanSaturated']).toMatchObject({ phase: 'firing', history: '1' });
    expect(steps[2]!.state.wanThrough).toBe(iso(60));
  });

  it('judges an interval first reported incomplete once it comes complete', () => {
    const complete = samples([20, 20, 20, 95, 95]);
    const incomplete = [...complete.slice(0, 4), { ...complete[4]!, rxMaxMbps: null }];
    const steps = run(
      [observe(0, { ...online, wanSamples: incomplete }), observe(1, { ...online, wanSamples: complete })],
      { planSpeed: { downloadMbps: 100 } },
    );
    // First the hour ending 10:45 (20, 20, 20, 95: p95 95 %), then the hour ending 11:00 (20, 20, 95, 95).
    expect(steps[0]!.state.wanThrough).toBe(iso(45));
    expect(steps[1]!.state.wanThrough).toBe(iso(60));
    expect(steps[1]!.state.keys['L1:wanSaturated']!.history).toBe('11');
  });

  it('reads the same 95th percentile as analyzeWanStats on the hour’s samples, in any order', () => {
    // Newest first, a duplicate interval (the later copy wins), an invalid sample and an older hour.
    const wanSamples = [
      ...samples([50, 91, 70, 88], 60).reverse(),
      { ...samples([40], 75)[0]!, rxMaxMbps: 99 },
      { ...samples([0], 90)[0]!, txMbytes: -1 },
      ...samples([100, 100, 100, 100], 0),
    ];
    const plan = { downloadMbps: 100, uploadMbps: 2 };
    const [step] = run([observe(0, { ...online, wanSamples })], { planSpeed: plan });
    const hour = wanSamples.filter((s) => Date.parse(s.timestamp) > T0 + 45 * 60_000);
    const analysis = analyzeWanStats(hour, { planSpeed: plan });
    if (!analysis.hasData) throw new Error('expected data');
    expect(analysis.utilisation?.rx?.p95Percent).toBe(99);
    expect(step!.state.keys['L1:wanSaturated']).toMatchObject({ phase: 'firing' });
    expect(step!.decisions[0]!.details).toEqual({
      direction: 'rx',
      p95Percent: 99,
      planMbps: 100,
      planSource: 'plan',
      samples: analysis.coverage.validSamples,
    });
  });

  it('is off without a plan speed, and an observation’s plan speed wins over the options', () => {
    const wanSamples = samples([95, 95, 95, 95]);
    expect(allDecisions(run([observe(0, { ...online, wanSamples })]))).toEqual([]);
    const own = run([observe(0, { ...online, wanSamples, planSpeed: { downloadMbps: 1000 } })], {
      planSpeed: { downloadMbps: 100 },
    });
    expect(allDecisions(own)).toEqual([]);
  });
});

describe('speedTestDrop', () => {
  const withTest = (download: number, hour: number) => ({
    ...online,
    nodes: [
      {
        ...pod('GW', true),
        networkMode: 'router',
        speedTest: { status: 'succeeded', download, startedAt: iso(hour * 60) },
      },
    ],
  });

  it('judges each new gateway test once against the median of the previous ones, firing after two drops', () => {
    const downloads = [100, 110, 90, 40, 40, 45, 80];
    const observations = downloads.flatMap((download, i) => [
      observe(2 * i, withTest(download, i)),
      observe(2 * i + 1, withTest(download, i)),
    ]);
    const steps = run(observations);
    expect(summary(allDecisions(steps))).toEqual(['firing L1:speedTestDrop', 'resolved L1:speedTestDrop']);
    const [firing, resolved] = allDecisions(steps);
    // Tests 4 and 5 (40 Mbps) are below half of the median of 90, 100, 110 (100) and 90, 100, 110, 40 (90).
    expect(firing).toMatchObject({
      since: iso(30),
      at: iso(40),
      details: { downloadMbps: 40, medianMbps: 90, percentOfMedian: 44.4 },
    });
    // 80 is above 70 % of the median of the 6 earlier tests (lower median 45).
    expect(resolved).toMatchObject({ at: iso(60), details: { downloadMbps: 80, medianMbps: 45 } });
  });

  it('waits for 3 earlier tests and forgets tests older than 7 days', () => {
    const steps = run([observe(0, withTest(100, 0)), observe(1, withTest(10, 1)), observe(2, withTest(10, 2))]);
    expect(allDecisions(steps)).toEqual([]);
    expect(steps[2]!.state.speedTests).toHaveLength(3);
    const late = run([observe(3000, withTest(10, 200))], undefined, steps[2]!.state);
    expect(late[0]!.state.speedTests).toEqual([{ at: iso(200 * 60), downloadMbps: 10 }]);
  });
});

describe('plumeAlert', () => {
  it('fires for each new type and pod, and resolves when Plume no longer lists it', () => {
    const steps = run([
      observe(0, { plumeAlerts: [] }),
      observe(1, {
        plumeAlerts: [
          { type: 'highInterference', nodeId: 'B' },
          'wanDown',
          null,
          { type: 'highInterference', nodeId: 'B' },
        ],
      }),
      observe(2, { plumeAlerts: ['wanDown'] }),
      observe(3, {}),
      observe(4, { plumeAlerts: [] }),
    ]);
    expect(steps.map((s) => summary(s.decisions))).toEqual([
      [],
      ['firing L1:plumeAlert:highInterference:B', 'firing L1:plumeAlert:wanDown'],
      ['resolved L1:plumeAlert:highInterference:B'],
      [],
      ['resolved L1:plumeAlert:wanDown'],
    ]);
    expect(steps[1]!.decisions[0]).toMatchObject({ pod: 'B', details: { type: 'highInterference' } });
  });
});
