import { describe, expect, it } from '@jest/globals';
import { analyzeLocationHealth } from './location-health';
import type { NodeInput } from './location-health-types';
import { deepFreeze } from './test-support';

const FULL = { status: 'fullService' };
const pod = (overrides: NodeInput): NodeInput => ({
  id: 'N1',
  defaultName: 'Pod',
  connectionState: 'connected',
  health: { status: 'excellent', score: 5 },
  backhaulType: 'ethernet',
  alerts: [],
  connectedDeviceCount: 1,
  ...overrides,
});

describe('analyzeLocationHealth', () => {
  it('reports all well when every pod is connected and healthy', () => {
    const report = analyzeLocationHealth(
      deepFreeze({
        location: { id: 'L1', name: 'Home', serviceLevel: FULL },
        nodes: [
          pod({ id: 'A', connectedDeviceCount: 3 }),
          pod({ id: 'B', backhaulType: 'WiFi', connectedDeviceCount: 2 }),
        ],
      }),
    );
    expect(report.level).toBe('allWell');
    expect(report.headline).toBe('All systems operational: 2 pods online');
    expect(report.online).toBe(true);
    expect(report.onlineSource).toBe('pods');
    expect(report.issues).toEqual([]);
    expect(report.warnings).toEqual([]);
    // 3 + 2 devices on connected pods.
    expect(report.totalConnectedDevices).toBe(5);
    expect(report.pods.map((p) => p.backhaul)).toEqual(['ethernet', 'mesh']);
    expect(report.location).toEqual({ id: 'L1', name: 'Home' });
  });

  it('does not call a missing service level a degradation', () => {
    for (const location of [{}, { serviceLevel: {} }, { serviceLevel: null }, null]) {
      expect(analyzeLocationHealth(deepFreeze({ location, nodes: [pod({})] })).level).toBe('allWell');
    }
    expect(analyzeLocationHealth({ nodes: [pod({})] }).headline).toBe('All systems operational: 1 pod online');
  });

  it('turns fair health and alerts into warnings that count pods, not messages', () => {
    // The old bot's case: fair health and alerts [{type: 'highInterference'}, {}] give 3 warnings,
    // but they concern one pod.
    const report = analyzeLocationHealth(
      deepFreeze({
        location: { serviceLevel: FULL },
        nodes: [
          pod({ nickname: 'Office', health: { status: 'Fair' }, alerts: [{ type: 'highInterference' }, {}] }),
          pod({ id: 'B' }),
        ],
      }),
    );
    expect(report.level).toBe('degraded');
    expect(report.headline).toBe('Online, but 1 pod needs attention');
    expect(report.warnings).toEqual([
      { kind: 'podHealth', pod: 'Office', detail: 'fair', message: "Pod 'Office' has fair health." },
      {
        kind: 'podAlert',
        pod: 'Office',
        detail: 'highInterference',
        message: "Pod 'Office' has an active alert: highInterference.",
      },
      { kind: 'podAlert', pod: 'Office', detail: 'unknown', message: "Pod 'Office' has an active alert: unknown." },
    ]);
  });

  it('names a reported, non-full service level in the warnings and the headline', () => {
    const report = analyzeLocationHealth(
      deepFreeze({
        location: { serviceLevel: { status: 'basicService' } },
        nodes: [
          pod({ health: { status: 'poor' } }),
          pod({ id: 'X', defaultName: 'Attic', health: { status: 'poor' } }),
        ],
      }),
    );
    expect(report.level).toBe('degraded');
    expect(report.headline).toBe('Online, but 2 pods need attention and the service level is basicService');
    expect(report.warnings.at(-1)).toEqual({
      kind: 'serviceLevel',
      pod: null,
      detail: 'basicService',
      message: 'The service level is basicService, not fullService.',
    });
  });

  it('reports partly offline with correct plurals', () => {
    const one = analyzeLocationHealth(
      deepFreeze({ nodes: [pod({}), pod({ defaultName: 'Garage', connectionState: 'disconnected' }), pod({})] }),
    );
    expect(one.level).toBe('partlyOffline');
    expect(one.headline).toBe('Online, but 1 of 3 pods is disconnected');
    expect(one.issues).toEqual([
      { kind: 'podDisconnected', pod: 'Garage', detail: 'disconnected', message: "Pod 'Garage' is disconnected." },
    ]);
    const two = analyzeLocationHealth(
      deepFreeze({ nodes: [pod({}), pod({ connectionState: 'DISCONNECTED' }), pod({ connectionState: null })] }),
    );
    expect(two.headline).toBe('Online, but 2 of 3 pods are disconnected');
    expect(two.issues.map((i) => i.detail)).toEqual(['disconnected', 'unknown']);
    expect(two.podCounts).toEqual({ total: 3, connected: 1, disconnected: 2 });
  });

  it('ignores alerts and health of disconnected pods in warnings but keeps them in pod details', () => {
    const sick = pod({
      connectionState: 'disconnected',
      health: { status: 'poor' },
      alerts: ['overheat'],
      connectedDeviceCount: 7,
    });
    const report = analyzeLocationHealth(deepFreeze({ nodes: [pod({}), sick] }));
    expect(report.warnings).toEqual([]);
    expect(report.pods[1]!.alerts).toEqual(['overheat']);
    // Devices count on connected pods only: 1, not 1 + 7.
    expect(report.totalConnectedDevices).toBe(1);
  });

  it('reports offline when every pod is disconnected', () => {
    const single = analyzeLocationHealth(deepFreeze({ nodes: [pod({ connectionState: 'disconnected' })] }));
    expect(single.headline).toBe('Offline: the only pod is disconnected');
    const report = analyzeLocationHealth(
      deepFreeze({ nodes: [pod({ connectionState: 'x' }), pod({ connectionState: 'disconnected' })] }),
    );
    expect(report.level).toBe('offline');
    expect(report.online).toBe(false);
    expect(report.headline).toBe('Offline: all 2 pods are disconnected');
  });

  it("lets the location's networkStatus decide online state", () => {
    const offline = analyzeLocationHealth(
      deepFreeze({ location: { networkStatus: { status: 'OFFLINE' } }, nodes: [pod({})] }),
    );
    expect(offline.level).toBe('offline');
    expect(offline.onlineSource).toBe('networkStatus');
    expect(offline.headline).toBe('Offline: the location reports no connection');
    expect(offline.issues[0]!.kind).toBe('locationOffline');
    const down = pod({ connectionState: 'disconnected' });
    const online = analyzeLocationHealth(
      deepFreeze({ location: { networkStatus: { status: 'online' } }, nodes: [down, { ...down, id: 'N2' }] }),
    );
    expect(online.online).toBe(true);
    expect(online.level).toBe('partlyOffline');
    expect(online.headline).toBe('Online, but all 2 pods are disconnected');
    // An unrecognised status falls back to the pods.
    const weird = analyzeLocationHealth({ location: { networkStatus: { status: 'weird' } }, nodes: [pod({})] });
    expect(weird.onlineSource).toBe('pods');
  });

  it('says no data when there are no pods, and offline if the location says so', () => {
    for (const nodes of [[], null, undefined, 'nodes', [null]]) {
      const report = analyzeLocationHealth(deepFreeze({ nodes } as never));
      expect(report.level).toBe('noData');
      expect(report.online).toBeNull();
      expect(report.headline).toBe('No data: no pods found for this location');
    }
    const reportedOnline = analyzeLocationHealth({ location: { networkStatus: { status: 'online' } } });
    expect(reportedOnline.headline).toBe('Online, but no pods were reported');
    const reportedOffline = analyzeLocationHealth({ location: { networkStatus: { status: 'offline' } } });
    expect(reportedOffline.headline).toBe('Offline: no pods found');
    expect(analyzeLocationHealth(undefined).level).toBe('noData');
  });

  it('survives nulls in every field of a node', () => {
    const nullNode = {
      id: null,
      nickname: null,
      defaultName: null,
      connectionState: null,
      health: { status: null, score: null },
      backhaulType: null,
      alerts: null,
      connectedDeviceCount: null,
      networkMode: null,
      speedTest: null,
    };
    const report = analyzeLocationHealth(
      deepFreeze({
        location: { serviceLevel: { status: null }, networkStatus: null, speedTest: null },
        nodes: [nullNode, { health: null, alerts: [null, 'x', 42] } as never],
      }),
    );
    expect(report.pods[0]).toEqual({
      id: null,
      name: 'Unknown pod',
      connected: false,
      connectionState: null,
      health: null,
      healthScore: null,
      backhaul: 'unknown',
      alerts: [],
      connectedDevices: 0,
      gateway: false,
      networkMode: null,
      model: null,
      firmwareVersion: null,
      mac: null,
      ip: null,
      serialNumber: null,
    });
    expect(report.pods[1]!.alerts).toEqual(['x', 'unknown']);
  });

  it('names pods by nickname, then default name, then id', () => {
    const nodes = [
      pod({ nickname: 'Hall', defaultName: 'Pod 1' }),
      pod({ nickname: ' ', defaultName: 'Pod 2' }),
      pod({ defaultName: null, id: 'SN3' }),
    ];
    const report = analyzeLocationHealth(deepFreeze({ nodes }));
    expect(report.pods.map((p) => p.name)).toEqual(['Hall', 'Pod 2', 'SN3']);
  });

  it("takes the gateway node's succeeded speed test before the location's", () => {
    const test = { status: 'succeeded', download: 245.5, upload: 12.3, rtt: 8.5, startedAt: '2024-12-04T10:29:00Z' };
    const gatewayReport = analyzeLocationHealth(
      deepFreeze({
        location: { speedTest: { ...test, download: 1 } },
        nodes: [
          pod({ speedTest: { ...test, download: 99, gateway: false } }),
          pod({ networkMode: 'router', speedTest: { ...test, isp: 'ACME' } }),
        ],
      }),
    );
    expect(gatewayReport.speedTest).toEqual({
      source: 'gateway',
      downloadMbps: 245.5,
      uploadMbps: 12.3,
      latencyMs: 8.5,
      startedAt: '2024-12-04T10:29:00Z',
      endedAt: null,
      isp: 'ACME',
      serverName: null,
    });
    expect(gatewayReport.pods[1]!.gateway).toBe(true);
    // The gateway's test failed: fall back to the location's.
    const fallback = analyzeLocationHealth(
      deepFreeze({ location: { speedTest: test }, nodes: [pod({ speedTest: { status: 'failed', gateway: true } })] }),
    );
    expect(fallback.speedTest?.source).toBe('location');
    expect(analyzeLocationHealth({ nodes: [pod({})] }).speedTest).toBeNull();
  });
});
