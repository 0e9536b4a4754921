import { concat, lines, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { table } from '../table';
import { plural } from '../plural';
import type { Backhaul, PodDetail } from '@org/plume-analytics';
import { finish, locationLine, type LocationRef, type RenderOptions } from './shared';

/** Options of {@link renderPodDetails}. */
export interface PodDetailsOptions extends RenderOptions {
  /** The location the pods belong to, shown under the title. */
  readonly location?: LocationRef | null;
}

const BACKHAUL: Readonly<Record<Backhaul, string>> = { ethernet: 'Ethernet', mesh: 'Mesh', unknown: 'unknown' };

function podBlock(pod: PodDetail): FormattedText {
  const score = pod.healthScore === null ? '' : ` (score ${pod.healthScore})`;
  const rows: string[][] = [
    ['State', pod.connected ? 'connected' : (pod.connectionState ?? 'disconnected')],
    ['Health', (pod.health ?? 'n/a') + score],
    ['Backhaul', BACKHAUL[pod.backhaul]],
    ['Role', pod.gateway ? 'gateway' : (pod.networkMode ?? 'n/a')],
    ['Devices', String(pod.connectedDevices)],
    ['Model', pod.model ?? 'n/a'],
    ['Firmware', pod.firmwareVersion ?? 'n/a'],
    ['MAC', pod.mac ?? 'n/a'],
    ['IP', pod.ip ?? 'n/a'],
    ['Serial', pod.serialNumber ?? 'n/a'],
  ];
  for (const type of pod.alerts) rows.push(['Alert', type]);
  return lines(concat(pod.connected ? '✅ ' : '🔴 ', bold(pod.name)), table(rows));
}

/**
 * Renders the hardware details of each pod: state, health, backhaul, role, devices, model,
 * firmware, MAC, IP, serial and alerts, each pod as a small aligned `pre` table under its name.
 * Every value is decided by `analyzePods` of `@org/plume-analytics`; this only lays it out
 * (missing values show as `n/a`).
 *
 * @param pods The analysed pods of a location, in the order to show them.
 * @returns The message, already split to `limit`; a plain "no pods" report when the list is empty.
 * @throws {RangeError} When `limit` is invalid.
 * @example
 * ```ts
 * const parts = renderPodDetails(analyzePods(nodes), { location: { id: locationId, name: 'Home' } });
 * ```
 */
export function renderPodDetails(pods: readonly PodDetail[], options: PodDetailsOptions = {}): FormattedText[] {
  const heading = bold(`📡 Pod details (${plural(pods.length, 'pod')})`);
  const title = options.location ? lines(heading, locationLine(options.location)) : heading;
  if (pods.length === 0) return finish([title, italic('No pods found for this location.')], options);
  return finish([title, ...pods.map(podBlock)], options);
}
