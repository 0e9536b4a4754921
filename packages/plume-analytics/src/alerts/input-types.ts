/**
 * Inputs of the alert state machine: one observation of a location, as plain data shaped like the
 * Plume API's answers. Nothing here imports the SDK; any object of the right shape fits. A part
 * that is missing (`undefined` or `null`) was not fetched this time: the conditions that depend on
 * it keep their state and nothing is counted.
 *
 * @packageDocumentation
 */
import type { NodeInput } from '../location-health-input-types';
import type { PlanSpeed, WanSampleInput } from '../wan-input-types';

/**
 * An instant: ISO-8601 (a date-time without a zone is read as UTC) or epoch milliseconds.
 *
 * @example
 * ```ts
 * const a: AlertInstant = '2024-12-04T10:00:00Z';
 * const b: AlertInstant = Date.UTC(2024, 11, 4, 10);
 * ```
 */
export type AlertInstant = string | number;

/**
 * The location's own online state, as in a location object's `networkStatus`.
 *
 * @example
 * ```ts
 * const status: NetworkStatusInput = {
 *   status: 'online',
 *   statusChangedAt: '2024-12-04T09:58:00Z',
 *   durationOfPreviousStatus: 120,
 * };
 * ```
 */
export interface NetworkStatusInput {
  /** `online` or `offline` (any case) decide; another value is read as not reported. */
  readonly status?: string | null | undefined;
  /** When `status` last changed. A change while `status` looks the same reveals an outage between observations. */
  readonly statusChangedAt?: string | null | undefined;
  /** How long the previous status lasted, **seconds**; gives a hidden outage its length. */
  readonly durationOfPreviousStatus?: number | null | undefined;
}

/**
 * One of Plume's own active alerts for a location (`…/locations/{l}/alerts`, or the node list's
 * `alerts`: see `plumeAlertsFromNodes`), flattened: its type and, when it is about a pod, the pod's
 * id and name. A plain string is read as a type.
 *
 * @example
 * ```ts
 * const alert: PlumeAlertInput = { type: 'highInterference', nodeId: 'EX0002', podName: 'Office' };
 * ```
 */
export interface PlumeAlertInput {
  /** The alert type; an alert without one is `unknown`. */
  readonly type?: string | null | undefined;
  /** The pod (node id) the alert is about, if any. */
  readonly nodeId?: string | null | undefined;
  /** The pod's name, shown in the alert (the key uses `nodeId`). */
  readonly podName?: string | null | undefined;
}

/**
 * One observation of one location at one instant.
 *
 * - `failed: true`: Plume did not answer for this location this cycle (an error, a timeout). The
 *   last state is kept; after `unknownAfter` failed observations in a row the location is UNKNOWN.
 * - Any other part that is present was fetched and is judged; a missing part is not judged.
 *
 * @example
 * ```ts
 * const observation: LocationObservation = {
 *   locationId: 'tenant-1:5f7b8c9d0e1f2a3b4c5d6e7f',
 *   at: '2024-12-04T10:05:00Z',
 *   networkStatus: { status: 'online', statusChangedAt: '2024-12-01T08:00:00Z' },
 *   nodes: [{ id: 'GW0001', connectionState: 'connected', health: { status: 'good' } }],
 * };
 * ```
 */
export interface LocationObservation {
  /** The location's id; it prefixes every key, so a tenant may be put in front (`tenant:location`). */
  readonly locationId: string;
  /** When the observation was made. Time comes only from here: the machine never reads a clock. */
  readonly at: AlertInstant;
  /** `true` when nothing could be fetched for this location this time. */
  readonly failed?: boolean | null | undefined;
  /** The location's `networkStatus`. */
  readonly networkStatus?: NetworkStatusInput | null | undefined;
  /** The location's nodes (pods), as `…/nodes` lists them; the gateway's `speedTest` is read from here. */
  readonly nodes?: readonly (NodeInput | null)[] | null | undefined;
  /** Recent 15-minute `wanStats` items (at least the last hour), in any order. */
  readonly wanSamples?: readonly (WanSampleInput | null)[] | null | undefined;
  /** Plume's own active alerts; an empty list means none are active. */
  readonly plumeAlerts?: readonly (PlumeAlertInput | string | null)[] | null | undefined;
  /** This customer's plan speed; overrides `AlertOptions.planSpeed` for `wanSaturated`. */
  readonly planSpeed?: PlanSpeed | null | undefined;
}

/**
 * One polling cycle over many locations, for `evaluateFleet`.
 *
 * @example
 * ```ts
 * const batch: FleetBatch = {
 *   at: '2024-12-04T10:05:00Z',
 *   observations: [
 *     { locationId: 'L1', at: '2024-12-04T10:05:00Z', networkStatus: { status: 'online' } },
 *     { locationId: 'L2', at: '2024-12-04T10:05:01Z', failed: true },
 *   ],
 * };
 * ```
 */
export interface FleetBatch {
  /** When the cycle ended; the time of fleet-level decisions. */
  readonly at: AlertInstant;
  /** At most one observation per location; a location left out keeps its state. */
  readonly observations: readonly LocationObservation[];
}
