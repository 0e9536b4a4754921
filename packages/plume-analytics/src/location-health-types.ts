/**
 * Outputs of `analyzeLocationHealth`; its inputs are in `location-health-input-types.ts` and
 * re-exported here so the analysis has one place to import its types from.
 *
 * @packageDocumentation
 */
export type {
  LocationHealthInput,
  LocationInput,
  NodeAlertInput,
  NodeInput,
  SpeedTestInput,
} from './location-health-input-types';

/**
 * The overall verdict, worst first:
 * - `noData`: no pods were reported and the location's own status does not say offline;
 * - `offline`: the location is offline;
 * - `partlyOffline`: online, but at least one pod is disconnected;
 * - `degraded`: every pod is connected, but there are warnings (pod health fair or poor, pod alerts,
 *   a service level reported and not `fullService`);
 * - `allWell`: none of the above.
 *
 * @example
 * ```ts
 * const level: LocationHealthLevel = analyzeLocationHealth({ nodes: [] }).level; // 'noData'
 * ```
 */
export type LocationHealthLevel = 'allWell' | 'degraded' | 'partlyOffline' | 'offline' | 'noData';

/**
 * How a pod gets its traffic: wired (`ethernet`), over Wi-Fi (`wifi` on the wire, shown as Mesh),
 * or not reported.
 *
 * @example
 * ```ts
 * analyzeLocationHealth({ nodes: [{ id: 'A1', backhaulType: 'WiFi' }] }).pods[0]?.backhaul; // 'mesh'
 * ```
 */
export type Backhaul = 'ethernet' | 'mesh' | 'unknown';

/**
 * Kinds of issue (something is down).
 *
 * @example
 * ```ts
 * analyzeLocationHealth({ nodes: [{ id: 'A1', connectionState: 'disconnected' }] }).issues[0]?.kind; // 'podDisconnected'
 * ```
 */
export type HealthIssueKind = 'podDisconnected' | 'locationOffline';

/**
 * Kinds of warning (something is up but not well).
 *
 * @example
 * ```ts
 * const report = analyzeLocationHealth({ nodes: [{ id: 'A1', connectionState: 'connected', health: { status: 'fair' } }] });
 * report.warnings[0]?.kind; // 'podHealth'
 * ```
 */
export type HealthWarningKind = 'podHealth' | 'podAlert' | 'serviceLevel';

/**
 * One issue or warning, as data.
 *
 * @example
 * ```ts
 * const finding: HealthFinding<HealthWarningKind> = {
 *   kind: 'podHealth',
 *   pod: 'Kitchen',
 *   detail: 'fair',
 *   message: "Pod 'Kitchen' has fair health.",
 * };
 * ```
 */
export interface HealthFinding<K extends string> {
  readonly kind: K;
  /** The pod's display name, or `null` for location-wide findings. */
  readonly pod: string | null;
  /**
   * The specific value behind the finding: the connection state (`podDisconnected`, `"unknown"`
   * when not reported), the health status (`podHealth`), the alert type (`podAlert`, `"unknown"`
   * when absent), the service-level status (`serviceLevel`) or the network status (`locationOffline`).
   */
  readonly detail: string;
  /** The same in one English sentence, e.g. `Pod 'Kitchen' has fair health.` */
  readonly message: string;
}

/**
 * Something is down.
 *
 * @example
 * ```ts
 * const issue: HealthIssue = {
 *   kind: 'podDisconnected',
 *   pod: 'Garage',
 *   detail: 'disconnected',
 *   message: "Pod 'Garage' is disconnected.",
 * };
 * ```
 */
export type HealthIssue = HealthFinding<HealthIssueKind>;

/**
 * Something is up but not well.
 *
 * @example
 * ```ts
 * const warning: HealthWarning = {
 *   kind: 'serviceLevel',
 *   pod: null,
 *   detail: 'basicService',
 *   message: 'The service level is basicService, not fullService.',
 * };
 * ```
 */
export type HealthWarning = HealthFinding<HealthWarningKind>;

/**
 * One pod, normalised: every rule about a pod (connected, display name, health, backhaul, role,
 * model) is decided here, once.
 *
 * @example
 * ```ts
 * const node = { id: 'A1', nickname: 'Hall', connectionState: 'Connected', health: { status: 'Good', score: 5 }, backhaulType: 'ethernet', connectedDeviceCount: 4 };
 * analyzePods([node])[0];
 * // { id: 'A1', name: 'Hall', connected: true, connectionState: 'connected', health: 'good', healthScore: 5,
 * //   backhaul: 'ethernet', alerts: [], connectedDevices: 4, gateway: false, networkMode: null, model: null,
 * //   firmwareVersion: null, mac: null, ip: null, serialNumber: 'A1' }
 * ```
 */
