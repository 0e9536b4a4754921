// Internal: the location, pod and Plume-alert conditions of one observation. Every rule about the
// data itself (online or not, a pod connected or not, health fair or poor, which speed test counts)
// is analyzeLocationHealth's; this file only maps its findings to alert keys.
import { analyzeLocationHealth } from '../location-health';
import type { LocationHealthReport, NodeInput, SpeedTestSummary } from '../location-health-types';
import type { LocationObservation, NetworkStatusInput, PlumeAlertInput } from './input-types';
import { keyOf, reading, type Reading } from './readings';
import type { AlertKeyState } from './types';

type StoredKeys = Readonly<Record<string, AlertKeyState>>;

/** What the location and node parts of an observation say. */
export interface LocationFindings {
  /** `locationOffline`: bad when the location is offline and no pod is connected; hold when unknown or contradictory. */
  readonly offline: Reading;
  /** The location's own `networkStatus` verdict, or `null` when it gave none. */
  readonly reportedOnline: boolean | null;
  /** One `podDisconnected` and one `healthDegraded` reading per pod; `null` when no node list came. */
  readonly pods: readonly Reading[] | null;
  /** The gateway's latest successful speed test, when nodes came. */
  readonly speedTest: SpeedTestSummary | null;
}

function statusOf(networkStatus: NetworkStatusInput | null | undefined): string | null {
  const status = networkStatus?.status;
  return typeof status === 'string' ? status.trim().toLowerCase() : null;
}

/**
 * Which pods have a `podHealth` warning, by index. A warning names its pod, so one analysis of the
 * whole location serves every pod whose name is unique; a pod sharing its name with another is
 * analysed alone, so a warning is never pinned on the wrong pod.
 */
function degradedPods(report: LocationHealthReport, nodes: readonly NodeInput[]): boolean[] {
  if (!report.warnings.some((warning) => warning.kind === 'podHealth')) return report.pods.map(() => false);
  const names = new Map<string, number>();
  for (const pod of report.pods) names.set(pod.name, (names.get(pod.name) ?? 0) + 1);
  const warned = new Set<string>();
  for (const warning of report.warnings)
    if (warning.kind === 'podHealth' && warning.pod !== null) warned.add(warning.pod);
  return report.pods.map((pod, i) => {
    if (names.get(pod.name) === 1) return warned.has(pod.name);
    return analyzeLocationHealth({ nodes: [nodes[i]!] }).warnings.some((warning) => warning.kind === 'podHealth');
  });
}

/** Whether a pod condition (`podDisconnected`, `healthDegraded`) of the location has a stored key. */
function hasPodKeys(stored: StoredKeys): boolean {
  for (const key in stored) {
    const condition = stored[key]!.condition;
    if (condition === 'podDisconnected' || condition === 'healthDegraded') return true;
  }
  return false;
}

/**
 * The pods' readings. A reading that is not bad for a key with nothing stored would change nothing,
 * so it is not made (most pods of most locations are fine, and this keeps a poll cheap).
 */
function podReadings(
  locationId: string,
  report: LocationHealthReport,
  nodes: readonly NodeInput[],
  stored: StoredKeys,
): Reading[] {
  const readings: Reading[] = [];
  const degraded = degradedPods(report, nodes);
  const anyStored = hasPodKeys(stored);
  report.pods.forEach((pod, i) => {
    if (!anyStored && pod.connected && !degraded[i]) return;
    const id = pod.id ?? pod.name;
    const disconnectedKey = keyOf(locationId, 'podDisconnected', id);
    if (!pod.connected || disconnectedKey in stored) {
      const details = { podName: pod.name, connectionState: pod.connectionState ?? null };
      readings.push(reading(disconnectedKey, 'podDisconnected', id, pod.connected ? 'good' : 'bad', details));
    }
    // A disconnected pod reports no health worth judging: its health alert waits.
    const healthKey = keyOf(locationId, 'healthDegraded', id);
    const health = !pod.connected ? 'hold' : degraded[i] ? 'bad' : 'good';
    if (health === 'bad' || healthKey in stored) {
      readings.push(reading(healthKey, 'healthDegraded', id, health, { podName: pod.name, health: pod.health }));
    }
  });
  return readings;
}

/**
 * Judges the location and its pods. Offline needs the location's own status **and** the node list
 * (when one came) to agree: a location that says offline while a pod is connected is not judged.
 */
export function locationFindings(observation: LocationObservation, stored: StoredKeys): LocationFindings {
  const { locationId, networkStatus, nodes } = observation;
  const nodeList = Array.isArray(nodes) ? nodes : null;
  const status = statusOf(networkStatus);
  const objects =
    nodeList === null ? null : nodeList.filter((node): node is NodeInput => node !== null && typeof node === 'object');
  const report = analyzeLocationHealth({
    location: networkStatus ? { networkStatus: { status } } : null,
    nodes: objects,
  });
  const reportedOnline = report.onlineSource === 'networkStatus' ? report.online : null;
  const contradicted = report.online === false && report.podCounts.connected > 0;
  const verdict = report.online === null || contradicted ? 'hold' : report.online ? 'good' : 'bad';
  const offline = reading(keyOf(locationId, 'locationOffline'), 'locationOffline', null, verdict, {
    status,
    connectedPods: nodeList === null ? null : report.podCounts.connected,
  });
  return {
    offline,
    reportedOnline,
    pods: objects === null ? null : podReadings(locationId, report, objects, stored),
    speedTest: nodeList === null ? null : report.speedTest,
  };
}

function trimmed(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** One bad `plumeAlert` reading per distinct (type, pod) among Plume's active alerts; `null` when none were fetched. */
export function plumeAlertReadings(observation: LocationObservation): Reading[] | null {
  const { locationId, plumeAlerts } = observation;
  if (!Array.isArray(plumeAlerts)) return null;
  const byKey = new Map<string, Reading>();
  for (const alert of plumeAlerts as readonly (PlumeAlertInput | string | null)[]) {
    if (alert === null || alert === undefined) continue;
    const type = (typeof alert === 'object' ? trimmed(alert.type) : trimmed(alert)) ?? 'unknown';
    const pod = typeof alert === 'object' ? trimmed(alert.nodeId) : null;
    const podName = typeof alert === 'object' ? trimmed(alert.podName) : null;
    const key = pod === null ? keyOf(locationId, 'plumeAlert', type) : keyOf(locationId, 'plumeAlert', type, pod);
    byKey.set(key, reading(key, 'plumeAlert', pod, 'bad', podName === null ? { type } : { type, podName }));
  }
  return [...byKey.values()];
}
