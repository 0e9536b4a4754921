// Internal: normalises node objects into pod details and picks the speed test.
import type {
  Backhaul,
  LocationInput,
  NodeInput,
  PodDetail,
  SpeedTestInput,
  SpeedTestSummary,
} from './location-health-types';

/** A trimmed, non-empty string, else `null`. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A finite number, else `null`. */
function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function backhaulOf(value: unknown): Backhaul {
  const lower = text(value)?.toLowerCase();
  if (lower === 'ethernet') return 'ethernet';
  if (lower === 'wifi' || lower === 'mesh') return 'mesh';
  return 'unknown';
}

function alertsOf(alerts: NodeInput['alerts']): string[] {
  if (!Array.isArray(alerts)) return [];
  const types: string[] = [];
  for (const alert of alerts as readonly unknown[]) {
    if (alert === null || alert === undefined) continue;
    const type = typeof alert === 'object' ? (alert as { type?: unknown }).type : alert;
    types.push(text(type) ?? 'unknown');
  }
  return types;
}

/** The node objects of a list, nulls and non-objects skipped. */
export function nodesOf(nodes: unknown): NodeInput[] {
  const list: readonly unknown[] = Array.isArray(nodes) ? (nodes as readonly unknown[]) : [];
  return list.filter((node): node is NodeInput => node !== null && typeof node === 'object');
}

/** Normalises one node; never throws, whatever the fields hold. */
export function podDetailOf(node: NodeInput): PodDetail {
  const health = node.health !== null && typeof node.health === 'object' ? node.health : null;
  const devices = finite(node.connectedDeviceCount);
  const connectionState = text(node.connectionState)?.toLowerCase() ?? null;
  return {
    id: text(node.id),
    name: text(node.nickname) ?? text(node.defaultName) ?? text(node.id) ?? 'Unknown pod',
    connected: connectionState === 'connected',
    connectionState,
    health: text(health?.status)?.toLowerCase() ?? null,
    healthScore: finite(health?.score),
    backhaul: backhaulOf(node.backhaulType),
    alerts: alertsOf(node.alerts),
    connectedDevices: devices !== null && devices >= 0 ? devices : 0,
    gateway:
      text(node.networkMode)?.toLowerCase() === 'router' ||
      (isObject(node.speedTest) && node.speedTest.gateway === true),
    networkMode: text(node.networkMode)?.toLowerCase() ?? null,
    model: text(node.model) ?? text(isObject(node.vendor) ? node.vendor.partNumber : null),
    firmwareVersion: text(node.firmwareVersion),
    mac: text(node.mac),
    ip: text(node.ip),
    serialNumber: text(node.serialNumber) ?? text(node.id),
  };
}

function isObject<T>(value: T | null | undefined): value is T {
  return value !== null && typeof value === 'object';
}

function succeeded(test: SpeedTestInput | null | undefined): test is SpeedTestInput {
  return isObject(test) && text(test.status)?.toLowerCase() === 'succeeded';
}

function summaryOf(test: SpeedTestInput, source: SpeedTestSummary['source']): SpeedTestSummary {
  return {
    source,
    downloadMbps: finite(test.download),
    uploadMbps: finite(test.upload),
    latencyMs: finite(test.rtt),
    startedAt: text(test.startedAt),
    endedAt: text(test.endedAt),
    isp: text(test.isp),
    serverName: text(test.serverName),
  };
}

/** The first gateway node's succeeded speed test, else the location's, else `null`. */
export function latestSpeedTest(
  nodes: readonly NodeInput[],
  pods: readonly PodDetail[],
  location: LocationInput | null,
): SpeedTestSummary | null {
  for (let i = 0; i < nodes.length; i++) {
    const test = nodes[i]!.speedTest;
    if (pods[i]!.gateway && succeeded(test)) return summaryOf(test, 'gateway');
  }
  const fromLocation = location?.speedTest;
  return succeeded(fromLocation) ? summaryOf(fromLocation, 'location') : null;
}
