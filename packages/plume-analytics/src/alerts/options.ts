import { AnalyticsError } from '../errors';
import type { PlanSpeed } from '../wan-input-types';
import type { ObservedCondition } from './types';

/**
 * Hysteresis of one condition: `fireAfter` bad observations in a row open an incident,
 * `resolveAfter` good ones in a row close it.
 *
 * @example
 * ```ts
 * const rule: AlertRule = { fireAfter: 3, resolveAfter: 2 };
 * ```
 */
export interface AlertRule {
  readonly fireAfter: number;
  readonly resolveAfter: number;
}

/**
 * Options of the alert state machine; every field has a default.
 *
 * @example
 * ```ts
 * const options: AlertOptions = {
 *   rules: { locationOffline: { fireAfter: 3 } },
 *   planSpeed: { downloadMbps: 100, uploadMbps: 20 },
 * };
 * ```
 */
export interface AlertOptions {
  /**
   * Per condition. Defaults: `locationOffline` 2/2, `podDisconnected` 2/2, `healthDegraded` 3/2
   * (polls every 5 to 15 minutes: about 10 minutes before an outage alert); `wanSaturated` 1/1 (its
   * figure already spans an hour); `speedTestDrop` 2/1 (two new tests in a row); `plumeAlert` 1/1
   * (Plume already decided).
   */
  readonly rules?: Partial<Record<ObservedCondition, Partial<AlertRule>>> | undefined;
  /** Failed observations in a row before a location is UNKNOWN. @default 3 */
  readonly unknownAfter?: number | undefined;
  /** Flapping: over the last `window` judged observations. @default `{ window: 21, enterAbove: 0.5, settleBelow: 0.25 }` */
  readonly flapping?:
    { readonly window?: number; readonly enterAbove?: number; readonly settleBelow?: number } | undefined;
  /** The plan speed for `wanSaturated` (an observation's own `planSpeed` wins). Without one, `wanSaturated` is off. */
  readonly planSpeed?: PlanSpeed | null | undefined;
  /**
   * `wanSaturated`: bad when the 95th percentile of the interval peaks of the last `windowMinutes`
   * is above `saturatedAbovePercent` of the plan in either direction; good when below
   * `clearBelowPercent` in every direction with a plan; in between, not judged.
   * @default `{ saturatedAbovePercent: 90, clearBelowPercent: 70, windowMinutes: 60, planFromSpeedTest: false }`
   */
  readonly wan?:
    | {
        readonly saturatedAbovePercent?: number;
        readonly clearBelowPercent?: number;
        readonly windowMinutes?: number;
        /**
         * Without a plan speed, judge against the gateway's latest successful speed test (see
         * `wanPlanSpeed`), so a line nobody entered a plan for is still watched. @default false
         */
        readonly planFromSpeedTest?: boolean;
      }
    | undefined;
  /**
   * `speedTestDrop`: a new test is bad below `dropBelowShare` of the median download of the tests of
   * the previous `historyDays`, good above `recoverAboveShare`; judged once there are `minHistory`
   * earlier tests. @default `{ dropBelowShare: 0.5, recoverAboveShare: 0.7, historyDays: 7, minHistory: 3 }`
   */
  readonly speedTest?:
    | {
        readonly dropBelowShare?: number;
        readonly recoverAboveShare?: number;
        readonly historyDays?: number;
        readonly minHistory?: number;
      }
    | undefined;
  /**
   * `evaluateFleet`: a cycle is bad when at least `minFailed` observations failed and they are at
   * least `failedShare` of the cycle; `unknownAfter` bad cycles in a row raise one
   * `monitoringDegraded`, one good cycle resolves it. @default `{ failedShare: 0.5, minFailed: 3 }`
   */
  readonly monitoring?: { readonly failedShare?: number; readonly minFailed?: number } | undefined;
}

/** Options with every default filled in (internal). */
export interface ResolvedAlertOptions {
  readonly rules: Readonly<Record<ObservedCondition, AlertRule>>;
  readonly unknownAfter: number;
  readonly flapping: { readonly window: number; readonly enterAbove: number; readonly settleBelow: number };
  readonly planSpeed: PlanSpeed | null;
  readonly wan: {
    readonly saturatedAbovePercent: number;
    readonly clearBelowPercent: number;
    readonly windowMs: number;
    readonly planFromSpeedTest: boolean;
  };
  readonly speedTest: {
    readonly dropBelowShare: number;
    readonly recoverAboveShare: number;
    readonly historyMs: number;
    readonly minHistory: number;
  };
  readonly monitoring: { readonly failedShare: number; readonly minFailed: number };
}

