import { CUSTOMERS, customerBody, type CustomerSpec } from './customers';
import { alertsBody, groupCustomerBody, nodeLookupBody } from './fleet-bodies';
import { locationBody, wifiNetworksBody } from './location-body';
import { LOCATIONS, type LocationSpec } from './locations';
import { buildNodes, nodesBody } from './nodes';
import { onlineStatsBody, wanStatsBody } from './series';
import type { LocationState } from '../scenario/overlay';
import type { ScenarioLocation } from '../scenario/state';

/** Where the data set finds a location's scenario state, and the clock's time. */
export interface DatasetTimelines {
  location(id: string): LocationState | undefined;
  now(): number;
}

type Json = Record<string, unknown>;

/** A location found under its customer, with its position in the data set (used as a seed). */
export interface LocatedLocation {
  readonly customer: CustomerSpec;
  readonly location: LocationSpec;
  readonly index: number;
}

/**
 * The built-in data set with its series anchored at `end`. Bodies are built on first use and
 * kept, so repeated calls are cheap and identical. A location with a scenario timeline is
 * reported as the timeline gives it at the clock's time, consistently across endpoints: its series
 * end at that time too.
 */
export class Dataset {
  readonly #end: number;
  readonly #customersById = new Map(CUSTOMERS.map((customer) => [customer.id, customer]));
  readonly #bodies = new Map<string, unknown>();
  #timelines: DatasetTimelines | undefined;

  constructor(end: number) {
    this.#end = end;
  }

  /** Connects the scenario timelines (once, at start). */
  useTimelines(timelines: DatasetTimelines): void {
    this.#timelines = timelines;
  }

  /** A location of the data set by key or id, as scenarios name them. */
  scenarioLocation(ref: string): ScenarioLocation | undefined {
    const index = LOCATIONS.findIndex((location) => location.key === ref || location.id === ref);
    const location = LOCATIONS[index];
    if (!location) return undefined;
    return {
      id: location.id,
      baseOffline: location.healthCase === 'allOffline' || location.healthCase === 'noNodes',
      podSerials: this.#nodes(location, index).map((node) => String(node.serialNumber)),
    };
  }

  #state(location: LocationSpec): { state: LocationState; now: number } | undefined {
    const state = this.#timelines?.location(location.id);
    return state && this.#timelines ? { state, now: this.#timelines.now() } : undefined;
  }

  customer(id: string): CustomerSpec | undefined {
    return this.#customersById.get(id);
  }

  /** The customers of one partner. */
  customersOf(partnerId: string): CustomerSpec[] {
    return CUSTOMERS.filter((customer) => customer.partnerId === partnerId);
  }

  locationsOf(customer: CustomerSpec): LocatedLocation[] {
    return LOCATIONS.flatMap((location, index) =>
      location.customer === customer.key ? [{ customer, location, index }] : [],
    );
  }

  location(customer: CustomerSpec, locationId: string): LocatedLocation | undefined {
    return this.locationsOf(customer).find((entry) => entry.location.id === locationId);
  }

  customerBody(customer: CustomerSpec): Json {
    return this.#memo(`customer:${customer.id}`, () => customerBody(customer));
  }

  locationBody({ customer, location, index }: LocatedLocation): Json {
    const base = this.#memo(`location:${location.id}`, () => locationBody(location, customer, this.#end, index));
    const timed = this.#state(location);
    if (!timed) return base;
    const body: Json = { ...base, networkStatus: timed.state.networkStatus(base.networkStatus as Json, timed.now) };
    if (base.speedTest) body.speedTest = timed.state.speedTest(base.speedTest as Json, timed.now);
    return body;
  }

  nodesBody({ location, index }: LocatedLocation): Json {
    const timed = this.#state(location);
    if (timed) return nodesBody(location, timed.state.nodes(this.#nodes(location, index), timed.now));
    return this.#memo(`nodes:${location.id}`, () => nodesBody(location, this.#nodes(location, index)));
  }

  wifiNetworksBody({ location }: LocatedLocation): Json[] {
    return this.#memo(`wifi:${location.id}`, () => wifiNetworksBody(location));
  }

  wanStatsBody({ location }: LocatedLocation): Json {
    const timed = this.#state(location);
    if (timed) return timed.state.wanStats(wanStatsBody(location, timed.now));
    return this.#memo(`wan:${location.id}`, () => wanStatsBody(location, this.#end));
  }

  onlineStatsBody({ location }: LocatedLocation, granularity: 'hours' | 'days', limit: number): Json {
    const timed = this.#state(location);
    if (timed) return timed.state.onlineStats(onlineStatsBody(location, timed.now, granularity, limit));
    const key = `online:${location.id}:${granularity}:${limit}`;
    return this.#memo(key, () => onlineStatsBody(location, this.#end, granularity, limit));
  }

  /** The `…/alerts` body: the nodes with active alerts. */
  alertsBody(located: LocatedLocation): Json {
    const { location, index } = located;
    const timed = this.#state(location);
    if (timed) return alertsBody(timed.state.nodes(this.#nodes(location, index), timed.now));
    return this.#memo(`alerts:${location.id}`, () => alertsBody(this.#nodes(location, index)));
  }

  /** One page of `Groups/{partnerId}/customers`, in data-set order. */
  groupCustomersBody(partnerId: string, offset: number, limit: number): Json[] {
    return this.customersOf(partnerId)
      .slice(offset, offset + limit)
      .map((customer) =>
        groupCustomerBody(
          customer,
          this.locationsOf(customer).map(({ location }) => location.id),
        ),
      );
  }

  /** Where the node with this serial number (case-insensitive) is, or `undefined` when no location has it. */
  nodeLookup(serial: string): { readonly customer: CustomerSpec; readonly body: Json } | undefined {
    const wanted = serial.toUpperCase();
    for (const [index, location] of LOCATIONS.entries()) {
      const customer = CUSTOMERS.find((candidate) => candidate.key === location.customer) as CustomerSpec;
      const node = this.#nodes(location, index).find((candidate) => candidate.serialNumber === wanted);
      if (node) return { customer, body: nodeLookupBody(node, customer, location.id) };
    }
    return undefined;
  }

  #nodes(location: LocationSpec, index: number): Json[] {
    return this.#memo(`nodeList:${location.id}`, () => buildNodes(location, this.#end, index));
  }

  #memo<T>(key: string, build: () => T): T {
    if (!this.#bodies.has(key)) this.#bodies.set(key, build());
    return this.#bodies.get(key) as T;
  }
}
