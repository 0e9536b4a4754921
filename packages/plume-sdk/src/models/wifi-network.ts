import { z } from 'zod';
import { optionalBoolean, optionalString } from './wire';

/**
 * A Wi-Fi network, an item of `GET Customers/{c}/locations/{l}/wifiNetworks`. The password
 * (`encryptionKey`) is never part of it: the SDK drops it while parsing.
 */
export interface WifiNetwork {
  /** The network name. */
  readonly ssid?: string | undefined;
  /** Whether the network is on; Plume sends `enable` or `enabled`. `undefined` when neither. */
  readonly enabled?: boolean | undefined;
  /** `psk2`, `psk-mixed`, `sae` or `sae-mixed`. */
  readonly wpaMode?: string | undefined;
  /** The cipher, e.g. `aes`. */
  readonly encryption?: string | undefined;
  /** Whether the SSID is broadcast (visible). */
  readonly ssidBroadcast?: boolean | undefined;
  /** e.g. `home` or `guest`. */
  readonly networkId?: string | undefined;
}

export const wifiNetworkListSchema: z.ZodType<WifiNetwork[]> = z.array(
  z
    .object({
      ssid: optionalString,
      enable: optionalBoolean,
      enabled: optionalBoolean,
      wpaMode: optionalString,
      encryption: optionalString,
      ssidBroadcast: optionalBoolean,
      networkId: optionalString,
    })
    .transform(({ enable, enabled, ...network }): WifiNetwork => ({ ...network, enabled: enabled ?? enable })),
);
