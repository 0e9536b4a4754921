import type { AlertCondition } from '@org/plume-analytics';

/** How one alert condition reads to a person, everywhere it is shown. */
export interface ConditionLabel {
  /** A word or two for buttons and lists: `Offline`, `Pods`. */
  readonly short: string;
  /** The headline of an alert and a digest line, without its emoji: `Pod disconnected`. */
  readonly title: string;
  /** The emoji an alert's headline starts with: `🔴`. */
  readonly emoji: string;
  /** The recovery's headline, without its emoji (`Back online`); absent where nothing recovers. */
  readonly back?: string;
  /** What a support agent can do next. */
  readonly next: string;
}

/**
 * The one table of alert conditions' human labels: the watch list, the buttons of a watch's
 * settings, alerts, recoveries, flapping notes and the daily digest all read it. Keyed by every
 * `AlertCondition` of `@org/plume-analytics`, so a new condition cannot go without its words.
 *
 * @example
 * ```ts
 * ALERT_CONDITION_LABELS.podDisconnected.short; // 'Pods'
 * ALERT_CONDITION_LABELS.locationOffline.back; // 'Back online'
 * ```
 */
export const ALERT_CONDITION_LABELS: Readonly<Record<AlertCondition, ConditionLabel>> = {
  locationOffline: {
    short: 'Offline',
    title: 'Offline',
    emoji: '🔴',
    back: 'Back online',
    next: 'Check the gateway has power and its internet line is up (the ISP’s side too); 📊 Status shows whether any pod still answers.',
  },
  podDisconnected: {
    short: 'Pods',
    title: 'Pod disconnected',
    emoji: '🟠',
    back: 'Pod reconnected',
    next: 'Check the pod has power and is within reach of another pod; ask the customer to plug it back in or move it closer.',
  },
  healthDegraded: {
    short: 'Health',
    title: 'Pod health degraded',
    emoji: '🟡',
    back: 'Pod health back to normal',
    next: 'Open 📊 Status for the pod’s interference and backhaul; moving or restarting it usually helps.',
  },
  wanSaturated: {
    short: 'WAN',
    title: 'Internet line saturated',
    emoji: '🟠',
    back: 'Internet line no longer saturated',
    next: 'The line runs near its plan speed: look for heavy users, or suggest a faster plan. If the plan speed is wrong, correct it in the watch’s settings.',
  },
  speedTestDrop: {
    short: 'Speed test',
    title: 'Speed test dropped',
    emoji: '🟠',
    back: 'Speed test back to normal',
    next: 'Run a new speed test; if it stays low, check the line with the ISP.',
  },
  plumeAlert: {
    short: 'Plume alerts',
    title: 'Plume alert',
    emoji: '⚠️',
    back: 'Plume alert cleared',
    next: 'See the location in the Plume portal for what Plume flagged.',
  },
  noData: {
    short: 'No data',
    title: 'Unknown',
    emoji: '⚪',
    next: 'Nothing to do yet: you will hear when Plume answers again.',
  },
  monitoringDegraded: {
    short: 'Monitoring',
    title: 'Monitoring degraded',
    emoji: '⚠️',
    back: 'Monitoring is back',
    next: 'Alerts may be late until it recovers. Nothing to do on your side: you will hear when it is back.',
  },
};

const hasLabel = (condition: string): condition is AlertCondition => Object.hasOwn(ALERT_CONDITION_LABELS, condition);

/**
 * The labels of a condition as stored or sent in callback data (a plain string): the table's entry,
 * or, for a condition this version does not know, its name as the label and a generic next step.
 *
 * @example
 * ```ts
 * conditionLabel('healthDegraded').title; // 'Pod health degraded'
 * conditionLabel('solarFlare').short; // 'solarFlare'
 * ```
 */
export function conditionLabel(condition: string): ConditionLabel {
  if (hasLabel(condition)) return ALERT_CONDITION_LABELS[condition];
  return { short: condition, title: condition, emoji: '⚠️', next: 'Open 📊 Status for details.' };
}
