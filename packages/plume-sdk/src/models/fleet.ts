import { z } from 'zod';
import { alertSchema, type NodeAlert } from './node';
import { list, optional, optionalId, optionalString } from './wire';

/**
 * What one call tells about a location's state (`customers.locations`): its ids and Plume's
 * `networkStatus`. The SDK reports what Plume says; deciding what counts as an outage is
 * `@org/plume-analytics`'.
 */
export interface LocationStatus {
  /** Location id. */
  readonly id: string;
  /** Display name. */
  readonly name?: string | undefined;
  /** The owning customer's id. */
  readonly customerId?: string | undefined;
  /**
   * Plume's online state, or `undefined` when the location carries none.
   * - `status`: lower-cased and trimmed (`online`, `offline`; other values are undocumented and kept as sent, lower-cased).
   * - `statusChangedAt`: ISO-8601; Plume may send an ISO string or epoch milliseconds, both become ISO; an unreadable time is dropped.
   * - `durationOfPreviousStatus`: seconds the previous status lasted; a numeric string is read as a number.
   */
  readonly networkStatus?:
    | {
        readonly status?: string | undefined;
        readonly statusChangedAt?: string | undefined;
        readonly durationOfPreviousStatus?: number | undefined;
      }
    | undefined;
}

/** Plume's active alerts of a location (`locations.alerts`), by node and by device. */
export interface LocationAlerts {
  /** Nodes with at least one active alert; `nodeId` is the node's id (usually its serial). */
  readonly nodes: readonly { readonly nodeId: string; readonly alerts: readonly NodeAlert[] }[];
  /** Devices with active alerts, by MAC address (or id when Plume sends no MAC). */
  readonly devices: readonly { readonly mac: string; readonly alerts: readonly NodeAlert[] }[];
}

/** A customer as the partner-wide list (`partners.customers`) gives it. */
export interface PartnerCustomer {
  /** Customer id. */
  readonly id: string;
  /** The partner's CRM id. */
  readonly accountId?: string | undefined;
  /** Display name. */
  readonly name?: string | undefined;
  /** Email address. */
  readonly email?: string | undefined;
  /** The ids of its locations, when the list includes them (`[]` otherwise). */
  readonly locationIds: readonly string[];
}

/** Where a claimed pod is (`nodes.bySerial`). */
export interface NodeLocation {
  /** The pod's serial number, as Plume returned it (else as asked). */
  readonly serial: string;
  /** The customer it is claimed by. */
  readonly customerId: string;
  /** The location it belongs to. */
  readonly locationId: string;
  /** The model, when Plume says. */
  readonly model?: string | undefined;
}

const isoTime = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return undefined;
    const time = typeof value === 'number' ? value : Date.parse(value);
    return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
  });

const seconds = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined || value === '') return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  });

export const locationStatusListSchema: z.ZodType<LocationStatus[]> = z.array(
  z
    .object({
      id: z.string(),
      name: optionalString,
      customerId: optionalString,
      networkStatus: optional(
        z.object({
          status: optionalString.transform((status) => status?.trim().toLowerCase() || undefined),
          statusChangedAt: isoTime,
          durationOfPreviousStatus: seconds,
        }),
      ),
    })
    .transform((location): LocationStatus => {
      const { networkStatus, name, customerId } = location;
      return {
        id: location.id,
        ...(name !== undefined && { name }),
        ...(customerId !== undefined && { customerId }),
        ...(networkStatus !== undefined && { networkStatus: withoutUndefined(networkStatus) }),
      };
    }),
);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

const alerts = list(alertSchema).transform((items) => items.filter((alert): alert is NodeAlert => alert !== null));

/** `{ nodes, devices }`; `null` or a missing list becomes `[]`; nodes keyed `id` or `nodeId`, devices `mac` or `id`. */
export const locationAlertsSchema: z.ZodType<LocationAlerts> = z
  .object({
    nodes: list(z.object({ id: optionalString, nodeId: optionalString, alerts })),
    devices: list(z.object({ mac: optionalString, id: optionalString, alerts })),
  })
  .nullish()
  .transform((body): LocationAlerts => ({
    nodes: (body?.nodes ?? []).flatMap((node) => {
      const nodeId = node.id ?? node.nodeId;
      return nodeId === undefined ? [] : [{ nodeId, alerts: node.alerts }];
    }),
    devices: (body?.devices ?? []).flatMap((device) => {
      const mac = device.mac ?? device.id;
      return mac === undefined ? [] : [{ mac, alerts: device.alerts }];
    }),
  }));

export const partnerCustomerPageSchema: z.ZodType<PartnerCustomer[]> = z.array(
  z
    .object({
      id: z.string(),
      accountId: optionalId,
      name: optionalString,
      email: optionalString,
      locations: list(z.object({ id: z.string() })),
    })
    .transform(({ locations, ...customer }): PartnerCustomer => ({
      ...withoutUndefined(customer),
      locationIds: locations.map(({ id }) => id),
    })),
);

/** The lookup body; `customerId`/`locationId` are optional here because an unclaimed pod lacks them. */
export const nodeLookupSchema = z.object({
  id: optionalString,
  serialNumber: optionalString,
  customerId: optionalString,
  locationId: optionalString,
  model: optionalString,
});

/** The parsed lookup body, before the claimed check. */
export type NodeLookupBody = z.infer<typeof nodeLookupSchema>;
