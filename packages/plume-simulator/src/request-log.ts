import type { RecordedRequest, RequestLog, RouteName } from './types';

const KEEP = 10_000;

/** The in-memory request log: the latest {@link KEEP} requests and all-time counts per route. */
export class MemoryRequestLog implements RequestLog {
  #entries: RecordedRequest[] = [];
  #counts = new Map<RouteName | undefined, number>();
  #total = 0;
  #inFlight = new Map<RouteName | undefined, number>();
  #inFlightTotal = 0;

  /** A request arrived; {@link record} ends it. */
  begin(route: RouteName | undefined): void {
    this.#inFlight.set(route, (this.#inFlight.get(route) ?? 0) + 1);
    this.#inFlightTotal += 1;
  }

  /** A request that {@link begin} started was answered, or abandoned (the simulator closed). */
  end(route: RouteName | undefined): void {
    this.#inFlight.set(route, (this.#inFlight.get(route) ?? 1) - 1);
    this.#inFlightTotal -= 1;
  }

  inFlight(route?: RouteName): number {
    return route === undefined ? this.#inFlightTotal : (this.#inFlight.get(route) ?? 0);
  }

  record(entry: RecordedRequest): void {
    this.#entries.push(entry);
    if (this.#entries.length > KEEP * 1.5) this.#entries = this.#entries.slice(-KEEP);
    this.#counts.set(entry.route, (this.#counts.get(entry.route) ?? 0) + 1);
    this.#total += 1;
  }

  requests(route?: RouteName): RecordedRequest[] {
    const recent = this.#entries.slice(-KEEP);
    return route === undefined ? recent : recent.filter((entry) => entry.route === route);
  }

  count(route?: RouteName): number {
    return route === undefined ? this.#total : (this.#counts.get(route) ?? 0);
  }

  clear(): void {
    this.#entries = [];
    this.#counts.clear();
    this.#total = 0;
  }
}
