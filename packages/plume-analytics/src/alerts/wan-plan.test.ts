import { describe, expect, it } from '@jest/globals';
import { plumeAlertsFromNodes, wanPlanSpeed } from '../index';
import { allDecisions, iso, observe, pod, run, status, summary } from './test-support';

const online = status('online');

/** One sample per 15 minutes from `startMinute`, with the given download peaks (upload 1 Mbps). */
const samples = (peaks: readonly number[], startMinute = 0) =>
  peaks.map((rxMaxMbps, i) => ({
    timestamp: iso(startMinute + i * 15),
    rxMbytes: 10,
    txMbytes: 1,
    rxMaxMbps,
    txMaxMbps: 1,
  }));

/** A gateway whose latest speed test measured `download`/`upload`. */
const gateway = (download: number, upload?: number) => ({
  ...pod('GW', true),
  networkMode: 'router',
  speedTest: { status: 'succeeded', download, ...(upload === undefined ? {} : { upload }), startedAt: iso(-30) },
});

describe('wanPlanSpeed', () => {
  it('takes a usable plan first, then the latest speed test, else nothing', () => {
    const speedTests = [
      { at: iso(0), downloadMbps: 300, uploadMbps: 30 },
      { at: iso(60), downloadMbps: 480, uploadMbps: 98 },
    ];
    expect(wanPlanSpeed({ speedTests }, { downloadMbps: 500 })).toEqual({
      downloadMbps: 500,
      uploadMbps: null,
      source: 'plan',
    });
    expect(wanPlanSpeed({ speedTests }, { downloadMbps: 0, uploadMbps: -1 })).toEqual({
      downloadMbps: 480,
      uploadMbps: 98,
      source: 'speedTest',
    });
    expect(wanPlanSpeed({ speedTests: [{ at: iso(0), downloadMbps: 0 }] }, null)).toBeNull();
    expect(wanPlanSpeed(null, undefined)).toBeNull();
  });
});

describe('wanSaturated with planFromSpeedTest', () => {
  const options = { wan: { planFromSpeedTest: true } };

  it('judges against the speed test of the same observation when no plan is set, and says so', () => {
    const steps = run(
      [
        observe(0, { ...online, nodes: [gateway(100, 20)], wanSamples: samples([95, 95, 95, 95]) }),
        observe(3, { ...online, wanSamples: samples([20, 20, 20, 20], 60) }),
      ],
      options,
    );
    expect(steps.map((s) => summary(s.decisions))).toEqual([['firing L1:wanSaturated'], ['resolved L1:wanSaturated']]);
    expect(steps[0]!.decisions[0]!.details).toMatchObject({ planMbps: 100, planSource: 'speedTest', p95Percent: 95 });
    // The upload is remembered too: it is the upload plan.
    expect(steps[0]!.state.speedTests).toEqual([{ at: iso(-30), downloadMbps: 100, uploadMbps: 20 }]);
  });

  it('prefers a plan speed to the speed test, and stays off with neither', () => {
    const withPlan = run(
      [
        observe(0, {
          ...online,
          nodes: [gateway(100)],
          wanSamples: samples([95, 95]),
          planSpeed: { downloadMbps: 1000 },
        }),
      ],
      options,
    );
    expect(allDecisions(withPlan)).toEqual([]);
    const neither = run([observe(0, { ...online, wanSamples: samples([95, 95]) })], options);
    expect(allDecisions(neither)).toEqual([]);
    expect(neither[0]!.state.wanThrough).toBeUndefined();
  });

  it('is not used unless asked for', () => {
    const steps = run([observe(0, { ...online, nodes: [gateway(100)], wanSamples: samples([95, 95]) })]);
    expect(allDecisions(steps)).toEqual([]);
  });
});

describe('plumeAlertsFromNodes', () => {
  const nodes = [
    { id: 'GW', defaultName: 'Hall', alerts: [{ type: 'highInterference' }, 'weakSignal'] },
    null,
    { id: 'B', nickname: 'Office', alerts: [{}] },
    { id: 'C', alerts: null },
  ];

  it('flattens each node’s alerts with its id and name', () => {
    expect(plumeAlertsFromNodes(nodes)).toEqual([
      { type: 'highInterference', nodeId: 'GW', podName: 'Hall' },
      { type: 'weakSignal', nodeId: 'GW', podName: 'Hall' },
      { type: 'unknown', nodeId: 'B', podName: 'Office' },
    ]);
    expect(plumeAlertsFromNodes(null)).toEqual([]);
  });

  it('gives alerts that name their pod, and a recovery that still says what cleared', () => {
    const steps = run([
      observe(0, { plumeAlerts: plumeAlertsFromNodes(nodes.slice(0, 1)) }),
      observe(1, { plumeAlerts: plumeAlertsFromNodes([{ id: 'GW', defaultName: 'Hall', alerts: ['weakSignal'] }]) }),
    ]);
    expect(summary(allDecisions(steps))).toEqual([
      'firing L1:plumeAlert:highInterference:GW',
      'firing L1:plumeAlert:weakSignal:GW',
      'resolved L1:plumeAlert:highInterference:GW',
    ]);
    expect(steps[0]!.decisions[0]!.details).toEqual({ type: 'highInterference', podName: 'Hall' });
    expect(steps[1]!.decisions[0]!.details).toEqual({ type: 'highInterference', podName: 'Hall', absent: true });
  });
});
