/**
 * Inputs and outputs of `analyzeLocationHealth`. Inputs mirror the Plume API objects
 * structurally (every field optional and nullable, as the API may send it); they are not imported
 * from the SDK, so any object of the right shape fits.
 *
 * @packageDocumentation
 */

/** A speed-test result as embedded in a node (`node.speedTest`) or, rarely, in a location. */
export interface SpeedTestInput {
  /** `"succeeded"` for a usable result; any other value is ignored. */
  readonly status?: string | null;
  /** Download rate, Mbps. */
  readonly download?: number | null;
  /** Upload rate, Mbps. */
  readonly upload?: number | null;
  /** Round-trip time, ms. */
  readonly rtt?: number | null;
  /** ISO-8601 start time. */
  readonly startedAt?: string | null;
  /** ISO-8601 end time (not always sent). */
  readonly endedAt?: string | null;
  /** `true` on the gateway node's result. */
  readonly gateway?: boolean | null;
  /** The ISP name the test server saw. */
  readonly isp?: string | null;
  /** The test server's name. */
  readonly serverName?: string | null;
}

/** An alert on a node. Only `type` is known; strings and nulls in the list are tolerated too. */
export interface NodeAlertInput {
  readonly type?: string | null;
}

/** A node (pod) as listed by `GET Customers/{c}/locations/{l}/nodes` (the `nodes` items). */
export interface NodeInput {
  readonly id?: string | null;
  /** The user's own name for the pod; preferred for display. */
  readonly nickname?: string | null;
  /** Plume's default name; used when there is no nickname. */
  readonly defaultName?: string | null;
  /** `"connected"` (any case) means online; anything else, or nothing, means disconnected. */
  readonly connectionState?: string | null;
  readonly health?: {
    /** For example `excellent`, `good`, `fair`, `poor`. */
    readonly status?: string | null;
    readonly score?: number | null;
  } | null;
  /** `ethernet` or `wifi` (shown as Mesh). */
  readonly backhaulType?: string | null;
  readonly alerts?: readonly (NodeAlertInput | string | null)[] | null;
  /** Devices on this pod. */
  readonly connectedDeviceCount?: number | null;
  /** `router` on the gateway, `bridge` otherwise. */
  readonly networkMode?: string | null;
  readonly speedTest?: SpeedTestInput | null;
}

/** A location as returned by `GET Customers/{c}/locations/{l}`. */
export interface LocationInput {
  readonly id?: string | null;
  readonly name?: string | null;
  /** `status` is `fullService` when the service level is full; a missing value is not a degradation. */
  readonly serviceLevel?: { readonly status?: string | null } | null;
  /** The location's own online state; when `status` is `online` or `offline` it decides online state. */
  readonly networkStatus?: {
    readonly status?: string | null;
    readonly statusChangedAt?: string | null;
    readonly durationOfPreviousStatus?: number | null;
  } | null;
  /** Rarely present; the gateway node's `speedTest` is preferred. */
  readonly speedTest?: SpeedTestInput | null;
}

/** The argument of `analyzeLocationHealth`. */
export interface LocationHealthInput {
  readonly location?: LocationInput | null;
  readonly nodes?: readonly (NodeInput | null)[] | null;
}

/**
 * The overall verdict, worst first:
 * - `noData`: no pods were reported and the location's own status does not say offline;
 * - `offline`: the location is offline;
 * - `partlyOffline`: online, but at least one pod is disconnected;
 * - `degraded`: every pod is connected, but there are warnings (pod health fair or poor, pod alerts,
 *   a service level reported and not `fullService`);
 * - `allWell`: none of the above.
 */
export type LocationHealthLevel = 'allWell' | 'degraded' | 'partlyOffline' | 'offline' | 'noData';

/** How a pod gets its traffic: wired, over Wi-Fi (`wifi` on the wire), or not reported. */
export type Backhaul = 'ethernet' | 'mesh' | 'unknown';

/** Kinds of issue (something is down). */
export type HealthIssueKind = 'podDisconnected' | 'locationOffline';

/** Kinds of warning (something is up but not well). */
export type HealthWarningKind = 'podHealth' | 'podAlert' | 'serviceLevel';

/** One issue or warning, as data. */
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

/** Something is down. */
export type HealthIssue = HealthFinding<HealthIssueKind>;

/** Something is up but not well. */
export type HealthWarning = HealthFinding<HealthWarningKind>;

/** One pod, normalised. */
export interface PodDetail {
  /** The node id, or `null` when missing. */
  readonly id: string | null;
  /** `nickname`, else `defaultName`, else `id`, else `"Unknown pod"`. */
  readonly name: string;
  readonly connected: boolean;
  /**
   * Lowercase `connectionState` as sent (`connected`, `disconnected`…), or `null` when missing.
   * Always set by `analyzeLocationHealth`; optional in the type because it was added after the
   * first draft of this interface, so objects built by hand without it stay valid.
   */
  readonly connectionState?: string | null;
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
}

/** The latest successful speed test. */
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

/** Pod counts. */
export interface PodCounts {
  readonly total: number;
  readonly connected: number;
  readonly disconnected: number;
}

/** The result of `analyzeLocationHealth`. */
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