export interface PodDetail {
  /** The node id, or `null` when missing. */
  readonly id: string | null;
  /** `nickname`, else `defaultName`, else `id`, else `"Unknown pod"`. */
  readonly name: string;
  readonly connected: boolean;
  /**
   * Lowercase `connectionState` as sent (`connected`, `disconnected`…), or `null` when missing.
   */
  readonly connectionState: string | null;
  /** Lowercase health status (`excellent`, `good`, `fair`, `poor`…), or `null` when not reported. */
  readonly health: string | null;
  readonly healthScore: number | null;
  readonly backhaul: Backhaul;
  /** The alert types, `"unknown"` for an alert without one. */
  readonly alerts: readonly string[];
  /** Devices on this pod (0 when not reported or not a finite, non-negative number). */
  readonly connectedDevices: number;
  /** Whether this is the gateway (`networkMode` `router` or `speedTest.gateway`). */
  readonly gateway: boolean;
  /** Lowercase `networkMode` as sent (`router`, `bridge`…), or `null` when missing. */
  readonly networkMode: string | null;
  /** `model`, else `vendor.partNumber`, else `null`. */
  readonly model: string | null;
  readonly firmwareVersion: string | null;
  readonly mac: string | null;
  /** LAN IP address, or `null`. */
  readonly ip: string | null;
  /** `serialNumber`, else `id`, else `null`. */
  readonly serialNumber: string | null;
}

/**
 * The latest successful speed test.
 *
 * @example
 * ```ts
 * const gateway = { id: 'GW', networkMode: 'router', speedTest: { status: 'succeeded', download: 245.5, upload: 12.3, rtt: 8.5 } };
 * analyzeLocationHealth({ nodes: [gateway] }).speedTest;
 * // { source: 'gateway', downloadMbps: 245.5, uploadMbps: 12.3, latencyMs: 8.5, startedAt: null, endedAt: null,
 * //   isp: null, serverName: null }
 * ```
 */
export interface SpeedTestSummary {
  /** Where it came from: the gateway node (preferred) or the location object. */
  readonly source: 'gateway' | 'location';
  readonly downloadMbps: number | null;
  readonly uploadMbps: number | null;
  readonly latencyMs: number | null;
  /** ISO-8601 as sent; `endedAt` falls back to nothing rather than to `startedAt`. */
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly isp: string | null;
  readonly serverName: string | null;
}

/**
 * Pod counts.
 *
 * @example
 * ```ts
 * analyzeLocationHealth({ nodes: [{ connectionState: 'connected' }, { connectionState: 'disconnected' }] }).podCounts;
 * // { total: 2, connected: 1, disconnected: 1 }
 * ```
 */
export interface PodCounts {
  readonly total: number;
  readonly connected: number;
  readonly disconnected: number;
}

/**
 * The result of `analyzeLocationHealth`.
 *
 * @example
 * ```ts
 * const report: LocationHealthReport = analyzeLocationHealth({
 *   location: { networkStatus: { status: 'offline' } },
 *   nodes: [{ id: 'A1', connectionState: 'connected' }],
 * });
 * report.level; // 'offline'
 * report.onlineSource; // 'networkStatus'
 * report.headline; // 'Offline: the location reports no connection'
 * ```
 */
export interface LocationHealthReport {
  readonly level: LocationHealthLevel;
  /** One plain-text line with correct plurals, e.g. `Online, but 1 of 3 pods is disconnected`. */
  readonly headline: string;
  /**
   * `true`/`false` from the location's `networkStatus` when it says `online`/`offline`, otherwise
   * whether any pod is connected; `null` when there are no pods and no network status.
   */
  readonly online: boolean | null;
  /** Which signal decided `online`. */
  readonly onlineSource: 'networkStatus' | 'pods' | 'none';
  readonly location: { readonly id: string | null; readonly name: string | null };
  readonly issues: readonly HealthIssue[];
  readonly warnings: readonly HealthWarning[];
  readonly pods: readonly PodDetail[];
  readonly podCounts: PodCounts;
  /** Sum of `connectedDeviceCount` over connected pods. */
  readonly totalConnectedDevices: number;
  /** The gateway node's successful speed test, else the location's, else `null`. */
  readonly speedTest: SpeedTestSummary | null;
}
