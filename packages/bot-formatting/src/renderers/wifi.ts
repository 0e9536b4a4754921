import { concat, lines, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { plural } from '../plural';
import { finish, locationLine, shown, type LocationRef, type RenderOptions } from './shared';

/**
 * A Wi-Fi network as Plume's `…/wifiNetworks` lists it, structurally. Only the fields below are
 * ever read: a password (`encryptionKey`, `key`, `password`…) on the object is never rendered.
 */
export interface WifiNetworkInput {
  readonly ssid?: string | null;
  /** Whether the network is on (the list endpoint's spelling). */
  readonly enable?: boolean | null;
  /** Whether the network is on (the single-network endpoint's spelling); used when `enable` is absent. */
  readonly enabled?: boolean | null;
  /** `psk2`, `psk-mixed`, `sae`, `sae-mixed`, `open`… */
  readonly wpaMode?: string | null;
  /** `false` when the SSID is hidden. */
  readonly ssidBroadcast?: boolean | null;
}

/** Options of {@link renderWifiNetworks}. */
export interface WifiNetworksOptions extends RenderOptions {
  /** The location the networks belong to, shown under the title. */
  readonly location?: LocationRef | null;
}

const SECURITY: Readonly<Record<string, string>> = {
  psk2: 'WPA2-Personal',
  'psk-mixed': 'WPA/WPA2-Personal',
  sae: 'WPA3-Personal',
  'sae-mixed': 'WPA2/WPA3-Personal',
  open: 'open, no password',
  none: 'open, no password',
};

/** A readable security mode: `WPA2-Personal (psk2)`; unknown modes as sent; `n/a` when missing. */
function security(wpaMode: string | null | undefined): string {
  const mode = shown(wpaMode, '');
  if (mode === '') return 'security n/a';
  const known = SECURITY[mode.toLowerCase()];
  return known ? `${known} (${mode})` : mode;
}

function networkLine(network: WifiNetworkInput): FormattedText {
  const enabled = (network.enable ?? network.enabled) === true;
  const facts = [enabled ? 'enabled' : 'disabled', security(network.wpaMode)];
  if (network.ssidBroadcast === false) facts.push('hidden SSID');
  return concat(enabled ? '✅ ' : '⛔ ', bold(shown(network.ssid, 'unnamed network')), ' — ', facts.join(', '));
}

/**
 * Renders a location's Wi-Fi networks: SSID, enabled or disabled, security mode, hidden or not.
 * Never a password: the renderer reads only the fields of {@link WifiNetworkInput}, so an
 * `encryptionKey` on the input cannot reach the message.
 *
 * @param networks The networks, in the order to show them.
 * @returns The message, already split to `limit`; a plain "no networks" report when the list is empty.
 * @throws {RangeError} When `limit` is invalid.
 * @example
 * ```ts
 * const parts = renderWifiNetworks(await client.wifiNetworks(customerId, locationId), { location });
 * ```
 */
export function renderWifiNetworks(networks: readonly WifiNetworkInput[], options: WifiNetworksOptions = {}): FormattedText[] {
  const enabled = networks.filter((n) => (n.enable ?? n.enabled) === true).length;
  const heading = bold(`📶 Wi-Fi networks: ${plural(networks.length, 'network')}, ${enabled} enabled`);
  const title = options.location ? lines(heading, locationLine(options.location)) : heading;
  if (networks.length === 0) return finish([title, italic('No Wi-Fi networks found for this location.')], options);
  return finish([title, lines(...networks.map(networkLine))], options);
}
