// Public surface of @org/plume-analytics: pure functions over Plume Cloud data.
// Internal helpers (timestamp parsing, in-place selection, hour-of-day lookup) are deliberately not
// exported: they are implementation details and may change.

export { analyzeLocationHealth } from './location-health';
export { analyzePods } from './pods';
export { analyzeWifiNetworks } from './wifi-networks';
export type { WifiNetworkInput, WifiNetworkSummary, WifiNetworksReport } from './wifi-networks';
export { analyzeWanStats } from './wan-stats';
export { analyzeOnlineStats, uptimeLabel } from './online-stats';
export { percentile } from './percentile';

export { AnalyticsError, isAnalyticsError } from './errors';
export type { AnalyticsErrorCode } from './errors';

export {
  ONLINE_STATS_RANGES,
  ONLINE_STATS_RANGE_KEYS,
  DEFAULT_ONLINE_STATS_RANGE,
  isOnlineStatsRangeKey,
  granularityMs,
} from './time-ranges';
export type { OnlineStatsRange, OnlineStatsRangeKey, OnlineStatsGranularity } from './time-ranges';

export type {
  SpeedTestInput,
  NodeAlertInput,
  NodeInput,
  LocationInput,
  LocationHealthInput,
  LocationHealthLevel,
  Backhaul,
  HealthIssueKind,
  HealthWarningKind,
  HealthFinding,
  HealthIssue,
  HealthWarning,
  PodDetail,
  SpeedTestSummary,
  PodCounts,
  LocationHealthReport,
} from './location-health-types';

export type {
  WanSampleInput,
  PlanSpeed,
  WanAnalysisOptions,
  WanPeak,
  WanDirectionStats,
  WanGap,
  WanCoverage,
  WanHourlyPeaks,
  BusyHour,
  DirectionUtilisation,
  WanUtilisation,
  WanAnalysisWithData,
  WanAnalysisNoData,
  WanAnalysis,
} from './wan-types';
export type { WanIntervalPoint, WanIntervalSeries } from './wan-interval-types';

export type {
  OnlineStateSample,
  OnlineState,
  OnlineStateCounts,
  UptimeTrend,
  UptimeLabel,
  Outage,
  OnlineStatsBase,
  OnlineStatsWithData,
  OnlineStatsNoData,
  OnlineStatsAnalysis,
} from './online-stats-types';
export type {
  OnlineStatsOptions,
  OnlineTimeline,
  OnlineTimelineSegment,
  TimelineState,
  UptimeBucket,
} from './online-timeline-types';

// The alert state machine: pure functions from observations to alert decisions; the caller stores
// the state (plain JSON) between calls. Its internals (readings, the phase machine, flapping) are
// not exported.
export { evaluateLocation } from './alerts/evaluate';
export { evaluateFleet } from './alerts/fleet';
export { nextReminderAt } from './alerts/reminders';
export { plumeAlertsFromNodes } from './alerts/node-alerts';
export { wanPlanSpeed } from './alerts/wan-plan';
export type { WanPlan } from './alerts/wan-plan';
export type { FleetAlertState, FleetEvaluation, MonitoringState } from './alerts/fleet';
export type { AlertOptions, AlertRule } from './alerts/options';
export type { IncidentReminders, ReminderPolicy } from './alerts/reminders';
export type {
  AlertInstant,
  FleetBatch,
  LocationObservation,
  NetworkStatusInput,
  PlumeAlertInput,
} from './alerts/input-types';
export type {
  AlertCondition,
  AlertDecision,
  AlertDetails,
  AlertKeyState,
  AlertPhase,
  LocationAlertState,
  LocationEvaluation,
  ObservedCondition,
} from './alerts/types';

// The daily digest: open incidents, flapping and unknown locations, the period's outages and each
// watched location's availability, from the incidents and alert states a caller stored.
export { analyzeDigest } from './digest/digest';
export type {
  DailyDigest,
  DigestAvailability,
  DigestIncidentInput,
  DigestInput,
  DigestLocationInput,
  DigestLocationRef,
  DigestOpenIncident,
  DigestOutage,
} from './digest/types';
