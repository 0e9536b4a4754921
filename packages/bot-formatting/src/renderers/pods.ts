import { concat, lines, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { table } from '../table';
import { plural } from '../plural';
import { finish, locationLine, shown, type LocationRef, type RenderOptions } from './shared';

/**
 * A pod (node) as listed by Plume's `…/locations/{id}/nodes`, structurally: every field optional
 * and nullable, extra fields ignored. A node object from `@org/plume-sdk` fits as is.
 */
export interface PodDetailsInput {
  readonly id?: string | null;
  /** The user's own name; shown first. */
  readonly nickname?: string | null;
  /** Plume's default name; shown when there is no nickname. */
  readonly defaultName?: string | null;
  /** `connected` (any case) means online. */
  readonly connectionState?: string | null;
  readonly health?: { readonly status?: string | null; readonly score?: number | null } | null;
  /** `ethernet`, or `wifi` (shown as Mesh). */
  readonly backhaulType?: string | null;
  readonly connectedDeviceCount?: number | null;
  readonly model?: string | null;
  /** `partNumber` (e.g. `PP403Z`) is used when `model` is missing. */
  readonly vendor?: { readonly name?: string | null; readonly partNumber?: string | null } | null;
  readonly firmwareVersion?: string | null;
  readonly mac?: string | null;
  readonly ip?: string | null;
  readonly serialNumber?: string | null;
  /** `router` on the gateway. */
  readonly networkMode?: string | null;
  readonly alerts?: readonly ({ readonly type?: string | null } | string | null)[] | null;
}

/** Options of {@link renderPodDetails}. */
export interface PodDetailsOptions extends RenderOptions {
  /** The location the pods belong to, shown under the title. */
  readonly location?: LocationRef | null;
}

function podName(pod: PodDetailsInput): string {
  return shown(pod.nickname, '') || shown(pod.defaultName, '') || shown(pod.id, 'Unknown pod');
}

function backhaul(value: string | null | undefined): string {
  const type = shown(value, 'unknown').toLowerCase();
  return type === 'wifi' ? 'Mesh' : type === 'ethernet' ? 'Ethernet' : type;
}

function alertTypes(alerts: PodDetailsInput['alerts']): string[] {
  return (alerts ?? []).map((alert) => shown(typeof alert === 'string' ? alert : alert?.type, 'unknown'));
}

function podBlock(pod: PodDetailsInput): FormattedText {
  const connected = pod.connectionState?.trim().toLowerCase() === 'connected';
  const health = pod.health?.status ? shown(pod.health.status).toLowerCase() : 'n/a';
  const score = typeof pod.health?.score === 'number' ? ` (score ${pod.health.score})` : '';
  const devices = typeof pod.connectedDeviceCount === 'number' ? String(pod.connectedDeviceCount) : 'n/a';
  const rows: string[][] = [
    ['State', connected ? 'connected' : shown(pod.connectionState, 'disconnected').toLowerCase()],
    ['Health', health + score],
    ['Backhaul', backhaul(pod.backhaulType)],
    ['Role', pod.networkMode?.toLowerCase() === 'router' ? 'gateway' : shown(pod.networkMode)],
    ['Devices', devices],
    ['Model', shown(pod.model, '') || shown(pod.vendor?.partNumber)],
    ['Firmware', shown(pod.firmwareVersion)],
    ['MAC', shown(pod.mac)],
    ['IP', shown(pod.ip)],
    ['Serial', shown(pod.serialNumber, '') || shown(pod.id)],
  ];
  for (const type of alertTypes(pod.alerts)) rows.push(['Alert', type]);
  return lines(concat(connected ? '✅ ' : '🔴 ', bold(podName(pod))), table(rows));
}

/**
 * Renders the hardware details of each pod: state, health, backhaul, role, devices, model,
 * firmware, MAC, IP, serial and alerts, each pod as a small aligned `pre` table under its name.
 * Values come from the API as-is (no escaping needed; missing values show as `n/a`).
 *
 * @param pods The `nodes` of a location, in the order to show them.
 * @returns The message, already split to `limit`; a plain "no pods" report when the list is empty.
 * @throws {RangeError} When `limit` is invalid.
 * @example
 * ```ts
 * const parts = renderPodDetails(nodes, { location: { id: locationId, name: 'Home' } });
 * ```
 */
export function renderPodDetails(pods: readonly PodDetailsInput[], options: PodDetailsOptions = {}): FormattedText[] {
  const heading = bold(`📡 Pod details (${plural(pods.length, 'pod')})`);
  const title = options.location ? lines(heading, locationLine(options.location)) : heading;
  if (pods.length === 0) return finish([title, italic('No pods found for this location.')], options);
  return finish([title, ...pods.map(podBlock)], options);
}
