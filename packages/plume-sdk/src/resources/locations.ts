import type { CallOptions } from '../client-options';
import { defineGet } from '../http/endpoint';
import type { Transport } from '../http/transport';
import { locationListSchema, locationSchema, type Location } from '../models/location';

/** `client.locations`: a customer's locations. */
export interface LocationsApi {
  /**
   * Lists every location of a customer (`GET Customers/{customerId}/locations`), in one array
   * (a customer can have many).
   *
   * @example
   * ```ts
   * for (const { id, name } of await client.locations.list(customerId)) console.log(id, name);
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer; other {@link PlumeError}s as for any call.
   */
  list(customerId: string, options?: CallOptions): Promise<Location[]>;
  /**
   * Reads one location (`GET Customers/{customerId}/locations/{locationId}`).
   *
   * @example
   * ```ts
   * const { name, serviceLevel } = await client.locations.get(customerId, locationId);
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer or location; other {@link PlumeError}s as for any call.
   */
  get(customerId: string, locationId: string, options?: CallOptions): Promise<Location>;
}

const LIST = defineGet('api', 'Customers/{customerId}/locations', locationListSchema);
const GET = defineGet('api', 'Customers/{customerId}/locations/{locationId}', locationSchema);

export function createLocationsApi(transport: Transport): LocationsApi {
  return {
    list(customerId, options) {
      return transport.get(LIST, [customerId], options?.signal);
    },
    get(customerId, locationId, options) {
      return transport.get(GET, [customerId, locationId], options?.signal);
    },
  };
}
