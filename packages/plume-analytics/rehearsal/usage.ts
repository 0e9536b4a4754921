// Publish-rehearsal type check: a consumer's code against the published types, compiled with
// tsc --noEmit under moduleResolution node16 and bundler. It is never run.
import {
  analyzeLocationHealth,
  analyzeOnlineStats,
  analyzePods,
  analyzeWifiNetworks,
  analyzeWanStats,
  AnalyticsError,
  isAnalyticsError,
  ONLINE_STATS_RANGES,
  ONLINE_STATS_RANGE_KEYS,
  percentile,
  uptimeLabel,
  type HealthIssue,
  type LocationHealthReport,
  type NodeInput,
  type OnlineStatsAnalysis,
  type OnlineStatsRangeKey,
  type UptimeLabel,
  type WanAnalysis,
  type WanSampleInput,
  type WanIntervalPoint,
  type UptimeBucket,
  type PodDetail,
  type WifiNetworksReport,
  evaluateFleet,
  evaluateLocation,
  nextReminderAt,
  type AlertDecision,
  type FleetAlertState,
  type LocationAlertState,
  type LocationObservation,
} from '@org/plume-analytics';

const nodes: readonly NodeInput[] = [
  { id: 'A', connectionState: 'connected', alerts: ['x', { type: 'y' }, null], health: null },
];
const report: LocationHealthReport = analyzeLocationHealth({ location: { name: 'Home', serviceLevel: null }, nodes });
const level: 'allWell' | 'degraded' | 'partlyOffline' | 'offline' | 'noData' = report.level;
const firstIssue: HealthIssue | undefined = report.issues[0];
const issueKind: 'podDisconnected' | 'locationOffline' | undefined = firstIssue?.kind;

const pods: PodDetail[] = analyzePods(nodes);
const wifi: WifiNetworksReport = analyzeWifiNetworks([{ ssid: 'Home', enabled: true, wpaMode: 'psk2' }]);
const samples: readonly WanSampleInput[] = [
  { timestamp: '2024-12-04T00:00:00Z', rxMbytes: 1, txMbytes: null, rxMaxMbps: 2, txMaxMbps: 3 },
];
const wan: WanAnalysis = analyzeWanStats(samples, { timeZone: 'Europe/Berlin', planSpeed: report.speedTest });
const p95: number | null = wan.hasData ? wan.rx.p95Mbps : null;
const hourly: readonly (number | null)[] = wan.hasData ? wan.hourlyRxPeaks.peaks : [];
const series: readonly WanIntervalPoint[] = wan.hasData ? wan.intervalSeries.points : [];
// @ts-expect-error: `rx` exists only once `hasData` is known to be true.
const unchecked = wan.rx;

const key: OnlineStatsRangeKey = ONLINE_STATS_RANGE_KEYS[0] ?? '24h';
const stats: OnlineStatsAnalysis = analyzeOnlineStats([{ timestamp: 0, value: 'online' }], ONLINE_STATS_RANGES[key], {
  timeZone: 'Europe/Berlin',
});
const label: UptimeLabel | 'No data' = stats.hasData ? stats.label : 'No data';
const buckets: readonly UptimeBucket[] = stats.hasData ? stats.uptimeBuckets : [];
const limit: number = ONLINE_STATS_RANGES['24h'].limit;

try {
  percentile([], 95);
} catch (error) {
  if (isAnalyticsError(error)) {
    const code: 'EMPTY_INPUT' | 'INVALID_PERCENTILE' | 'INVALID_VALUE' | 'INVALID_OPTION' = error.code;
    void code;
  }
  void (error instanceof AnalyticsError);
}

export const used = [
  level,
  issueKind,
  p95,
  hourly,
  series,
  buckets,
  pods,
  wifi,
  unchecked,
  label,
  limit,
  uptimeLabel(99),
];

const observation: LocationObservation = {
  locationId: 'L1',
  at: '2024-12-04T10:00:00Z',
  networkStatus: { status: 'offline' },
  nodes,
};
const evaluated = evaluateLocation(null, observation, { rules: { locationOffline: { fireAfter: 3 } } });
const alertState: LocationAlertState = evaluated.state;
const decision: AlertDecision | undefined = evaluated.decisions[0];
const decisionKind: 'firing' | 'resolved' | 'flapping' | 'settled' | 'unknown' | undefined = decision?.kind;
const fleet: FleetAlertState = evaluateFleet(null, { at: 0, observations: [observation] }).state;
const reminder: string | null = nextReminderAt({ firedAt: 0, remindersSent: 0 }, { enabled: true });
void [alertState, decisionKind, fleet, reminder];
