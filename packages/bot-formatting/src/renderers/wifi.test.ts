import { describe, expect, it } from '@jest/globals';
import { toHtml } from '../html';
import { toPlainText } from '../plain';
import { renderWifiNetworks, type WifiNetworkInput } from './wifi';
import { covered, textOf } from './testing/fixtures';

const SECRET = 'S3cr3t-Passw0rd!';

describe('renderWifiNetworks()', () => {
  const networks = [
    { ssid: 'MyHome_5G *', enable: true, wpaMode: 'psk2', encryptionKey: SECRET, key: SECRET, password: SECRET },
    { ssid: 'Guest', enabled: false, wpaMode: 'sae-mixed', ssidBroadcast: false, encryptionKey: SECRET },
    { ssid: null, enable: true, wpaMode: 'wpa9' },
  ] as readonly WifiNetworkInput[];
  const parts = renderWifiNetworks(networks, { location: { id: 'loc-1', name: 'Home' } });
  const text = textOf(parts);

  it('never shows a password, in text, HTML or plain rendering', () => {
    expect(text).not.toContain(SECRET);
    for (const part of parts) {
      expect(toHtml(part)).not.toContain(SECRET);
      expect(toPlainText(part)).not.toContain(SECRET);
      expect(JSON.stringify(part.entities)).not.toContain(SECRET);
    }
  });

  it('shows each SSID with its state and security mode', () => {
    expect(text).toContain('📶 Wi-Fi networks: 3 networks, 2 enabled');
    expect(text).toContain('✅ MyHome_5G * — enabled, WPA2-Personal (psk2)');
    expect(text).toContain('⛔ Guest — disabled, WPA2/WPA3-Personal (sae-mixed), hidden SSID');
    expect(text).toContain('✅ unnamed network — enabled, wpa9');
    expect(covered(parts, 'bold')).toEqual(expect.arrayContaining(['MyHome_5G *', 'Guest']));
  });

  it('names the location', () => {
    expect(text).toContain('🏠 Home · loc-1');
  });

  it('says so when there is no network', () => {
    expect(textOf(renderWifiNetworks([]))).toContain('No Wi-Fi networks found for this location.');
  });
});
