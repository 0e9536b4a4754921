/**
 * Inputs of `analyzeLocationHealth`. They mirror the Plume API objects structurally (every field
 * optional and nullable, as the API may send it); they are not imported from the SDK, so any object
 * of the right shape fits.
 *
 * @packageDocumentation
 */

/**
 * A speed-test result as embedded in a node (`node.speedTest`) or, rarely, in a location.
 *
 * @example
 * ```ts
 * const test: SpeedTestInput = {
 *   status: 'succeeded',
 *   gateway: true,
 *   download: 245.5,
 *   upload: 12.3,
 *   rtt: 8.5,
 *   startedAt: '2024-12-04T10:29:00.000Z',
 * };
 * ```
 */
export interface SpeedTestInput {
  /** `"succeeded"` for a usable result; any other value is ignored. */
  readonly status?: string | null | undefined;
  /** Download rate, Mbps. */
  readonly download?: number | null | undefined;
  /** Upload rate, Mbps. */
  readonly upload?: number | null | undefined;
  /** Round-trip time, ms. */
  readonly rtt?: number | null | undefined;
  /** ISO-8601 start time. */
  readonly startedAt?: string | null | undefined;
  /** ISO-8601 end time (not always sent). */
  readonly endedAt?: string | null | undefined;
  /** `true` on the gateway node's result. */
  readonly gateway?: boolean | null | undefined;
  /** The ISP name the test server saw. */
  readonly isp?: string | null | undefined;
  /** The test server's name. */
  readonly serverName?: string | null | undefined;
}

/**
 * An alert on a node. Only `type` is known; strings and nulls in the list are tolerated too.
 *
 * @example
 * ```ts
 * const alert: NodeAlertInput = { type: 'highInterference' };
 * ```
 */
export interface NodeAlertInput {
  readonly type?: string | null | undefined;
}

/**
 * A node (pod) as listed by `GET Customers/{c}/locations/{l}/nodes` (the `nodes` items).
 *
 * @example
 * ```ts
 * const node: NodeInput = {
 *   id: 'GW0001',
 *   nickname: 'Hall',
 *   defaultName: 'Living Room',
 *   connectionState: 'connected',
 *   health: { status: 'excellent', score: 5 },
 *   backhaulType: 'ethernet',
 *   alerts: [],
 *   connectedDeviceCount: 7,
 *   networkMode: 'router',
 * };
 * ```
 */
export interface NodeInput {
  readonly id?: string | null | undefined;
  /** The user's own name for the pod; preferred for display. */
  readonly nickname?: string | null | undefined;
  /** Plume's default name; used when there is no nickname. */
  readonly defaultName?: string | null | undefined;
  /** `"connected"` (any case) means online; anything else, or nothing, means disconnected. */
  readonly connectionState?: string | null | undefined;
  readonly health?:
    | {
        /** For example `excellent`, `good`, `fair`, `poor`. */
        readonly status?: string | null | undefined;
        readonly score?: number | null | undefined;
      }
    | null
    | undefined;
  /** `ethernet` or `wifi` (shown as Mesh). */
  readonly backhaulType?: string | null | undefined;
  readonly alerts?: readonly (NodeAlertInput | string | null)[] | null | undefined;
  /** Devices on this pod. */
  readonly connectedDeviceCount?: number | null | undefined;
  /** `router` on the gateway, `bridge` otherwise. */
  readonly networkMode?: string | null | undefined;
  readonly speedTest?: SpeedTestInput | null | undefined;
  /** The model; `vendor.partNumber` stands in when it is missing. */
  readonly model?: string | null | undefined;
  /** The maker and its part number (e.g. `PP403Z`). */
  readonly vendor?:
    { readonly name?: string | null | undefined; readonly partNumber?: string | null | undefined } | null | undefined;
  readonly firmwareVersion?: string | null | undefined;
  readonly mac?: string | null | undefined;
  /** LAN IP address. */
  readonly ip?: string | null | undefined;
  /** The serial number; `id` stands in when it is missing. */
  readonly serialNumber?: string | null | undefined;
}

/**
 * A location as returned by `GET Customers/{c}/locations/{l}`.
 *
 * @example
 * ```ts
 * const location: LocationInput = {
 *   id: '5f7b8c9d0e1f2a3b4c5d6e7f',
 *   name: 'Home',
 *   serviceLevel: { status: 'fullService' },
 *   networkStatus: { status: 'online', statusChangedAt: '2024-12-01T08:00:00.000Z' },
 * };
 * ```
 */
export interface LocationInput {
  readonly id?: string | null | undefined;
  readonly name?: string | null | undefined;
  /** `status` is `fullService` when the service level is full; a missing value is not a degradation. */
  readonly serviceLevel?: { readonly status?: string | null | undefined } | null | undefined;
  /** The location's own online state; when `status` is `online` or `offline` it decides online state. */
  readonly networkStatus?:
    | {
        readonly status?: string | null | undefined;
        readonly statusChangedAt?: string | null | undefined;
        readonly durationOfPreviousStatus?: number | null | undefined;
      }
    | null
    | undefined;
  /** Rarely present; the gateway node's `speedTest` is preferred. */
  readonly speedTest?: SpeedTestInput | null | undefined;
}

/**
 * The argument of `analyzeLocationHealth`.
 *
 * @example
 * ```ts
 * const input: LocationHealthInput = {
 *   location: { name: 'Home' },
 *   nodes: [{ id: 'A1', connectionState: 'connected' }],
 * };
 * analyzeLocationHealth(input).headline; // 'All systems operational: 1 pod online'
 * ```
 */
export interface LocationHealthInput {
  readonly location?: LocationInput | null | undefined;
  readonly nodes?: readonly (NodeInput | null)[] | null | undefined;
}
