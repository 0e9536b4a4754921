/**
 * Inputs and result of the daily digest (`analyzeDigest`): plain data, shaped like what a caller
 * of the alert state machine stores (incidents with their start and end, each location's state).
 *
 * @packageDocumentation
 */
import type { AlertInstant } from '../alerts/input-types';
import type { LocationAlertState } from '../alerts/types';

/**
 * A watched location, with the names to show (passed through as given) and its stored alert state.
 *
 * @example
 * ```ts
 * const location: DigestLocationInput = { locationId: 'L1', name: 'Home', customerName: 'Ann', watchedSince: '2024-12-01T00:00:00Z' };
 * ```
 */
export interface DigestLocationInput {
  readonly locationId: string;
  readonly name?: string | null | undefined;
  readonly customerName?: string | null | undefined;
  /** When watching began: availability counts from here (or the digest's start, whichever is later). */
  readonly watchedSince?: AlertInstant | null | undefined;
  /** What `evaluateLocation` last returned as `state`: tells whether the location flaps or is unknown. */
  readonly state?: LocationAlertState | null | undefined;
}

/**
 * One incident as the caller stored it: its condition, when it began and, once resolved, when it ended.
 *
 * @example
 * ```ts
 * const incident: DigestIncidentInput = { locationId: 'L1', condition: 'locationOffline', since: '2024-12-04T10:00:00Z', resolvedAt: '2024-12-04T10:30:00Z' };
 * ```
 */
export interface DigestIncidentInput {
  readonly locationId: string;
  /** An `AlertCondition` (`locationOffline` counts as an outage). */
  readonly condition: string;
  /** The pod's node id, for pod conditions. */
  readonly pod?: string | null | undefined;
  /** The pod's name as Plume gave it (the decision's `details.podName`), when known. */
  readonly podName?: string | null | undefined;
  /** When it began (the decision's `since`). */
  readonly since: AlertInstant;
  /** When it was resolved; missing or `null` while still open. */
  readonly resolvedAt?: AlertInstant | null | undefined;
}

/**
 * What the digest covers: the period (`from` to `to`, usually the 24 hours before it is sent), the
 * watched locations and every incident that may touch the period.
 *
 * @example
 * ```ts
 * const input: DigestInput = { from: '2024-12-03T08:00:00Z', to: '2024-12-04T08:00:00Z', locations: [], incidents: [] };
 * ```
 */
export interface DigestInput {
  readonly from: AlertInstant;
  readonly to: AlertInstant;
  readonly locations: readonly DigestLocationInput[];
  readonly incidents: readonly DigestIncidentInput[];
}

/**
 * A location as the digest names it.
 *
 * @example
 * ```ts
 * const ref: DigestLocationRef = { locationId: 'L1', name: 'Home', customerName: 'Ann' };
 * ```
 */
export interface DigestLocationRef {
  readonly locationId: string;
  readonly name: string | null;
  readonly customerName: string | null;
}

/**
 * An incident still open at the digest's end.
 *
 * @example
 * ```ts
 * const open: DigestOpenIncident = { locationId: 'L1', name: 'Home', customerName: 'Ann', condition: 'podDisconnected', pod: 'EX1', podName: 'Office', since: '2024-12-04T07:00:00.000Z', openForMs: 3_600_000 };
 * ```
 */
export interface DigestOpenIncident extends DigestLocationRef {
  readonly condition: string;
  readonly pod: string | null;
  /** The pod's name, when the incident says it. */
  readonly podName: string | null;
  /** ISO-8601 UTC. */
  readonly since: string;
  /** From `since` to the digest's end, ms. */
  readonly openForMs: number;
}

/**
 * A time the location (`pod` null) or one of its pods was offline within the period, while it was
 * watched (an outage that began before starts at `from` or at `watchedSince`, whichever is later).
 *
 * @example
 * ```ts
 * const outage: DigestOutage = { locationId: 'L1', name: 'Home', customerName: 'Ann', pod: null, podName: null, start: '2024-12-04T01:00:00.000Z', end: '2024-12-04T01:20:00.000Z', durationMs: 1_200_000, ongoing: false };
 * ```
 */
export interface DigestOutage extends DigestLocationRef {
  /** The disconnected pod's node id, or `null` when the whole location was offline. */
  readonly pod: string | null;
  /** The pod's name, when the incident says it. */
  readonly podName: string | null;
  /** ISO-8601 UTC, at the earliest the period's start. */
  readonly start: string;
  /** ISO-8601 UTC; `null` while ongoing at the period's end. */
  readonly end: string | null;
  /** Its length within the period, ms. */
  readonly durationMs: number;
  readonly ongoing: boolean;
}

/**
 * One watched location over the period (only the time it was watched counts).
 *
 * @example
 * ```ts
 * const row: DigestAvailability = { locationId: 'L1', name: 'Home', customerName: 'Ann', watchedMs: 86_400_000, downtimeMs: 1_200_000, availabilityPercent: 98.61, flapping: false, unknown: false };
 * ```
 */
export interface DigestAvailability extends DigestLocationRef {
  /** How long the location was watched within the period, ms. */
  readonly watchedMs: number;
  /** How long it was offline within that time (overlapping outages counted once), ms. */
  readonly downtimeMs: number;
  /** `100 × (1 − downtime / watched)`; `null` when it was not watched in the period. */
  readonly availabilityPercent: number | null;
  readonly flapping: boolean;
  readonly unknown: boolean;
}

/**
 * What `analyzeDigest` returns: everything a daily digest says, sorted for display.
 *
 * @example
 * ```ts
 * const digest: DailyDigest = analyzeDigest({ from: 0, to: 86_400_000, locations: [], incidents: [] });
 * digest.openIncidents; // []
 * ```
 */
export interface DailyDigest {
  /** ISO-8601 UTC. */
  readonly from: string;
  /** ISO-8601 UTC. */
  readonly to: string;
  /** Open at `to`, oldest first. */
  readonly openIncidents: readonly DigestOpenIncident[];
  /** Locations whose alerts flap now. */
  readonly flapping: readonly DigestLocationRef[];
  /** Locations Plume has not answered for (no data is not counted as down). */
  readonly unknown: readonly DigestLocationRef[];
  /** Offline spells of locations and pods within the watched part of the period, in the order they began. */
  readonly outages: readonly DigestOutage[];
  /** One row per watched location, in the order given. */
  readonly availability: readonly DigestAvailability[];
}
