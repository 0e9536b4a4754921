import type { CallOptions } from '../client-options';
import { defineGet } from '../http/endpoint';
import type { Transport } from '../http/transport';
import { PlumeArgumentError, PlumeNotFoundError } from '../errors';
import { nodeLookupSchema, type NodeLocation } from '../models/fleet';
import { nodeListSchema, type PlumeNode } from '../models/node';
import { wifiNetworkListSchema, type WifiNetwork } from '../models/wifi-network';

/** `client.nodes`: a location's pods and gateway. */
export interface NodesApi {
  /**
   * Lists a location's nodes (`GET Customers/{customerId}/locations/{locationId}/nodes`), whether
   * Plume wraps the list once or twice.
   *
   * @example
   * ```ts
   * const gateway = (await client.nodes.list(c, l)).find((node) => node.networkMode === 'router');
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer or location; other {@link PlumeError}s as for any call.
   */
  list(customerId: string, locationId: string, options?: CallOptions): Promise<PlumeNode[]>;
  /**
   * Finds the customer and location of a claimed pod from its serial number (`GET Partners/nodes/{serial}`),
   * for when a support agent has only the serial on the box. Surrounding spaces are ignored.
   *
   * @example
   * ```ts
   * const { customerId, locationId } = await client.nodes.bySerial('NP0102A5C0FFEE');
   * ```
   * @throws {PlumeArgumentError} for an empty serial; {@link PlumeNotFoundError} when no pod has it or it
   *   is not claimed by a location; other {@link PlumeError}s as for any call.
   */
  bySerial(serial: string, options?: CallOptions): Promise<NodeLocation>;
}

/** `client.wifiNetworks`: a location's Wi-Fi networks, without their passwords. */
export interface WifiNetworksApi {
  /**
   * Lists a location's Wi-Fi networks (`GET Customers/{customerId}/locations/{locationId}/wifiNetworks`).
   * `encryptionKey` (the password) is dropped while parsing and never returned.
   *
   * @example
   * ```ts
   * for (const { ssid, enabled } of await client.wifiNetworks.list(c, l)) console.log(ssid, enabled);
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer or location; other {@link PlumeError}s as for any call.
   */
  list(customerId: string, locationId: string, options?: CallOptions): Promise<WifiNetwork[]>;
}

const NODES = defineGet('api', 'Customers/{customerId}/locations/{locationId}/nodes', nodeListSchema);
const BY_SERIAL = defineGet('api', 'Partners/nodes/{serial}', nodeLookupSchema);
const WIFI_NETWORKS = defineGet(
  'api',
  'Customers/{customerId}/locations/{locationId}/wifiNetworks',
  wifiNetworkListSchema,
);

export function createNodesApi(transport: Transport): NodesApi {
  return {
    list(customerId, locationId, options) {
      return transport.get(NODES, [customerId, locationId], options);
    },
    async bySerial(serial, options) {
      const wanted = typeof serial === 'string' ? serial.trim() : '';
      if (wanted === '')
        throw new PlumeArgumentError(`serial must be a pod's serial number (${BY_SERIAL.label}).`, BY_SERIAL.label);
      const found = await transport.get(BY_SERIAL, [wanted], options);
      if (found.customerId === undefined || found.locationId === undefined) {
        throw new PlumeNotFoundError(`${BY_SERIAL.label}: pod ${wanted} exists but is not claimed by a location.`, {
          endpoint: BY_SERIAL.label,
          status: 200,
        });
      }
      return {
        serial: found.serialNumber ?? found.id ?? wanted,
        customerId: found.customerId,
        locationId: found.locationId,
        ...(found.model !== undefined && { model: found.model }),
      };
    },
  };
}

export function createWifiNetworksApi(transport: Transport): WifiNetworksApi {
  return {
    list(customerId, locationId, options) {
      return transport.get(WIFI_NETWORKS, [customerId, locationId], options);
    },
  };
}
