/**
 * A generated fleet for the benchmarks: customers `b0b0…` with `perCustomer` locations `f1ee7…`
 * each, two pods per location, every location online since `onlineSince` unless `offlineSince`
 * says otherwise. The simulator's data set has a handful of customers; monitoring at scale needs
 * hundreds.
 */

const hex = (n: number, width = 24) => n.toString(16).padStart(width, '0');

/** The id of generated customer `c`. */
export const customerId = (c: number) => `b0b0${hex(c, 20)}`;
/** The id of generated location `l`. */
export const locationId = (l: number) => `f1ee7${hex(l, 19)}`;

const PATH = /\/Customers\/(b0b0[0-9a-f]{20})\/locations(?:\/(f1ee7[0-9a-f]{19})\/nodes)?$/;

/** The generated fleet's shape and state. */
export interface Fleet {
  readonly perCustomer: number;
  /** Epoch ms since which every location is online, unless it is in `offlineSince`. */
  readonly onlineSince: number;
  /** Locations offline, by number, since when (epoch ms). */
  readonly offlineSince: Map<number, number>;
}

function status(fleet: Fleet, l: number) {
  const since = fleet.offlineSince.get(l);
  return {
    id: locationId(l),
    name: `Bench ${l}`,
    customerId: customerId(Math.floor(l / fleet.perCustomer)),
    networkStatus:
      since === undefined
        ? { status: 'online', statusChangedAt: new Date(fleet.onlineSince).toISOString() }
        : { status: 'offline', statusChangedAt: new Date(since).toISOString() },
  };
}

function nodes(fleet: Fleet, l: number) {
  const connected = !fleet.offlineSince.has(l);
  return {
    nodes: [0, 1].map((pod) => ({
      id: `BENCH${hex(l * 2 + pod, 8)}`,
      nickname: pod === 0 ? 'Gateway' : 'Pod',
      connectionState: connected ? 'connected' : 'disconnected',
      health: connected ? { status: 'excellent', score: 5 } : null,
    })),
  };
}

/**
 * Plume's answer for `path` when it is one of the fleet's (`customers.locations` or a location's
 * nodes), else undefined.
 */
export function fleetAnswer(fleet: Fleet, path: string): unknown {
  const match = PATH.exec(path);
  if (match === null) return undefined;
  if (match[2] !== undefined) return nodes(fleet, Number.parseInt(match[2].slice(5), 16));
  const c = Number.parseInt((match[1] as string).slice(4), 16);
  return Array.from({ length: fleet.perCustomer }, (_, i) => status(fleet, c * fleet.perCustomer + i));
}
