import { describe, expect, it } from '@jest/globals';
import { deepFreeze } from './test-support';
import { analyzeWifiNetworks } from './wifi-networks';

describe('analyzeWifiNetworks', () => {
  it('judges each network and counts the enabled ones', () => {
    const report = analyzeWifiNetworks(
      deepFreeze([
        { ssid: ' Home ', enabled: true, wpaMode: 'PSK2' },
        { ssid: 'Guest', enabled: false, wpaMode: 'sae-mixed', ssidBroadcast: false },
        null,
        { ssid: '', enabled: null, wpaMode: 'wpa9', ssidBroadcast: true },
        { enabled: true, wpaMode: 'open' },
      ]),
    );
    expect(report.counts).toEqual({ total: 4, enabled: 2 });
    expect(report.networks).toEqual([
      { ssid: 'Home', enabled: true, wpaMode: 'PSK2', security: 'WPA2-Personal', hidden: false },
      { ssid: 'Guest', enabled: false, wpaMode: 'sae-mixed', security: 'WPA2/WPA3-Personal', hidden: true },
      { ssid: null, enabled: false, wpaMode: 'wpa9', security: null, hidden: false },
      { ssid: null, enabled: true, wpaMode: 'open', security: 'open, no password', hidden: false },
    ]);
  });

  it('reads only the merged `enabled` flag, not the wire spelling `enable`', () => {
    const report = analyzeWifiNetworks([{ ssid: 'Old', enable: true } as never]);
    expect(report.networks[0]?.enabled).toBe(false);
  });

  it('carries no password, whatever rides along on the input', () => {
    const secret = 'wifi-key-9f8e7d';
    const report = analyzeWifiNetworks([{ ssid: 'Home', enabled: true, encryptionKey: secret, key: secret } as never]);
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('treats a missing list as empty', () => {
    expect(analyzeWifiNetworks(undefined)).toEqual({ networks: [], counts: { total: 0, enabled: 0 } });
  });
});
