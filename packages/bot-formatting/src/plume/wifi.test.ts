import { describe, expect, it } from '@jest/globals';
import { analyzeWifiNetworks } from '@org/plume-analytics';
import { renderWifiNetworks } from './wifi';
import { covered, textOf } from './testing/fixtures';

describe('renderWifiNetworks()', () => {
  const report = analyzeWifiNetworks([
    { ssid: 'MyHome_5G *', enabled: true, wpaMode: 'psk2' },
    { ssid: 'Guest', enabled: false, wpaMode: 'sae-mixed', ssidBroadcast: false },
    { ssid: null, enabled: true, wpaMode: 'wpa9' },
    { ssid: 'Lab', enabled: true },
  ]);
  const parts = renderWifiNetworks(report, { location: { id: 'loc-1', name: 'Home' } });
  const text = textOf(parts);

  it('shows each SSID with its state and security mode', () => {
    expect(text).toContain('📶 Wi-Fi networks: 4 networks, 3 enabled');
    expect(text).toContain('✅ MyHome_5G * — enabled, WPA2-Personal (psk2)');
    expect(text).toContain('⛔ Guest — disabled, WPA2/WPA3-Personal (sae-mixed), hidden SSID');
    expect(text).toContain('✅ unnamed network — enabled, wpa9');
    expect(text).toContain('✅ Lab — enabled, security n/a');
    expect(covered(parts, 'bold')).toEqual(expect.arrayContaining(['MyHome_5G *', 'Guest']));
  });

  it('names the location', () => {
    expect(text).toContain('🏠 Home · loc-1');
  });

  it('says so when there is no network', () => {
    expect(textOf(renderWifiNetworks(analyzeWifiNetworks([])))).toContain('No Wi-Fi networks found for this location.');
  });
});
