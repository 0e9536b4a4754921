import type { CallOptions } from '../client-options';
import { defineGet } from '../http/endpoint';
import type { Transport } from '../http/transport';
import { locationAlertsSchema, type LocationAlerts } from '../models/fleet';
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
  /**
   * Plume's own active alerts of a location (`GET Customers/{customerId}/locations/{locationId}/alerts`),
   * by node and by device. Alerts come as objects with `type`, bare strings (become `{ type }`) or
   * objects without `type` (kept as `{}`); `null` lists become `[]`.
   *
   * @example
   * ```ts
   * const { nodes } = await client.locations.alerts(customerId, locationId);
   * for (const { nodeId, alerts } of nodes) console.log(nodeId, alerts.map((alert) => alert.type));
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer or location; other {@link PlumeError}s as for any call.
   */
  alerts(customerId: string, locationId: string, options?: CallOptions): Promise<LocationAlerts>;
}

const LIST = defineGet('api', 'Customers/{customerId}/locations', locationListSchema);
const GET = defineGet('api', 'Customers/{customerId}/locations/{locationId}', locationSchema);
const ALERTS = defineGet('api', 'Customers/{customerId}/locations/{locationId}/alerts', locationAlertsSchema);

export function createLocationsApi(transport: Transport): LocationsApi {
  return {
    list(customerId, options) {
      return transport.get(LIST, [customerId], options);
    },
    get(customerId, locationId, options) {
      return transport.get(GET, [customerId, locationId], options);
    },
    alerts(customerId, locationId, options) {
      return transport.get(ALERTS, [customerId, locationId], options);
    },
  };
}
