import type { Location } from './location';
import type { PlumeNode } from './node';
import type { SpeedTest } from './speed-test';

/**
 * The location's latest ISP speed test, wherever Plume put it: the gateway node's (the node whose
 * `speedTest.gateway` is true, else the `router` node's), falling back to the location's own.
 *
 * @example
 * ```ts
 * const [location, nodes] = await Promise.all([client.locations.get(c, l), client.nodes.list(c, l)]);
 * const test = findSpeedTest(nodes, location);
 * if (test?.status === 'succeeded') console.log(`${test.download} Mbps down`);
 * ```
 */
export function findSpeedTest(nodes: readonly PlumeNode[], location?: Location): SpeedTest | undefined {
  const gateway =
    nodes.find((node) => node.speedTest?.gateway === true) ??
    nodes.find((node) => node.speedTest !== undefined && node.networkMode?.toLowerCase() === 'router');
  return gateway?.speedTest ?? location?.speedTest;
}
