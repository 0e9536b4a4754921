/**
 * Outputs and state of the alert state machine. The state is plain JSON (strings, numbers,
 * booleans, arrays and records only): a caller stores it as it is and passes it back next time.
 *
 * @packageDocumentation
 */

/**
 * What an alert is about:
 * - `locationOffline`: the location is offline;
 * - `podDisconnected`: one pod is disconnected (one alert per pod);
 * - `healthDegraded`: one connected pod's health is fair or poor;
 * - `wanSaturated`: the WAN link runs near its plan speed;
 * - `speedTestDrop`: the latest speed test is far below the recent median;
 * - `plumeAlert`: one of Plume's own active alerts (one per type and pod);
 * - `noData`: Plume has not answered for the location (only in `unknown` decisions);
 * - `monitoringDegraded`: Plume is failing for many locations at once (fleet-wide, from `evaluateFleet`).
 *
 * @example
 * ```ts
 * const condition: AlertCondition = 'podDisconnected';
 * ```
 */
export type AlertCondition =
  | 'locationOffline'
  | 'podDisconnected'
  | 'healthDegraded'
  | 'wanSaturated'
  | 'speedTestDrop'
  | 'plumeAlert'
  | 'noData'
  | 'monitoringDegraded';

/**
 * The conditions judged from observations, each with its own hysteresis (see `AlertRule`).
 *
 * @example
 * ```ts
 * const judged: ObservedCondition = 'healthDegraded';
 * ```
 */
export type ObservedCondition = Exclude<AlertCondition, 'noData' | 'monitoringDegraded'>;

/**
 * Where one alert key stands: OK → PENDING (bad, not yet `fireAfter` times) → FIRING → RECOVERING
 * (good, not yet `resolveAfter` times) → OK. UNKNOWN is not a phase: it is the location's
 * `noData.unknown`, and every phase is kept through it.
 *
 * @example
 * ```ts
 * const phase: AlertPhase = 'pending';
 * ```
 */
export type AlertPhase = 'ok' | 'pending' | 'firing' | 'recovering';

/**
 * Extra facts about a decision, flat and JSON-friendly, e.g. `{ pod: 'Office', health: 'poor' }`.
 *
 * @example
 * ```ts
 * const details: AlertDetails = { direction: 'rx', p95Percent: 96.5, planMbps: 100 };
 * ```
 */
export type AlertDetails = Readonly<Record<string, string | number | boolean | null>>;

/**
 * What to tell people, decided by the machine (delivery, grouping, quiet hours and reminders are
 * the caller's):
 * - `firing`: an incident opened (once per incident);
 * - `resolved`: it closed (only after a `firing`, once); `durationMs` is its length without the
 *   time no data came;
 * - `flapping`: the key changes too often; no `firing`/`resolved` follow for it until `settled`;
 * - `settled`: it calmed down; a `firing` or `resolved` may follow at once to match the phase;
 * - `unknown`: Plume has not answered for the location `unknownAfter` times in a row (once per spell).
 *
 * @example
 * ```ts
 * const decision: AlertDecision = {
 *   kind: 'resolved',
 *   key: 'L1:podDisconnected:EX0002',
 *   locationId: 'L1',
 *   condition: 'podDisconnected',
 *   pod: 'EX0002',
 *   since: '2024-12-04T10:00:00.000Z',
 *   at: '2024-12-04T10:30:00.000Z',
 *   durationMs: 1_500_000,
 *   details: { podName: 'Office', connectionState: 'connected' },
 * };
 * ```
 */
export interface AlertDecision {
  readonly kind: 'firing' | 'resolved' | 'flapping' | 'settled' | 'unknown';
  /** `locationId:condition`, plus `:pod` for a pod's conditions, `:type[:pod]` for Plume's alerts; `monitoring` for the fleet. */
  readonly key: string;
  /** The location (absent on fleet-wide decisions). */
  readonly locationId?: string;
  readonly condition: AlertCondition;
  /** The pod's node id, for pod conditions and pod-specific Plume alerts. */
  readonly pod?: string;
  /** When it began, ISO-8601 UTC: the first bad observation, the flapping's or the silence's start. */
  readonly since: string;
  /** The observation that made the decision, ISO-8601 UTC. */
  readonly at: string;
  /** On `resolved` and `settled`: how long it lasted, ms. */
  readonly durationMs?: number;
  readonly details: AlertDetails;
}

