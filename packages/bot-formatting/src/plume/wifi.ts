import { concat, lines, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { plural } from '../plural';
import type { WifiNetworkSummary, WifiNetworksReport } from '@org/plume-analytics';
import { finish, locationLine, type LocationRef, type RenderOptions } from './shared';

/** Options of {@link renderWifiNetworks}. */
export interface WifiNetworksOptions extends RenderOptions {
  /** The location the networks belong to, shown under the title. */
  readonly location?: LocationRef | null;
}

/** `WPA2-Personal (psk2)`; an unknown mode as sent; `security n/a` when missing. */
function security(network: WifiNetworkSummary): string {
  if (network.wpaMode === null) return 'security n/a';
  return network.security === null ? network.wpaMode : `${network.security} (${network.wpaMode})`;
}

function networkLine(network: WifiNetworkSummary): FormattedText {
  const facts = [network.enabled ? 'enabled' : 'disabled', security(network)];
  if (network.hidden) facts.push('hidden SSID');
  return concat(network.enabled ? '✅ ' : '⛔ ', bold(network.ssid ?? 'unnamed network'), ' — ', facts.join(', '));
}

/**
 * Renders a location's Wi-Fi networks as `analyzeWifiNetworks` of `@org/plume-analytics` judged
 * them: SSID, enabled or disabled, security mode, hidden or not. Never a password: the analysis
 * carries none.
 *
 * @param report The analysis.
 * @returns The message, already split to `limit`; a plain "no networks" report when the list is empty.
 * @throws {RangeError} When `limit` is invalid.
 * @example
 * ```ts
 * const networks = await client.wifiNetworks.list(customerId, locationId);
 * const parts = renderWifiNetworks(analyzeWifiNetworks(networks), { location });
 * ```
 */
export function renderWifiNetworks(report: WifiNetworksReport, options: WifiNetworksOptions = {}): FormattedText[] {
  const { networks, counts } = report;
  const heading = bold(`📶 Wi-Fi networks: ${plural(counts.total, 'network')}, ${counts.enabled} enabled`);
  const title = options.location ? lines(heading, locationLine(options.location)) : heading;
  if (networks.length === 0) return finish([title, italic('No Wi-Fi networks found for this location.')], options);
  return finish([title, lines(...networks.map(networkLine))], options);
}
