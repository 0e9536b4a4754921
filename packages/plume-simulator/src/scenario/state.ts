import { LocationState } from './overlay';
import { parseScenario, type ParsedScenario, type ScenarioInput } from './schema';
import { compileTimeline, originOf, active, type PlumeFailure } from './timeline';

/** What the scenario state needs to know about a location of the data set. */
export interface ScenarioLocation {
  readonly id: string;
  /** Whether its base data shows it offline (offline events cannot make it more so). */
  readonly baseOffline: boolean;
  readonly podSerials: readonly string[];
}

/**
 * Scenarios at run time: `sim.scenarios`. A loaded scenario replaces the timelines of the
 * locations it names (the built-in one included) and Plume's global failures; `clear()` goes back
 * to the built-in data set.
 */
export interface SimulatorScenarios {
  /**
   * Loads a scenario (an object or its JSON text); its `at` offsets count from its `start`, else
   * from the clock's time now.
   *
   * @throws TypeError listing each problem with its path (an unknown location or pod, a bad duration…).
   * @example
   * ```ts
   * sim.scenarios.load({ locations: { adaHome: [{ kind: 'offline', at: '1m', for: '10m' }] } });
   * ```
   */
  load(scenario: ScenarioInput | string): void;
  /** Removes every loaded timeline; the built-in data set (and its short outages) stays. */
  clear(): void;
}

/** The scenario state of one simulator. */
export class ScenarioState implements SimulatorScenarios {
  readonly #now: () => number;
  readonly #find: (ref: string) => ScenarioLocation | undefined;
  readonly #builtIn = new Map<string, LocationState>();
  readonly #builtInFailures: Map<string, readonly PlumeFailure[]> = new Map();
  #loaded = new Map<string, LocationState>();
  #loadedFailures = new Map<string, readonly PlumeFailure[]>();
  #plume: readonly PlumeFailure[] = [];

  constructor(now: () => number, find: (ref: string) => ScenarioLocation | undefined, builtIn: ScenarioInput) {
    this.#now = now;
    this.#find = find;
    this.#compile(parseScenario(builtIn), this.#builtIn, this.#builtInFailures);
  }

  load(scenario: ScenarioInput | string): void {
    const parsed = parseScenario(scenario);
    const states = new Map<string, LocationState>();
    const failures = new Map<string, readonly PlumeFailure[]>();
    const origin = this.#compile(parsed, states, failures);
    this.#loaded = states;
    this.#loadedFailures = failures;
    this.#plume = compileTimeline(parsed.plume ?? [], origin).plumeFailing;
  }

  clear(): void {
    this.#loaded = new Map();
    this.#loadedFailures = new Map();
    this.#plume = [];
  }

  /** The state of a location with a timeline, or `undefined` for plain data. */
  location(id: string): LocationState | undefined {
    return this.#loaded.get(id) ?? this.#builtIn.get(id);
  }

  /** The Plume failure in force at `t` for a call (about `locationId`, when it names one). */
  failure(locationId: string | undefined, t: number): PlumeFailure | undefined {
    const own =
      locationId === undefined
        ? []
        : (this.#loadedFailures.get(locationId) ?? this.#builtInFailures.get(locationId) ?? []);
    return [...this.#plume, ...own].find(({ window }) => active(window, t));
  }

  #compile(
    parsed: ParsedScenario,
    states: Map<string, LocationState>,
    failures: Map<string, readonly PlumeFailure[]>,
  ): number {
    const origin = originOf(parsed, this.#now());
    const problems: string[] = [];
    for (const [ref, events] of Object.entries(parsed.locations ?? {})) {
      const location = this.#find(ref);
      if (!location) {
        problems.push(`locations.${ref}: unknown location; use a location key such as adaHome or a location id`);
        continue;
      }
      events.forEach((event, index) => {
        if (event.kind !== 'podDisconnected' && event.kind !== 'podHealth') return;
        const { pod } = event;
        const known =
          typeof pod === 'number' ? pod < location.podSerials.length : location.podSerials.includes(pod.toUpperCase());
        if (!known)
          problems.push(
            `locations.${ref}[${index}].pod: this location has ${location.podSerials.length} pods (${location.podSerials.join(', ') || 'none'})`,
          );
      });
      const timeline = compileTimeline(events, origin);
      states.set(location.id, new LocationState(timeline, location.baseOffline));
      failures.set(location.id, timeline.plumeFailing);
    }
    if (problems.length > 0)
      throw new TypeError(
        `[plume-simulator] invalid scenario:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
      );
    return origin;
  }
}