/**
 * The stored state of one alert key.
 *
 * @example
 * ```ts
 * const key: AlertKeyState = {
 *   condition: 'podDisconnected',
 *   pod: 'EX0002',
 *   phase: 'firing',
 *   count: 0,
 *   since: '2024-12-04T10:00:00.000Z',
 *   incidentSince: '2024-12-04T10:00:00.000Z',
 *   open: true,
 *   history: '0011',
 *   noDataMs: 0,
 *   details: { podName: 'Office', connectionState: 'disconnected' },
 * };
 * ```
 */
export interface AlertKeyState {
  readonly condition: ObservedCondition;
  readonly pod?: string;
  readonly phase: AlertPhase;
  /** Bad observations so far while `pending`; good ones while `recovering`; else 0. */
  readonly count: number;
  /** ISO-8601: start of the bad run (`pending`, `firing`, `recovering`). */
  readonly since?: string;
  /** ISO-8601: start of the reported incident, while `open`. */
  readonly incidentSince?: string;
  /** When recovery began (`recovering`). */
  readonly recoveringSince?: string;
  /** A `firing` was decided and its `resolved` not yet. */
  readonly open: boolean;
  /** The last judged observations, oldest first: `1` bad, `0` good (at most the flapping window). */
  readonly history: string;
  /** Present while flapping: since when. */
  readonly flappingSince?: string;
  /** Time without data inside the open incident, ms (left out of its `durationMs`). */
  readonly noDataMs: number;
  /** The details of the last bad observation. */
  readonly details?: AlertDetails;
}

/**
 * The stored state of one location. Start with `null` (or nothing); keep what `evaluateLocation`
 * returns.
 *
 * @example
 * ```ts
 * const { state } = evaluateLocation(null, { locationId: 'L1', at: '2024-12-04T10:00:00Z', failed: true });
 * state.noData; // { since: '2024-12-04T10:00:00.000Z', failedCycles: 1, unknown: false }
 * ```
 */
export interface LocationAlertState {
  readonly locationId: string;
  /** The last observation's time, ISO-8601. */
  readonly lastAt?: string;
  /** Keys with anything to remember; a missing key is OK with a clean history. */
  readonly keys: Readonly<Record<string, AlertKeyState>>;
  /** The last `networkStatus` seen: whether online, and `statusChangedAt` as ISO-8601. */
  readonly network?: { readonly online: boolean; readonly changedAt: string | null; readonly at: string };
  /** Failed observations in a row; `unknown` once there were `unknownAfter` of them. */
  readonly noData?: { readonly since: string; readonly failedCycles: number; readonly unknown: boolean };
  /** The newest WAN interval start judged, ISO-8601: the same samples are judged once. */
  readonly wanThrough?: string;
  /**
   * Recent successful speed tests, oldest first: for `speedTestDrop` (download, Mbps) and, with
   * `wan.planFromSpeedTest`, as the plan speed of `wanSaturated` (the latest, both directions).
   */
  readonly speedTests?: readonly { readonly at: string; readonly downloadMbps: number; readonly uploadMbps?: number }[];
}

/**
 * What `evaluateLocation` returns: the new state (the old one is untouched) and the decisions, in
 * the order they happened.
 *
 * @example
 * ```ts
 * const result: LocationEvaluation = evaluateLocation(null, { locationId: 'L1', at: 0, networkStatus: { status: 'online' } });
 * result.decisions; // []
 * ```
 */
export interface LocationEvaluation {
  readonly state: LocationAlertState;
  readonly decisions: readonly AlertDecision[];
}
