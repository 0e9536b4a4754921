import type { ParsedScenario, ScenarioEvent } from './schema';

/** When an event is in force: from `start`, for `durationMs`, repeated every `everyMs` until `until`. */
export interface Window {
  readonly start: number;
  readonly durationMs: number;
  readonly everyMs: number | undefined;
  readonly until: number;
}

/** Whether `window` is in force at `t`. */
export function active(window: Window, t: number): boolean {
  if (t < window.start || t >= window.until) return false;
  if (window.everyMs === undefined) return t < window.start + window.durationMs;
  const begin = window.start + Math.floor((t - window.start) / window.everyMs) * window.everyMs;
  return t < begin + window.durationMs;
}

/** The window's latest starts and ends at or before `t` (the places where a state may have changed). */
function boundaries(window: Window, t: number): number[] {
  if (t < window.start) return [];
  const periods =
    window.everyMs === undefined
      ? [window.start]
      : [0, 1].map(
          (back) =>
            window.start +
            (Math.floor((t - window.start) / (window.everyMs as number)) - back) * (window.everyMs as number),
        );
  const times = periods
    .filter((begin) => begin >= window.start && begin < window.until)
    .flatMap((begin) => [begin, Math.min(begin + window.durationMs, window.until)]);
  return times.filter((time) => time <= t && Number.isFinite(time));
}

/**
 * The latest time at or before `t` where `state` changed, given the windows that drive it, or
 * `undefined` when it has not changed since the scenario began.
 */
export function lastChange(windows: readonly Window[], state: (t: number) => boolean, t: number): number | undefined {
  const candidates = [...new Set(windows.flatMap((window) => boundaries(window, t)))].sort((a, b) => b - a);
  return candidates.find((time) => state(time) !== state(time - 1));
}

/** The compiled timeline of one location: its windows by kind. */
export interface LocationTimeline {
  readonly offline: readonly Window[];
  /** Per pod reference (index or serial, as written): disconnected windows. */
  readonly podDisconnected: ReadonlyArray<{ readonly pod: number | string; readonly window: Window }>;
  readonly podHealth: ReadonlyArray<{
    readonly pod: number | string;
    readonly health: 'fair' | 'poor';
    readonly window: Window;
  }>;
  readonly wanSaturation: ReadonlyArray<{ readonly mbps: number | undefined; readonly window: Window }>;
  readonly speedTestDrop: ReadonlyArray<{
    readonly download: number;
    readonly upload: number | undefined;
    readonly window: Window;
  }>;
  readonly plumeFailing: readonly PlumeFailure[];
}

/** Plume failing for a while: 5xx answers, or requests held until the client gives up. */
export interface PlumeFailure {
  readonly status: number | 'timeout';
  readonly holdMs: number;
  readonly window: Window;
}

function windowOf(event: ScenarioEvent, origin: number): Window {
  const start = 'offsetMs' in event.at ? origin + event.at.offsetMs : event.at.time;
  if (event.kind === 'flapping') {
    // Down for `every`, up for `every`, from `at` for `for`.
    return {
      start,
      durationMs: event.every,
      everyMs: 2 * event.every,
      until: event.for === undefined ? Infinity : start + event.for,
    };
  }
  return event.every === undefined
    ? { start, durationMs: event.for ?? Infinity, everyMs: undefined, until: Infinity }
    : { start, durationMs: event.for ?? Infinity, everyMs: event.every, until: Infinity };
}

/** Compiles a location's events, with `at` offsets counted from `origin` (epoch ms). */
export function compileTimeline(events: readonly ScenarioEvent[], origin: number): LocationTimeline {
  const timeline = {
    offline: [],
    podDisconnected: [],
    podHealth: [],
    wanSaturation: [],
    speedTestDrop: [],
    plumeFailing: [],
  } as {
    -readonly [K in keyof LocationTimeline]: Array<LocationTimeline[K][number]>;
  };
  for (const event of events) {
    const window = windowOf(event, origin);
    switch (event.kind) {
      case 'offline':
      case 'flapping':
        timeline.offline.push(window);
        break;
      case 'podDisconnected':
        timeline.podDisconnected.push({ pod: event.pod, window });
        break;
      case 'podHealth':
        timeline.podHealth.push({ pod: event.pod, health: event.health, window });
        break;
      case 'wanSaturation':
        timeline.wanSaturation.push({ mbps: event.mbps, window });
        break;
      case 'speedTestDrop':
        timeline.speedTestDrop.push({ download: event.download, upload: event.upload, window });
        break;
      case 'plumeFailing':
        timeline.plumeFailing.push({ status: event.status ?? 503, holdMs: event.holdMs ?? 60_000, window });
        break;
    }
  }
  return timeline;
}

/** The origin of a parsed scenario's offsets: its `start`, else `now`. */
export function originOf(scenario: ParsedScenario, now: number): number {
  return scenario.start ?? now;
}
