import type { CallOptions } from '../client-options';
import { PlumeArgumentError } from '../errors';
import { defineGet } from '../http/endpoint';
import type { Transport } from '../http/transport';
import {
  customerSchema,
  customerSearchSchema,
  type Customer,
  type CustomerSearchField,
  type CustomerSearchResult,
} from '../models/customer';
import { locationStatusListSchema, type LocationStatus } from '../models/fleet';

const SEARCH_FIELDS: readonly CustomerSearchField[] = ['accountId', 'email', 'name', 'locationId'];
const SEARCH = defineGet('api', 'Partners/customers/search/{value}', customerSearchSchema);
const GET = defineGet('api', 'Customers/{customerId}', customerSchema);
const LOCATIONS = defineGet('api', 'Customers/{customerId}/locations', locationStatusListSchema);

/** Options of {@link CustomersApi.search}. */
export interface CustomerSearchOptions extends CallOptions {
  /** What `value` is matched against. */
  readonly field: CustomerSearchField;
  /** Match the whole value (case as Plume decides). @default true */
  readonly exactMatch?: boolean;
  /** With `exactMatch: false`, match the start of the field (else anywhere). @default true */
  readonly startsWith?: boolean;
}

/** `client.customers`: find and read customers. */
export interface CustomersApi {
  /**
   * Searches the partner's customers (`GET Partners/customers/search/{value}?field=…`).
   *
   * @example
   * ```ts
   * const [hit] = await client.customers.search('ada@example.com', { field: 'email' });
   * ```
   * @throws {PlumeArgumentError} for an empty value or an unknown field; other {@link PlumeError}s as for any call.
   */
  search(value: string, options: CustomerSearchOptions): Promise<CustomerSearchResult[]>;
  /**
   * Reads one customer (`GET Customers/{customerId}`).
   *
   * @example
   * ```ts
   * const customer = await client.customers.get('5f0c0a000000000000000001');
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer; other {@link PlumeError}s as for any call.
   */
  get(customerId: string, options?: CallOptions): Promise<Customer>;
  /**
   * The online state of every location of a customer in one call (`GET Customers/{customerId}/locations`):
   * each location's `networkStatus` (`status`, `statusChangedAt`, `durationOfPreviousStatus`), the
   * cheapest way to watch a customer. A `statusChangedAt` that moved while `status` looks the same
   * reveals an outage between two polls.
   *
   * @example
   * ```ts
   * for (const { id, networkStatus } of await client.customers.locations(customerId, { priority: 'background' })) {
   *   console.log(id, networkStatus?.status, networkStatus?.statusChangedAt);
   * }
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer; other {@link PlumeError}s as for any call.
   */
  locations(customerId: string, options?: CallOptions): Promise<LocationStatus[]>;
}

export function createCustomersApi(transport: Transport): CustomersApi {
  return {
    search(value, options) {
      const field = options?.field;
      if (!SEARCH_FIELDS.includes(field)) {
        const { label } = SEARCH;
        return Promise.reject(
          new PlumeArgumentError(`options.field must be one of ${SEARCH_FIELDS.join(', ')} (${label}).`, label),
        );
      }
      return transport.get(SEARCH, [value], options, {
        field,
        exactMatch: options.exactMatch,
        startsWith: options.startsWith,
      });
    },
    get(customerId, options) {
      return transport.get(GET, [customerId], options);
    },
    locations(customerId, options) {
      return transport.get(LOCATIONS, [customerId], options);
    },
  };
}
