import type { NodeInput } from '../location-health-input-types';
import { nodesOf, podDetailOf } from '../pod-details';
import type { PlumeAlertInput } from './input-types';

/**
 * Plume's active alerts as the node list carries them (each node's `alerts`), flattened for
 * `LocationObservation.plumeAlerts`: one `{ type, nodeId, podName }` per alert, the pod named as
 * `analyzePods` names it. A node list is fetched anyway to judge the pods, so this costs no call;
 * device alerts (only in `…/locations/{l}/alerts`) are not among them.
 *
 * @param nodes - the location's nodes, as `…/nodes` lists them; `null` entries and non-objects are skipped
 * @returns the alerts, in node order; `[]` when no node has any (none active)
 * @throws never: malformed alerts read as type `unknown`
 *
 * @example
 * ```ts
 * plumeAlertsFromNodes([{ id: 'EX0002', defaultName: 'Office', alerts: [{ type: 'highInterference' }] }]);
 * // [{ type: 'highInterference', nodeId: 'EX0002', podName: 'Office' }]
 * ```
 */
export function plumeAlertsFromNodes(nodes: readonly (NodeInput | null)[] | null | undefined): PlumeAlertInput[] {
  const alerts: PlumeAlertInput[] = [];
  for (const node of nodesOf(nodes)) {
    const pod = podDetailOf(node);
    for (const type of pod.alerts) alerts.push({ type, nodeId: pod.id, podName: pod.name });
  }
  return alerts;
}
