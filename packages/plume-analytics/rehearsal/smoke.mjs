// Publish-rehearsal smoke test: the installed package, loaded by ESM import() (kind 'esm') or CJS
// require() (kind 'cjs'), run on API-shaped data. Throws on the first wrong result.

/** One day of `wanStats` `fifteenMins` items, newest first as the API may send them. */
function wanDay() {
  const start = Date.UTC(2024, 11, 4);
  return Array.from({ length: 96 }, (_, i) => ({
    timestamp: new Date(start + i * 900_000).toISOString().replace('.000', ''),
    rxMbytes: 90,
    txMbytes: 9,
    rxMaxMbps: i + 1,
    txMaxMbps: (i + 1) / 10,
  })).reverse();
}

const location = {
  id: '5f7b8c9d0e1f2a3b4c5d6e7f',
  name: 'Downtown Store',
  serviceLevel: {},
  networkStatus: { status: 'online', statusChangedAt: '2024-12-01T08:00:00.000Z' },
};

const nodes = [
  {
    id: 'GW0001',
    nickname: null,
    defaultName: 'Living Room',
    connectionState: 'connected',
    networkMode: 'router',
    backhaulType: 'ethernet',
    health: { status: 'excellent', score: 5, details: null },
    alerts: [],
    connectedDeviceCount: 7,
    speedTest: {
      status: 'succeeded',
      gateway: true,
      download: 245.5,
      upload: 12.3,
      rtt: 8.5,
      startedAt: '2024-12-04T10:29:00.000Z',
    },
  },
  {
    id: 'EX0002',
    nickname: 'Office',
    defaultName: 'Pod 2',
    connectionState: 'connected',
    networkMode: 'bridge',
    backhaulType: 'wifi',
    health: { status: 'fair', score: 3 },
    alerts: [{ type: 'highInterference' }],
    connectedDeviceCount: 3,
    speedTest: null,
  },
];

export default async function smoke(lib, kind) {
  const check = (condition, message) => {
    if (!condition) throw new Error(`plume-analytics smoke (${kind}): ${message}`);
  };
  const { analyzeLocationHealth, analyzeWanStats, analyzeOnlineStats, percentile } = lib;
  const { AnalyticsError, isAnalyticsError, ONLINE_STATS_RANGES } = lib;

  // percentile: ⌈0.95 × 96⌉ = 92 → 92.
  check(
    percentile(
      Array.from({ length: 96 }, (_, i) => 96 - i),
      95,
    ) === 92,
    'percentile p95 of 1..96 should be 92',
  );
  let error;
  try {
    percentile([], 50);
  } catch (caught) {
    error = caught;
  }
  const typed = error instanceof AnalyticsError && isAnalyticsError(error);
  check(typed && error.code === 'EMPTY_INPUT', 'percentile([]) should throw EMPTY_INPUT');

  // Location health: missing service level is fine, one fair pod with an alert → degraded.
  const health = analyzeLocationHealth(Object.freeze({ location, nodes }));
  check(health.level === 'degraded', `health level ${health.level}`);
  check(health.headline === 'Online, but 1 pod needs attention', `headline ${health.headline}`);
  check(health.totalConnectedDevices === 10, 'devices 7 + 3');
  check(health.speedTest?.source === 'gateway' && health.speedTest.downloadMbps === 245.5, 'gateway speed test');
  check(health.pods[1].name === 'Office' && health.pods[1].backhaul === 'mesh', 'pod name and backhaul');

  // WAN: mean of peaks 48.5, p95 92, peak 96 at 23:45 UTC, throughput 0.8 Mbps, busy hour 23.
  const wan = analyzeWanStats(wanDay(), { planSpeed: { downloadMbps: 100 } });
  check(wan.hasData, 'wan has data');
  check(wan.rx.meanPeakMbps === 48.5 && wan.rx.p95Mbps === 92, 'wan mean/p95');
  check(wan.rx.peak.at === '2024-12-04T23:45:00.000Z', `wan peak at ${wan.rx.peak.at}`);
  check(Math.abs(wan.rx.averageThroughputMbps - 0.8) < 1e-9, 'wan throughput');
  check(wan.busyHours[0]?.hour === 23 && wan.coverage.validPercent === 100, 'wan busy hours and coverage');
  check(analyzeWanStats(wanDay(), { timeZone: 'Europe/Berlin' }).busyHours[0]?.hour === 0, 'wan busy hour in Berlin');
  check(wan.intervalSeries.points.length === 96 && wan.intervalSeries.points[95].rxPeakMbps === 96, 'wan series');

  // Online stats: 24 hourly samples, one offline hour → 1 incident, 1 h down.
  const samples = Array.from({ length: 24 }, (_, i) => ({
    timestamp: new Date(Date.UTC(2024, 11, 4, i)).toISOString(),
    value: i === 5 ? 'OFFLINE' : 'online',
  }));
  const online = analyzeOnlineStats(samples, '24h');
  check(online.hasData && online.incidents === 1 && online.downtimeMs === 3_600_000, 'online incidents/downtime');
  // 23 × 100 ÷ 24 = 95.83 % → Fair (≥ 95, < 98).
  check(online.hasData && online.label === 'Fair', `online label ${online.hasData && online.label}`);
  check(online.outages.length === 1 && online.uptimeBuckets.length === 24, 'online outages and buckets');
  check(ONLINE_STATS_RANGES['24h'].granularity === 'hours' && ONLINE_STATS_RANGES['24h'].limit === 24, 'ranges');
  check(analyzeOnlineStats([], '7d').hasData === false, 'online no-data variant');

  // Alerts: a pod down for two polls fires once and resolves once; three failed cycles over the
  // whole fleet are one monitoringDegraded.
  const { evaluateLocation, evaluateFleet, nextReminderAt } = lib;
  const pods = (state) => [
    { id: 'GW', connectionState: 'connected' },
    { id: 'EX', connectionState: state },
  ];
  let alertState = null;
  const kinds = [];
  for (const [i, state] of ['connected', 'disconnected', 'disconnected', 'connected', 'connected'].entries()) {
    const at = Date.UTC(2024, 11, 4, 10, 5 * i);
    const result = evaluateLocation(
      alertState,
      Object.freeze({ locationId: 'L1', at, networkStatus: { status: 'online' }, nodes: pods(state) }),
    );
    alertState = JSON.parse(JSON.stringify(result.state));
    kinds.push(...result.decisions.map((d) => `${d.kind} ${d.key}`));
  }
  check(
    kinds.join(',') === 'firing L1:podDisconnected:EX,resolved L1:podDisconnected:EX',
    `alert decisions ${kinds.join(',')}`,
  );
  let fleet = null;
  const fleetKinds = [];
  for (let cycle = 0; cycle < 3; cycle++) {
    const at = Date.UTC(2024, 11, 4, 11, 5 * cycle);
    const result = evaluateFleet(fleet, {
      at,
      observations: ['a', 'b', 'c'].map((locationId) => ({ locationId, at, failed: true })),
    });
    fleet = result.state;
    fleetKinds.push(...result.decisions.map((d) => `${d.kind} ${d.condition}`));
  }
  check(fleetKinds.join(',') === 'firing monitoringDegraded', `fleet decisions ${fleetKinds.join(',')}`);
  check(nextReminderAt({ firedAt: '2024-12-04T10:00:00Z', remindersSent: 0 }) === null, 'reminders off by default');
}
