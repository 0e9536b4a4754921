// Public surface of @org/bot-formatting/plume: the Plume report renderers. Each takes an analysis
// result of @org/plume-analytics (imported as types only: analytics is a peer dependency) and
// returns messages, already split. The rich-text helpers they build on are the root entry's.

export type { LocationRef, RenderOptions } from './shared';
export type { HealthSummaryOptions } from './health';
export { HEALTH_LEVEL_EMOJI, renderHealthSummary } from './health';
export type { PodDetailsOptions } from './pods';
export { renderPodDetails } from './pods';
export type { WifiNetworksOptions } from './wifi';
export { renderWifiNetworks } from './wifi';
export type { WanReportOptions } from './wan';
export { renderWanReport } from './wan';
export type { OnlineStatsOptions } from './online';
export { UPTIME_LABEL_EMOJI, renderOnlineStats } from './online';
export type { LocationListItem, LocationListOptions } from './locations';
export { renderLocationList } from './locations';
export type { NoDataOptions } from './no-data';
export { renderNoData } from './no-data';
export type { ChartCaptionOptions } from './chart-captions';
export { renderOnlineChartCaption, renderWanChartCaption } from './chart-captions';
export type { QueuePlaceInput } from './queue';
export { renderQueuePlace } from './queue';
export { renderDailyDigest } from './digest';
export type { AlertPlace, AlertRenderOptions } from './alerts';
export { renderAlert, renderFlapping, renderMonitoringDegraded, renderRecovery, renderUnknown } from './alerts';
export type { WatchListItem, WatchListOptions } from './watches';
export { renderWatchList } from './watches';
export type { TeamWatchMember, TeamWatchesOptions } from './team-watches';
export { renderTeamWatches } from './team-watches';
export type { ConditionLabel } from './conditions';
export { ALERT_CONDITION_LABELS, conditionLabel } from './conditions';
export type { ReminderRenderOptions } from './reminder';
export { renderReminder } from './reminder';
