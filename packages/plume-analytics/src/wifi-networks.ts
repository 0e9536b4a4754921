/**
 * A Wi-Fi network as `GET Customers/{c}/locations/{l}/wifiNetworks` lists it, after the SDK has
 * merged Plume's two spellings of the on/off flag into `enabled`. Structural: any object of this
 * shape fits, and only these fields are read (a password on the object is never looked at).
 *
 * @example
 * ```ts
 * const network: WifiNetworkInput = { ssid: 'Home', enabled: true, wpaMode: 'psk2', ssidBroadcast: true };
 * ```
 */
export interface WifiNetworkInput {
  readonly ssid?: string | null | undefined;
  /** Whether the network is on; anything but `true` counts as off. */
  readonly enabled?: boolean | null | undefined;
  /** `psk2`, `psk-mixed`, `sae`, `sae-mixed`, `open`… */
  readonly wpaMode?: string | null | undefined;
  /** `false` when the SSID is hidden. */
  readonly ssidBroadcast?: boolean | null | undefined;
}

/**
 * One network, judged.
 *
 * @example
 * ```ts
 * analyzeWifiNetworks([{ ssid: 'Home', enabled: true, wpaMode: 'psk2' }]).networks[0];
 * // { ssid: 'Home', enabled: true, wpaMode: 'psk2', security: 'WPA2-Personal', hidden: false }
 * ```
 */
export interface WifiNetworkSummary {
  /** The trimmed SSID, or `null` when missing or blank. */
  readonly ssid: string | null;
  readonly enabled: boolean;
  /** The trimmed mode as sent, or `null` when missing. */
  readonly wpaMode: string | null;
  /** The security mode's common name (`WPA2-Personal`, `open, no password`…), or `null` when the mode is missing or unknown. */
  readonly security: string | null;
  /** Whether the SSID is hidden (`ssidBroadcast` is `false`). */
  readonly hidden: boolean;
}

/**
 * The result of `analyzeWifiNetworks`.
 *
 * @example
 * ```ts
 * const report: WifiNetworksReport = analyzeWifiNetworks([{ ssid: 'Home', enabled: true }, { ssid: 'Guest' }]);
 * report.counts; // { total: 2, enabled: 1 }
 * ```
 */
export interface WifiNetworksReport {
  /** The networks in input order (null items skipped). */
  readonly networks: readonly WifiNetworkSummary[];
  readonly counts: { readonly total: number; readonly enabled: number };
}

const SECURITY: Readonly<Record<string, string>> = {
  psk2: 'WPA2-Personal',
  'psk-mixed': 'WPA/WPA2-Personal',
  sae: 'WPA3-Personal',
  'sae-mixed': 'WPA2/WPA3-Personal',
  open: 'open, no password',
  none: 'open, no password',
};

function trimmed(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

function summaryOf(network: WifiNetworkInput): WifiNetworkSummary {
  const wpaMode = trimmed(network.wpaMode);
  return {
    ssid: trimmed(network.ssid),
    enabled: network.enabled === true,
    wpaMode,
    security: wpaMode === null ? null : (SECURITY[wpaMode.toLowerCase()] ?? null),
    hidden: network.ssidBroadcast === false,
  };
}

/**
 * Judges a location's Wi-Fi networks: each one on or off (only `enabled: true` is on), its
 * security mode's common name (`psk2` WPA2-Personal, `psk-mixed` WPA/WPA2-Personal, `sae`
 * WPA3-Personal, `sae-mixed` WPA2/WPA3-Personal, `open` or `none` open; any case), hidden when
 * `ssidBroadcast` is `false`; and the counts.
 *
 * @param networks - the `wifiNetworks` items; `null`/`undefined` is treated as empty
 * @returns the report; never throws
 *
 * @example
 * ```ts
 * const report = analyzeWifiNetworks([
 *   { ssid: 'Home', enabled: true, wpaMode: 'sae-mixed' },
 *   { ssid: 'Guest', enabled: false, wpaMode: 'psk2', ssidBroadcast: false },
 * ]);
 * report.counts; // { total: 2, enabled: 1 }
 * report.networks[1]?.security; // 'WPA2-Personal'
 * report.networks[1]?.hidden; // true
 * ```
 */
export function analyzeWifiNetworks(
  networks: readonly (WifiNetworkInput | null)[] | null | undefined,
): WifiNetworksReport {
  const list: readonly unknown[] = Array.isArray(networks) ? (networks as readonly unknown[]) : [];
  const summaries = list
    .filter((network): network is WifiNetworkInput => network !== null && typeof network === 'object')
    .map(summaryOf);
  return {
    networks: summaries,
    counts: { total: summaries.length, enabled: summaries.filter((network) => network.enabled).length },
  };
}
