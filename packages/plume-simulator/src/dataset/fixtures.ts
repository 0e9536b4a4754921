import { CUSTOMERS, OTHER_PARTNER_ID, PARTNER_ID, type CustomerKey } from './customers';
import { LOCATIONS, type HealthCase, type LocationKey } from './locations';
import { buildNodes } from './nodes';

/** A built-in customer, as tests refer to it. */
export interface CustomerFixture {
  /** The customer id (24 hex characters). */
  readonly id: string;
  /** The partner's CRM id, e.g. `ACME-0001`. */
  readonly accountId: string;
  /** The customer's name (some hold Markdown and HTML specials and emoji). */
  readonly name: string;
  /** The customer's email address. */
  readonly email: string;
  /** Owning partner: the simulator's partner, except for `foreign`. */
  readonly partnerId: string;
  /** The keys of its locations, in the order `locations.list` returns them. */
  readonly locations: readonly LocationKey[];
}

/** A built-in location, as tests refer to it. */
export interface LocationFixture {
  /** The location id (24 hex characters). */
  readonly id: string;
  /** The owning customer's id. */
  readonly customerId: string;
  /** The location's name (some hold Markdown and HTML specials and emoji). */
  readonly name: string;
  /** Which health situation its nodes show. */
  readonly healthCase: HealthCase;
  /** The serial numbers of its pods, gateway first (what `Partners/nodes/{serial}` looks up). */
  readonly podSerials: readonly string[];
}

/** The built-in data set's ids, names and health cases (see the README for the full table). */
export interface Fixtures {
  /** The partner id of the built-in credentials. */
  readonly partnerId: string;
  /** The partner that owns the `foreign` customer (calls for it answer 403). */
  readonly otherPartnerId: string;
  /** The built-in customers by key (`ada`, `grace`, `snake`, `chain`, `newbie`, `foreign`). */
  readonly customers: Readonly<Record<CustomerKey, CustomerFixture>>;
  /** The built-in locations by key (`adaHome`, `snakeOffice`, `chainStore01`, …). */
  readonly locations: Readonly<Record<LocationKey, LocationFixture>>;
}

function buildFixtures(): Fixtures {
  const customers = {} as Record<CustomerKey, CustomerFixture>;
  for (const customer of CUSTOMERS) {
    customers[customer.key] = {
      id: customer.id,
      accountId: customer.accountId,
      name: customer.name,
      email: customer.email,
      partnerId: customer.partnerId,
      locations: LOCATIONS.filter((location) => location.customer === customer.key).map((location) => location.key),
    };
  }
  const locations = {} as Record<LocationKey, LocationFixture>;
  for (const [index, location] of LOCATIONS.entries()) {
    locations[location.key] = {
      id: location.id,
      customerId: customers[location.customer].id,
      name: location.name,
      healthCase: location.healthCase,
      podSerials: Object.freeze(buildNodes(location, 0, index).map((node) => String(node.serialNumber))),
    };
  }
  for (const entry of [...Object.values(customers), ...Object.values(locations)]) Object.freeze(entry);
  return Object.freeze({
    partnerId: PARTNER_ID,
    otherPartnerId: OTHER_PARTNER_ID,
    customers: Object.freeze(customers),
    locations: Object.freeze(locations),
  });
}

/**
 * The built-in data set, described for tests: customer and location ids, names, and which health
 * case each location shows. The data behind them is deterministic.
 *
 * @example
 * ```ts
 * import { fixtures } from '@org/plume-simulator';
 * const { customerId, id } = fixtures.locations.snakeOffice; // fair/poor pods with alerts
 * ```
 */
export const fixtures: Fixtures = /* @__PURE__ */ buildFixtures();
