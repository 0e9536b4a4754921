import type { HealthCase, LocationSpec } from './locations';

type Json = Record<string, unknown>;

/** One pod as the table below describes it; `buildNodes` turns it into the wire object. */
interface PodSpec {
  readonly name: string;
  readonly nickname?: string;
  readonly gateway?: boolean;
  readonly connected: boolean;
  readonly health: 'excellent' | 'good' | 'fair' | 'poor' | null;
  readonly backhaul: 'ethernet' | 'wifi' | null;
  readonly alerts?: unknown[] | null;
  readonly devices: number;
  /** Omit `model` (only `vendor.partNumber` remains), as the list schema allows. */
  readonly noModel?: boolean;
}

const PODS: Record<HealthCase, readonly PodSpec[]> = {
  allWell: [
    { name: 'Gateway', gateway: true, connected: true, health: 'excellent', backhaul: 'ethernet', devices: 6 },
    { name: 'Living Room', nickname: 'Living Room', connected: true, health: 'good', backhaul: 'wifi', devices: 5 },
    { name: 'Bedroom', connected: true, health: 'excellent', backhaul: 'wifi', devices: 2, noModel: true },
  ],
  onePodDisconnected: [
    { name: 'Gateway', gateway: true, connected: true, health: 'good', backhaul: 'ethernet', devices: 4 },
    { name: 'Kitchen', connected: true, health: 'excellent', backhaul: 'wifi', devices: 3 },
    { name: 'Garden Shed', connected: false, health: null, backhaul: 'wifi', alerts: [], devices: 0 },
  ],
  allOffline: [
    { name: 'Gateway', gateway: true, connected: false, health: null, backhaul: 'ethernet', alerts: null, devices: 0 },
    { name: 'Attic', connected: false, health: null, backhaul: null, alerts: null, devices: 0 },
  ],
  fairPoorWithAlerts: [
    { name: 'Gateway', gateway: true, connected: true, health: 'good', backhaul: 'ethernet', devices: 9 },
    {
      name: 'Meeting_Room *2*',
      nickname: 'Meeting_Room *2*',
      connected: true,
      health: 'fair',
      backhaul: 'wifi',
      alerts: [{ type: 'highInterference' }, { type: 'channelCongestion' }],
      devices: 7,
    },
    {
      name: 'Kitchen <Pod> & Co',
      connected: true,
      health: 'poor',
      backhaul: 'wifi',
      alerts: ['weakSignal'],
      devices: 1,
    },
    { name: 'Server [Rack] 🖥️', connected: true, health: 'excellent', backhaul: 'ethernet', alerts: [{}], devices: 4 },
  ],
  noServiceLevel: [
    { name: 'Gateway', gateway: true, connected: true, health: 'excellent', backhaul: 'ethernet', devices: 3 },
    { name: 'Bench', connected: true, health: 'good', backhaul: 'wifi', devices: 2 },
  ],
  noNodes: [],
};

function hex2(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/** A succeeded speed test as Plume embeds it (on the gateway node, or on the location). */
export function speedTestBody(end: number, seed: number, gateway: boolean): Json {
  const startedAt = new Date(end - (9 * 60 + seed) * 60_000);
  return {
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + 42_000).toISOString(),
    gateway,
    status: 'succeeded',
    trigger: 'scheduled',
    serverIp: '192.0.2.10',
    serverHost: 'speedtest.example.net',
    serverId: '4242',
    serverName: 'Example Speedtest (Berlin)',
    isp: 'Example Fiber',
    download: 480.25 + seed,
    upload: 98.5 + seed / 2,
    rtt: 8.4 + seed / 10,
  };
}

/** The pods of a location, as wire objects: the fields and spellings Plume's `nodes` endpoint sends. */
export function buildNodes(location: LocationSpec, end: number, locationIndex: number): Json[] {
  return PODS[location.healthCase].map((pod, index) => {
    const serial = `NP${hex2(locationIndex)}${hex2(index)}A5C0FFEE`.toUpperCase();
    const mac = `f0:72:ea:${hex2(locationIndex)}:${hex2(index)}:01`;
    const node: Json = {
      id: serial,
      serialNumber: serial,
      defaultName: pod.name,
      nickname: pod.nickname ?? null,
      connectionState: pod.connected ? 'connected' : 'disconnected',
      connectionStateChangeAt: new Date(end - (index + 1) * 3_600_000 * (pod.connected ? 30 : 2)).toISOString(),
      health: pod.health === null ? null : { status: pod.health, score: scoreOf(pod.health), details: null },
      backhaulType: pod.backhaul,
      alerts: pod.alerts === undefined ? [] : pod.alerts,
      connectedDeviceCount: pod.devices,
      firmwareVersion: pod.connected ? '6.8.1-43-g6d9f0c1-prod' : null,
      mac: index === 1 && location.healthCase === 'fairPoorWithAlerts' ? null : mac,
      ip: pod.connected ? `192.168.${locationIndex}.${10 + index}` : null,
      networkMode: pod.gateway ? 'router' : 'bridge',
      leafToRoot: pod.gateway ? [] : [{ id: `NP${hex2(locationIndex)}00A5C0FFEE`, channel: 44, radio: '5G' }],
      vendor: { name: 'Plume', partNumber: pod.gateway ? 'PP603X' : 'PP403Z' },
      residentialGateway: false,
      '2gChannel': 6,
      '5gChannel': 44,
      bootAt: new Date(end - 12 * 86_400_000).toISOString(),
    };
    if (!pod.noModel) node.model = pod.gateway ? 'SuperPod WiFi 6E' : 'SuperPod';
    if (pod.gateway && location.speedTestOn === 'gateway') {
      node.speedTest = speedTestBody(end, locationIndex % 7, true);
    }
    return node;
  });
}

function scoreOf(health: 'excellent' | 'good' | 'fair' | 'poor'): number | null {
  return { excellent: 5, good: 4, fair: 3, poor: null }[health];
}

/** The `GET …/nodes` body, wrapped once or twice as the location's spec says. */
export function nodesBody(location: LocationSpec, nodes: Json[]): Json {
  return location.nodesWrapping === 'twice' ? { nodes: { nodes } } : { nodes };
}
