import type {
  HealthIssue,
  HealthWarning,
  LocationHealthInput,
  LocationHealthLevel,
  LocationHealthReport,
  PodCounts,
  PodDetail,
} from './location-health-types';
import { headlineOf } from './headline';
import { latestSpeedTest, nodesOf, podDetailOf, text } from './pod-details';

const WARNING_HEALTH = new Set(['fair', 'poor']);

function findings(pods: readonly PodDetail[], serviceLevel: string | null, locationOffline: boolean) {
  const issues: HealthIssue[] = [];
  const warnings: HealthWarning[] = [];
  if (locationOffline) {
    issues.push({
      kind: 'locationOffline',
      pod: null,
      detail: 'offline',
      message: 'The location reports itself offline.',
    });
  }
  for (const pod of pods) {
    if (!pod.connected) {
      const detail = pod.connectionState ?? 'unknown';
      issues.push({ kind: 'podDisconnected', pod: pod.name, detail, message: `Pod '${pod.name}' is disconnected.` });
      continue;
    }
    if (pod.health !== null && WARNING_HEALTH.has(pod.health)) {
      warnings.push({
        kind: 'podHealth',
        pod: pod.name,
        detail: pod.health,
        message: `Pod '${pod.name}' has ${pod.health} health.`,
      });
    }
    for (const alert of pod.alerts) {
      warnings.push({
        kind: 'podAlert',
        pod: pod.name,
        detail: alert,
        message: `Pod '${pod.name}' has an active alert: ${alert}.`,
      });
    }
  }
  if (serviceLevel !== null && serviceLevel !== 'fullService') {
    warnings.push({
      kind: 'serviceLevel',
      pod: null,
      detail: serviceLevel,
      message: `The service level is ${serviceLevel}, not fullService.`,
    });
  }
  return { issues, warnings };
}

function levelOf(online: boolean | null, counts: PodCounts, warnings: number): LocationHealthLevel {
  if (online === false) return 'offline';
  if (counts.total === 0) return 'noData';
  if (counts.disconnected > 0) return 'partlyOffline';
  return warnings > 0 ? 'degraded' : 'allWell';
}

/**
 * Judges a location's health from its location object and node list.
 *
 * Rules, in order:
 * 1. Each node becomes a pod: name = `nickname`, else `defaultName`, else `id`, else "Unknown pod";
 *    connected when `connectionState` is `connected` (any case); backhaul `ethernet`, `mesh`
 *    (`wifi` on the wire) or `unknown`; alert types (an alert without a type is `unknown`). Nulls
 *    anywhere, string alerts and null nodes are tolerated (null nodes are skipped).
 * 2. Online: the location's `networkStatus.status` decides when it is `online` or `offline` (any
 *    case); otherwise the location is online when any pod is connected.
 * 3. Issues: the location reporting itself offline; each disconnected pod.
 * 4. Warnings (connected pods only): health `fair` or `poor`; each alert. A service level that is
 *    reported and not `fullService` is a warning too; a missing one is not.
 * 5. Level, first that holds: `offline`, `noData` (no pods), `partlyOffline` (a pod is
 *    disconnected), `degraded` (any warning), `allWell`. The headline counts pods, not messages,
 *    with correct plurals.
 * 6. `totalConnectedDevices` sums `connectedDeviceCount` over connected pods; `speedTest` is the
 *    gateway node's succeeded test (`networkMode` `router` or `speedTest.gateway`), else the
 *    location's, else `null`.
 *
 * @param input - `{ location, nodes }`; either may be missing or null
 * @returns the report; never throws
 *
 * @example
 * ```ts
 * const report = analyzeLocationHealth({
 *   location: { name: 'Home', serviceLevel: { status: 'fullService' } },
 *   nodes: [
 *     { id: 'A1', nickname: 'Hall', connectionState: 'connected', backhaulType: 'ethernet', connectedDeviceCount: 4 },
 *     { id: 'B2', defaultName: 'Office', connectionState: 'disconnected', backhaulType: 'wifi' },
 *   ],
 * });
 * report.level; // 'partlyOffline'
 * report.headline; // 'Online, but 1 of 2 pods is disconnected'
 * report.totalConnectedDevices; // 4
 * ```
 */
export function analyzeLocationHealth(input: LocationHealthInput | null | undefined): LocationHealthReport {
  const location = input?.location !== null && typeof input?.location === 'object' ? input.location : null;
  const nodes = nodesOf(input?.nodes);
  const pods = nodes.map(podDetailOf);

  const connected = pods.filter((pod) => pod.connected).length;
  const podCounts: PodCounts = { total: pods.length, connected, disconnected: pods.length - connected };
  const networkStatus = text(location?.networkStatus?.status)?.toLowerCase();
  const reported = networkStatus === 'online' ? true : networkStatus === 'offline' ? false : null;
  const online = reported ?? (pods.length > 0 ? connected > 0 : null);
  const onlineSource = reported !== null ? 'networkStatus' : pods.length > 0 ? 'pods' : 'none';

  const serviceLevel = text(location?.serviceLevel?.status);
  const { issues, warnings } = findings(pods, serviceLevel, reported === false);
  const level = levelOf(online, podCounts, warnings.length);
  return {
    level,
    headline: headlineOf({ level, online, podCounts, warnings, reportedOffline: reported === false }),
    online,
    onlineSource,
    location: { id: text(location?.id), name: text(location?.name) },
    issues,
    warnings,
    pods,
    podCounts,
    totalConnectedDevices: pods.reduce((sum, pod) => sum + (pod.connected ? pod.connectedDevices : 0), 0),
    speedTest: latestSpeedTest(nodes, pods, location),
  };
}
