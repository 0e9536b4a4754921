import { z } from 'zod';
import { speedTestSchema, type SpeedTest } from './speed-test';
import { list, optional, optionalNumber, optionalString } from './wire';

/** An alert on a node. Only `type` is known (e.g. `highInterference`). */
export interface NodeAlert {
  /** The alert's kind, e.g. `highInterference`; `undefined` when Plume sends none. */
  readonly type?: string | undefined;
}

/**
 * A node (pod or gateway), an item of `GET Customers/{c}/locations/{l}/nodes`. Named `PlumeNode`
 * so as not to shadow the DOM's `Node`.
 */
export interface PlumeNode {
  /** Node id, usually the serial number. */
  readonly id: string;
  /** The serial number (usually the same as `id`). */
  readonly serialNumber?: string | undefined;
  /** Plume's default name. */
  readonly defaultName?: string | undefined;
  /** The user's own name for the pod, when set. */
  readonly nickname?: string | undefined;
  /** As sent, e.g. `connected` or `disconnected` (whether a pod counts as connected is `@org/plume-analytics`' call). */
  readonly connectionState?: string | undefined;
  /** ISO-8601 time `connectionState` last changed. */
  readonly connectionStateChangeAt?: string | undefined;
  /** Health, e.g. `{ status: 'good', score: 4 }`; absent when Plume sends `null`. */
  readonly health?: { readonly status?: string | undefined; readonly score?: number | undefined } | undefined;
  /** `ethernet` or `wifi` (a mesh link). */
  readonly backhaulType?: string | undefined;
  /** Alerts; `[]` when none or `null`. A bare string alert becomes `{ type }`. */
  readonly alerts: readonly NodeAlert[];
  /** Devices on this node. */
  readonly connectedDeviceCount?: number | undefined;
  /** The model as sent; the list often omits it (the vendor's `partNumber` names it then). */
  readonly model?: string | undefined;
  /** The firmware version. */
  readonly firmwareVersion?: string | undefined;
  /** The MAC address. */
  readonly mac?: string | undefined;
  /** LAN IP address. */
  readonly ip?: string | undefined;
  /** `router` on the gateway, `bridge` on pods. */
  readonly networkMode?: string | undefined;
  /** The maker and its part number (e.g. `{ name: 'Plume', partNumber: 'PP403Z' }`). */
  readonly vendor?: { readonly name?: string | undefined; readonly partNumber?: string | undefined } | undefined;
  /** The ISP speed test; on the gateway node, with `gateway: true`. */
  readonly speedTest?: SpeedTest | undefined;
}

/** One alert as Plume sends it: an object with `type`, a bare string, or `null` (dropped by the lists). */
export const alertSchema = z.union([
  z.string().transform((type): NodeAlert => ({ type })),
  z.object({ type: optionalString }),
  z.null(),
]);

const nodeSchema = z
  .object({
    id: z.string(),
    serialNumber: optionalString,
    defaultName: optionalString,
    nickname: optionalString,
    connectionState: optionalString,
    connectionStateChangeAt: optionalString,
    health: optional(z.object({ status: optionalString, score: optionalNumber })),
    backhaulType: optionalString,
    alerts: list(alertSchema).transform((alerts) => alerts.filter((alert): alert is NodeAlert => alert !== null)),
    connectedDeviceCount: optionalNumber,
    model: optionalString,
    firmwareVersion: optionalString,
    mac: optionalString,
    ip: optionalString,
    networkMode: optionalString,
    vendor: optional(z.object({ name: optionalString, partNumber: optionalString })),
    speedTest: optional(speedTestSchema),
  })
  .transform((node): PlumeNode => node);

/** `{ nodes: [...] }` → the array. Plume's explorer shows `{ nodes: { nodes: [...] } }`, and a bare array costs nothing to accept. */
function unwrapOnce(value: unknown): unknown {
  if (Array.isArray(value)) return { nodes: value };
  return value;
}

function unwrapInner(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'nodes' in value) return value.nodes;
  return value;
}

/** The nodes list body, wrapped once or twice (or not at all), normalised to an array. */
export const nodeListSchema: z.ZodType<PlumeNode[]> = z
  .preprocess(unwrapOnce, z.object({ nodes: z.preprocess(unwrapInner, list(nodeSchema)) }))
  .transform(({ nodes }) => nodes);
