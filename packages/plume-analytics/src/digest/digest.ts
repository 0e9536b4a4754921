import { AnalyticsError } from '../errors';
import { parseTimestamp, toIso } from '../time';
import type {
  DailyDigest,
  DigestAvailability,
  DigestIncidentInput,
  DigestInput,
  DigestLocationInput,
  DigestLocationRef,
  DigestOpenIncident,
  DigestOutage,
} from './types';

/** The condition whose incidents are outages of the location itself: they count against availability. */
const OUTAGE_CONDITION = 'locationOffline';
/** The condition whose incidents are outages of one pod: listed with the pod, not counted in availability. */
const POD_OUTAGE_CONDITION = 'podDisconnected';

interface Span {
  readonly start: number;
  readonly end: number;
}

function instant(value: unknown, what: string): number {
  const ms = parseTimestamp(value);
  if (ms === null) {
    throw new AnalyticsError(
      'INVALID_VALUE',
      `analyzeDigest: ${what} must be ISO-8601 or epoch ms, got ${String(value)}.`,
    );
  }
  return ms;
}

function refOf(location: DigestLocationInput | undefined, locationId: string): DigestLocationRef {
  return {
    locationId,
    name: location?.name ?? null,
    customerName: location?.customerName ?? null,
  };
}

/** Total length of `spans` with overlaps counted once. */
function unionMs(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let cursor = -Infinity;
  for (const { start, end } of sorted) {
    const from = Math.max(start, cursor);
    if (end > from) total += end - from;
    cursor = Math.max(cursor, end);
  }
  return total;
}

/** When `location` began to count: the later of `from` and its `watchedSince`. */
function watchedFromOf(location: DigestLocationInput, from: number): number {
  return location.watchedSince === undefined || location.watchedSince === null
    ? from
    : Math.max(from, instant(location.watchedSince, `watchedSince of ${location.locationId}`));
}

function isFlapping(location: DigestLocationInput): boolean {
  return Object.values(location.state?.keys ?? {}).some((key) => key.flappingSince !== undefined);
}

/**
 * The daily digest of watched locations over a period (usually the 24 hours before it is sent):
 * incidents still open at its end, locations that flap or that Plume has not answered for, the
 * outages within it with their durations, and each location's availability.
 *
 * Rules: an outage is a `locationOffline` incident (the location) or a `podDisconnected` one (that
 * pod, named when the incident carries `podName`), clipped to the part of the period the location
 * was watched (from `watchedSince`): nothing from before a person watched it is theirs to hear
 * about. Availability is `100 × (1 − offline / watched)` over that same part, rounded to two
 * decimals, from the location's own outages, overlapping ones counted once (a pod's outage is
 * listed, not counted); time without data is never counted as down
 * (the state machine keeps it out of incidents), and a location flaps when any of its keys does.
 * Incidents of locations not listed are ignored. Inputs are not modified.
 *
 * @param input - the period, the watched locations and their incidents
 * @returns the digest, each list sorted for display
 * @throws {@link AnalyticsError} `INVALID_VALUE` when a time does not parse; `INVALID_OPTION` when
 *   `to` is not after `from`.
 *
 * @example
 * ```ts
 * const digest = analyzeDigest({
 *   from: '2024-12-03T08:00:00Z',
 *   to: '2024-12-04T08:00:00Z',
 *   locations: [{ locationId: 'L1', name: 'Home' }],
 *   incidents: [{ locationId: 'L1', condition: 'locationOffline', since: '2024-12-04T01:00:00Z', resolvedAt: '2024-12-04T01:36:00Z' }],
 * });
 * digest.outages[0]?.durationMs; // 2_160_000
 * digest.availability[0]?.availabilityPercent; // 97.5
 * ```
 */
export function analyzeDigest(input: DigestInput): DailyDigest {
  const from = instant(input.from, 'from');
  const to = instant(input.to, 'to');
  if (to <= from) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      `analyzeDigest: to must be after from, got ${toIso(from)} to ${toIso(to)}.`,
    );
  }
  const byId = new Map(input.locations.map((location) => [location.locationId, location]));
  const openIncidents: DigestOpenIncident[] = [];
  const outages: (DigestOutage & { startMs: number })[] = [];
  const downSpans = new Map<string, Span[]>();

  input.incidents.forEach((incident: DigestIncidentInput, index) => {
    const location = byId.get(incident.locationId);
    if (location === undefined) return;
    const since = instant(incident.since, `incidents[${index}].since`);
    const resolved =
      incident.resolvedAt === undefined || incident.resolvedAt === null
        ? null
        : instant(incident.resolvedAt, `incidents[${index}].resolvedAt`);
    const ref = refOf(location, incident.locationId);
    const pod = incident.pod ?? null;
    const podName = incident.podName?.trim() || null;
    if (resolved === null && since <= to) {
      openIncidents.push({
        ...ref,
        condition: incident.condition,
        pod,
        podName,
        since: toIso(since),
        openForMs: to - since,
      });
    }
    const whole = incident.condition === OUTAGE_CONDITION;
    if (!whole && incident.condition !== POD_OUTAGE_CONDITION) return;
    const start = Math.max(since, watchedFromOf(location, from));
    const end = resolved === null || resolved > to ? to : resolved;
    if (end <= start) return;
    const ongoing = resolved === null || resolved > to;
    outages.push({
      ...ref,
      pod: whole ? null : pod,
      podName: whole ? null : podName,
      start: toIso(start),
      end: ongoing ? null : toIso(end),
      durationMs: end - start,
      ongoing,
      startMs: start,
    });
    if (whole) downSpans.set(incident.locationId, [...(downSpans.get(incident.locationId) ?? []), { start, end }]);
  });

  const availability: DigestAvailability[] = input.locations.map((location) => {
    const watchedMs = Math.max(0, to - watchedFromOf(location, from));
    const downtimeMs = unionMs(downSpans.get(location.locationId) ?? []);
    return {
      ...refOf(location, location.locationId),
      watchedMs,
      downtimeMs,
      availabilityPercent: watchedMs === 0 ? null : Math.round((1 - downtimeMs / watchedMs) * 1e4) / 100,
      flapping: isFlapping(location),
      unknown: location.state?.noData?.unknown === true,
    };
  });

  return {
    from: toIso(from),
    to: toIso(to),
    openIncidents: openIncidents.sort((a, b) => a.since.localeCompare(b.since)),
    flapping: availability.filter((row) => row.flapping).map((row) => refOf(byId.get(row.locationId), row.locationId)),
    unknown: availability.filter((row) => row.unknown).map((row) => refOf(byId.get(row.locationId), row.locationId)),
    outages: outages.sort((a, b) => a.startMs - b.startMs).map(({ startMs: _startMs, ...outage }) => outage),
    availability,
  };
}
