import type { CustomerSpec } from './customers';

type Json = Record<string, unknown>;

/**
 * The `GET …/locations/{l}/alerts` body: Plume's "active alerts for this location, an array of
 * nodes and an array of devices". Each node with at least one alert is listed with its `id` and
 * its `alerts` as the nodes list carries them (objects with `type`, bare strings, or objects
 * without `type`); the simulator has no device alerts, so `devices` is always `[]`.
 */
export function alertsBody(nodes: readonly Json[]): Json {
  const withAlerts = nodes.filter((node) => Array.isArray(node.alerts) && node.alerts.length > 0);
  return {
    nodes: withAlerts.map((node) => ({ id: node.id, serialNumber: node.serialNumber, alerts: node.alerts })),
    devices: [],
  };
}

/** An item of `GET Groups/{partnerId}/customers`: the customer with its location ids. */
export function groupCustomerBody(customer: CustomerSpec, locationIds: readonly string[]): Json {
  return {
    id: customer.id,
    accountId: customer.accountId,
    name: customer.name,
    email: customer.email,
    partnerId: customer.partnerId,
    createdAt: customer.createdAt,
    locations: locationIds.map((id) => ({ id })),
  };
}

/** The `GET Partners/nodes/{serial}` body of a claimed node: where it is. */
export function nodeLookupBody(node: Json, customer: CustomerSpec, locationId: string): Json {
  return {
    id: node.id,
    serialNumber: node.serialNumber,
    model: node.model ?? null,
    partnerId: customer.partnerId,
    customerId: customer.id,
    locationId,
    claimed: true,
  };
}
