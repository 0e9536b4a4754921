import type { NodeInput, PodDetail } from './location-health-types';
import { nodesOf, podDetailOf } from './pod-details';

/**
 * Normalises a location's node list into pods, by the same rules as `analyzeLocationHealth`'s
 * `pods`: name = `nickname`, else `defaultName`, else `id`, else "Unknown pod"; connected when
 * `connectionState` is `connected` (any case); backhaul `ethernet`, `mesh` (`wifi` on the wire) or
 * `unknown`; gateway when `networkMode` is `router` or its speed test says `gateway`; `model` falls
 * back to `vendor.partNumber` and `serialNumber` to `id`. Null nodes are skipped.
 *
 * @param nodes - the `nodes` items of `GET …/locations/{l}/nodes`; `null`/`undefined` is treated as empty
 * @returns the pods in input order; never throws
 *
 * @example
 * ```ts
 * const [hall] = analyzePods([{ id: 'A1', nickname: 'Hall', connectionState: 'Connected', backhaulType: 'WiFi' }]);
 * hall?.name; // 'Hall'
 * hall?.connected; // true
 * hall?.backhaul; // 'mesh'
 * ```
 */
export function analyzePods(nodes: readonly (NodeInput | null)[] | null | undefined): PodDetail[] {
  return nodesOf(nodes).map(podDetailOf);
}
