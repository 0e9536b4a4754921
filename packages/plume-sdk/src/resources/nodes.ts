import type { CallOptions } from '../client-options';
import { defineGet } from '../http/endpoint';
import type { Transport } from '../http/transport';
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
   * const offline = (await client.nodes.list(c, l)).filter((node) => !node.connected);
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer or location; other {@link PlumeError}s as for any call.
   */
  list(customerId: string, locationId: string, options?: CallOptions): Promise<PlumeNode[]>;
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
const WIFI_NETWORKS = defineGet('api', 'Customers/{customerId}/locations/{locationId}/wifiNetworks', wifiNetworkListSchema);

export function createNodesApi(transport: Transport): NodesApi {
  return {
    list(customerId, locationId, options) {
      return transport.get(NODES, [customerId, locationId], options?.signal);
    },
  };
}

export function createWifiNetworksApi(transport: Transport): WifiNetworksApi {
  return {
    list(customerId, locationId, options) {
      return transport.get(WIFI_NETWORKS, [customerId, locationId], options?.signal);
    },
  };
}
