import { CUSTOMERS, customerBody, type CustomerSpec } from './customers';
import { alertsBody, groupCustomerBody, nodeLookupBody } from './fleet-bodies';
import { locationBody, wifiNetworksBody } from './location-body';
import { LOCATIONS, type LocationSpec } from './locations';
import { buildNodes, nodesBody } from './nodes';
import { onlineStatsBody, wanStatsBody } from './series';

type Json = Record<string, unknown>;

/** A location found under its customer, with its position in the data set (used as a seed). */
export interface LocatedLocation {
  readonly customer: CustomerSpec;
  readonly location: LocationSpec;
  readonly index: number;
}

/**
 * The built-in data set with its series anchored at `end`. Bodies are built on first use and
 * kept, so repeated calls are cheap and identical.
 */
export class Dataset {
  readonly #end: number;
  readonly #customersById = new Map(CUSTOMERS.map((customer) => [customer.id, customer]));
  readonly #bodies = new Map<string, unknown>();

  constructor(end: number) {
    this.#end = end;
  }

  customer(id: string): CustomerSpec | undefined {
    return this.#customersById.get(id);
  }

  /** The customers of one partner. */
  customersOf(partnerId: string): CustomerSpec[] {
    return CUSTOMERS.filter((customer) => customer.partnerId === partnerId);
  }

  locationsOf(customer: CustomerSpec): LocatedLocation[] {
    return LOCATIONS.flatMap((location, index) => (location.customer === customer.key ? [{ customer, location, index }] : []));
  }

  location(customer: CustomerSpec, locationId: string): LocatedLocation | undefined {
    return this.locationsOf(customer).find((entry) => entry.location.id === locationId);
  }

  customerBody(customer: CustomerSpec): Json {
    return this.#memo(`customer:${customer.id}`, () => customerBody(customer));
  }

  locationBody({ customer, location, index }: LocatedLocation): Json {
    return this.#memo(`location:${location.id}`, () => locationBody(location, customer, this.#end, index));
  }

  nodesBody({ location, index }: LocatedLocation): Json {
    return this.#memo(`nodes:${location.id}`, () => nodesBody(location, this.#nodes(location, index)));
  }

  wifiNetworksBody({ location }: LocatedLocation): Json[] {
    return this.#memo(`wifi:${location.id}`, () => wifiNetworksBody(location));
  }

  wanStatsBody({ location }: LocatedLocation): Json {
    return this.#memo(`wan:${location.id}`, () => wanStatsBody(location, this.#end));
  }

  onlineStatsBody({ location }: LocatedLocation, granularity: 'hours' | 'days', limit: number): Json {
    const key = `online:${location.id}:${granularity}:${limit}`;
    return this.#memo(key, () => onlineStatsBody(location, this.#end, granularity, limit));
  }

  /** The `…/alerts` body: the nodes with active alerts. */
  alertsBody(located: LocatedLocation): Json {
    return this.#memo(`alerts:${located.location.id}`, () => alertsBody(this.#nodes(located.location, located.index)));
  }

  /** One page of `Groups/{partnerId}/customers`, in data-set order. */
  groupCustomersBody(partnerId: string, offset: number, limit: number): Json[] {
    return this.customersOf(partnerId)
      .slice(offset, offset + limit)
      .map((customer) => groupCustomerBody(customer, this.locationsOf(customer).map(({ location }) => location.id)));
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
