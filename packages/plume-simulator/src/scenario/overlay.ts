import { active, lastChange, type LocationTimeline, type Window } from './timeline';

type Json = Record<string, unknown>;

const iso = (time: number): string => new Date(time).toISOString();
const QUARTER_HOUR = 15 * 60_000;

/** A pod as a scenario refers to it: by index in the node list, or by serial number. */
function matchesPod(ref: number | string, node: Json, index: number): boolean {
  return typeof ref === 'number' ? ref === index : String(node.serialNumber).toUpperCase() === ref.toUpperCase();
}

/** The location's timeline evaluated at any time: what the endpoints report, consistently. */
export class LocationState {
  readonly #timeline: LocationTimeline;
  readonly #baseOffline: boolean;

  constructor(timeline: LocationTimeline, baseOffline: boolean) {
    this.#timeline = timeline;
    this.#baseOffline = baseOffline;
  }

  /** Whether the location is offline at `t`. */
  offline(t: number): boolean {
    return this.#baseOffline || this.#timeline.offline.some((window) => active(window, t));
  }

  /** `networkStatus` at `t`: the base one until the timeline first changes the status. */
  networkStatus(base: Json, t: number): Json {
    const offline = (time: number): boolean => this.offline(time);
    const changed = lastChange(this.#timeline.offline, offline, t);
    if (changed === undefined) return base;
    const previous =
      lastChange(this.#timeline.offline, offline, changed - 1) ?? Date.parse(String(base.statusChangedAt));
    return {
      status: offline(t) ? 'offline' : 'online',
      statusChangedAt: iso(changed),
      durationOfPreviousStatus: Number.isFinite(previous) ? Math.round((changed - previous) / 1000) : null,
    };
  }

  /** The nodes at `t`: connection state, its change time, health and the gateway's speed test. */
  nodes(base: readonly Json[], t: number): Json[] {
    return base.map((node, index) => {
      const podWindows = this.#timeline.podDisconnected
        .filter(({ pod }) => matchesPod(pod, node, index))
        .map(({ window }) => window);
      const baseConnected = node.connectionState === 'connected';
      const connected = (time: number): boolean =>
        baseConnected && !this.offline(time) && !podWindows.some((window) => active(window, time));
      const changed = lastChange([...this.#timeline.offline, ...podWindows], connected, t);
      const health = this.#timeline.podHealth.find(
        ({ pod, window }) => matchesPod(pod, node, index) && active(window, t),
      );
      const isConnected = connected(t);
      const result: Json = {
        ...node,
        connectionState: isConnected ? 'connected' : 'disconnected',
        ...(changed !== undefined && { connectionStateChangeAt: iso(changed) }),
      };
      if (!isConnected) result.health = null;
      else if (health)
        result.health = { status: health.health, score: health.health === 'fair' ? 3 : null, details: null };
      if (node.speedTest) result.speedTest = this.speedTest(node.speedTest as Json, t);
      return result;
    });
  }

  /** A speed test at `t`: during a drop, a new test from the drop's start with the dropped speeds. */
  speedTest(base: Json, t: number): Json {
    const drop = this.#timeline.speedTestDrop.find(({ window }) => active(window, t));
    if (!drop) return base;
    const startedAt = lastChange([drop.window], (time) => active(drop.window, time), t) ?? t;
    return {
      ...base,
      startedAt: iso(startedAt),
      endedAt: iso(startedAt + 42_000),
      download: drop.download,
      upload: drop.upload ?? base.upload,
    };
  }

  /** `locationState` samples: offline wherever the timeline says so. */
  onlineStats(body: Json): Json {
    const samples = body.locationState as Json[];
    return {
      ...body,
      locationState: samples.map((sample) =>
        this.offline(Date.parse(String(sample.timestamp))) ? { ...sample, value: 'offline' } : sample,
      ),
    };
  }

  /** WAN intervals: no data while offline, peaks at the saturation speed while saturated. */
  wanStats(body: Json): Json {
    const intervals = body.fifteenMins as Json[];
    return {
      ...body,
      fifteenMins: intervals.map((interval) => {
        const start = Date.parse(String(interval.timestamp));
        const middle = start + QUARTER_HOUR / 2;
        if (this.offline(middle))
          return { ...interval, rxMbytes: null, txMbytes: null, rxMaxMbps: null, txMaxMbps: null };
        const saturation = this.#timeline.wanSaturation.find(({ window }) =>
          overlaps(window, start, start + QUARTER_HOUR),
        );
        if (!saturation) return interval;
        const mbps = saturation.mbps ?? 950;
        return { ...interval, rxMaxMbps: mbps, rxMbytes: Math.round(((mbps * 900) / 8) * 0.6 * 10) / 10 };
      }),
    };
  }
}

/** Whether `window` is in force at some point of [from, to), sampled each minute. */
function overlaps(window: Window, from: number, to: number): boolean {
  for (let t = from; t < to; t += 60_000) if (active(window, t)) return true;
  return false;
}