const DEFAULT_RULES: Readonly<Record<ObservedCondition, AlertRule>> = {
  locationOffline: { fireAfter: 2, resolveAfter: 2 },
  podDisconnected: { fireAfter: 2, resolveAfter: 2 },
  healthDegraded: { fireAfter: 3, resolveAfter: 2 },
  wanSaturated: { fireAfter: 1, resolveAfter: 1 },
  speedTestDrop: { fireAfter: 2, resolveAfter: 1 },
  plumeAlert: { fireAfter: 1, resolveAfter: 1 },
};

function count(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new AnalyticsError('INVALID_OPTION', `alerts: ${name} must be a whole number ≥ 1, got ${String(value)}.`);
  }
  return value;
}

function share(value: number | undefined, fallback: number, name: string, max = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= max)) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      `alerts: ${name} must be a number in [0, ${max}], got ${String(value)}.`,
    );
  }
  return value;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new AnalyticsError('INVALID_OPTION', `alerts: ${name} must be a positive number, got ${String(value)}.`);
  }
  return value;
}

function flag(value: boolean | undefined, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new AnalyticsError('INVALID_OPTION', `alerts: ${name} must be true or false, got ${String(value)}.`);
  }
  return value;
}

function resolveRules(rules: AlertOptions['rules']): Record<ObservedCondition, AlertRule> {
  const resolved = { ...DEFAULT_RULES };
  for (const condition of Object.keys(DEFAULT_RULES) as ObservedCondition[]) {
    const given = rules?.[condition];
    if (given === undefined) continue;
    resolved[condition] = {
      fireAfter: count(given.fireAfter, DEFAULT_RULES[condition].fireAfter, `rules.${condition}.fireAfter`),
      resolveAfter: count(given.resolveAfter, DEFAULT_RULES[condition].resolveAfter, `rules.${condition}.resolveAfter`),
    };
  }
  return resolved;
}

/**
 * Fills in and checks the options (internal; the evaluate functions call it).
 *
 * @throws {@link AnalyticsError} `INVALID_OPTION` naming the option and what it must be.
 */
export function resolveAlertOptions(options: AlertOptions | null | undefined): ResolvedAlertOptions {
  const flapping = {
    window: count(options?.flapping?.window, 21, 'flapping.window'),
    enterAbove: share(options?.flapping?.enterAbove, 0.5, 'flapping.enterAbove'),
    settleBelow: share(options?.flapping?.settleBelow, 0.25, 'flapping.settleBelow'),
  };
  if (flapping.window < 2 || flapping.settleBelow > flapping.enterAbove) {
    throw new AnalyticsError('INVALID_OPTION', 'alerts: flapping needs window ≥ 2 and settleBelow ≤ enterAbove.');
  }
  const wan = {
    saturatedAbovePercent: positive(options?.wan?.saturatedAbovePercent, 90, 'wan.saturatedAbovePercent'),
    clearBelowPercent: positive(options?.wan?.clearBelowPercent, 70, 'wan.clearBelowPercent'),
    windowMs: positive(options?.wan?.windowMinutes, 60, 'wan.windowMinutes') * 60_000,
    planFromSpeedTest: flag(options?.wan?.planFromSpeedTest, 'wan.planFromSpeedTest'),
  };
  if (wan.clearBelowPercent > wan.saturatedAbovePercent) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      'alerts: wan.clearBelowPercent must not be above wan.saturatedAbovePercent.',
    );
  }
  const speedTest = {
    dropBelowShare: share(options?.speedTest?.dropBelowShare, 0.5, 'speedTest.dropBelowShare'),
    recoverAboveShare: share(options?.speedTest?.recoverAboveShare, 0.7, 'speedTest.recoverAboveShare'),
    historyMs: positive(options?.speedTest?.historyDays, 7, 'speedTest.historyDays') * 86_400_000,
    minHistory: count(options?.speedTest?.minHistory, 3, 'speedTest.minHistory'),
  };
  if (speedTest.recoverAboveShare < speedTest.dropBelowShare) {
    throw new AnalyticsError('INVALID_OPTION', 'alerts: speedTest.recoverAboveShare must not be below dropBelowShare.');
  }
  return {
    rules: resolveRules(options?.rules),
    unknownAfter: count(options?.unknownAfter, 3, 'unknownAfter'),
    flapping,
    planSpeed: options?.planSpeed ?? null,
    wan,
    speedTest,
    monitoring: {
      failedShare: share(options?.monitoring?.failedShare, 0.5, 'monitoring.failedShare'),
      minFailed: count(options?.monitoring?.minFailed, 3, 'monitoring.minFailed'),
    },
  };
}
