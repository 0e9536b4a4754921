import type { CustomerSpec } from './customers';
import type { LocationSpec } from './locations';
import { speedTestBody } from './nodes';

type Json = Record<string, unknown>;

/** The location object as `GET Customers/{c}/locations/{l}` (and each list item) sends it. */
export function locationBody(location: LocationSpec, customer: CustomerSpec, end: number, index: number): Json {
  const offline = location.healthCase === 'allOffline' || location.healthCase === 'noNodes';
  const body: Json = {
    id: location.id,
    name: location.name,
    customerId: customer.id,
    accountId: customer.accountId,
    partnerId: customer.partnerId,
    serviceId: `svc-${location.id.slice(-6)}`,
    profile: location.profile,
    networkStatus: {
      status: offline ? 'offline' : 'online',
      statusChangedAt: new Date(end - (offline ? 6 : 72) * 3_600_000).toISOString(),
      durationOfPreviousStatus: offline ? 259_200 : null,
    },
    ispSpeedTestConfiguration: { enable: true, speedCapable: true, enableAllNodes: false },
    geoIp: { country: 'DE', city: 'Berlin', timezone: 'Europe/Berlin' },
    wanSettings: { connectionType: 'dhcp', static: null, pppoe: null },
    backhaul: { mode: 'auto', wpaKey: 'backhaul-secret-never-shown' },
    authorizations: { numPodsAuthorized: 6 },
    createdAt: new Date(Date.parse(customer.createdAt) + index * 86_400_000).toISOString(),
    updatedAt: new Date(end - 86_400_000).toISOString(),
  };
  if (location.healthCase === 'noServiceLevel') {
    // The chain's store sends `{}`, the lab no key at all: both mean "no service level".
    if (location.customer === 'chain') body.serviceLevel = {};
  } else {
    body.serviceLevel = { status: 'fullService' };
  }
  if (location.speedTestOn === 'location') body.speedTest = speedTestBody(end, 3, false);
  return body;
}

/**
 * The `GET …/wifiNetworks` body: an array. The on/off flag is `enable` or `enabled` depending on
 * the location, and each network carries its password in `encryptionKey`, which clients must
 * never show.
 */
export function wifiNetworksBody(location: LocationSpec): Json[] {
  const flag = location.wifiEnableKey;
  return [
    {
      ssid: location.ssid,
      [flag]: true,
      wpaMode: 'psk2',
      encryption: 'aes',
      encryptionKey: `pw-${location.id.slice(-4)}-correct-horse`,
      ssidBroadcast: true,
      networkId: 'home',
    },
    {
      ssid: `${location.ssid}_Guest`,
      [flag]: location.healthCase !== 'allWell',
      wpaMode: location.profile === 'smallbusiness' ? 'sae-mixed' : 'psk-mixed',
      encryption: 'aes',
      encryptionKey: 'guest-password-1234',
      ssidBroadcast: location.healthCase !== 'noServiceLevel',
      networkId: 'guest',
    },
  ];
}
