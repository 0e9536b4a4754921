import { describe, expect, it } from '@jest/globals';
import {
  analyzeLocationHealth,
  analyzeOnlineStats,
  analyzePods,
  analyzeWanStats,
  analyzeWifiNetworks,
} from '@org/plume-analytics';
import { toHtml } from '../html';
import { toPlainText } from '../plain';
import type { FormattedText } from '../rich-text';
import { renderHealthSummary } from './health';
import { renderLocationList, type LocationListItem } from './locations';
import { renderOnlineStats } from './online';
import { renderPodDetails } from './pods';
import { renderWanReport } from './wan';
import { renderWifiNetworks } from './wifi';
import { textOf, wanSamples } from './testing/fixtures';

// Callers may hand the renderers whole API objects. Whatever secret rides along on them (a Wi-Fi
// key, an OAuth token, the Basic header) must never reach a message, its entities, or its HTML or
// plain-text rendering.

const SECRETS = {
  encryptionKey: 'wifi-key-9f8e7d',
  key: 'wifi-key-9f8e7d',
  password: 'wifi-key-9f8e7d',
  psk: 'wifi-key-9f8e7d',
  accessToken: 'eyJhbGciOiJSUzI1NiJ9.token',
  authorization: 'Basic Y2xpZW50OnNlY3JldA==',
  clientSecret: 'client-secret-1234',
} as const;
const SECRET_VALUES = [...new Set(Object.values(SECRETS))];

/** Everything a report exposes: text, entity attributes, HTML and plain text. */
function exposed(parts: readonly FormattedText[]): string {
  return parts
    .map((part) => [part.text, JSON.stringify(part.entities), toHtml(part), toPlainText(part)].join('\n'))
    .join('\n');
}

function salted<T extends object>(value: T): T {
  return { ...value, ...SECRETS };
}

describe('renderers never show a secret passed along with the data', () => {
  const location = salted({ id: 'loc-1', name: 'Home', serviceLevel: { status: 'fullService' } });
  const nodes = [
    salted({
      id: 'N1',
      nickname: 'Living Room',
      connectionState: 'connected',
      health: { status: 'excellent' },
      backhaulType: 'ethernet',
      connectedDeviceCount: 4,
      networkMode: 'router',
      speedTest: salted({
        status: 'succeeded',
        download: 100,
        upload: 20,
        rtt: 9,
        startedAt: '2024-12-04T10:30:00Z',
        gateway: true,
      }),
    }),
    salted({
      id: 'N2',
      defaultName: 'Kitchen',
      connectionState: 'disconnected',
      alerts: [salted({ type: 'highInterference' })],
    }),
  ];
  const samples = wanSamples().map(salted);
  const states = Array.from({ length: 12 }, (_, i) =>
    salted({ timestamp: new Date(Date.UTC(2024, 11, 4, i)).toISOString(), value: i === 3 ? 'offline' : 'online' }),
  );
  const reports: Record<string, FormattedText[]> = {
    health: renderHealthSummary(analyzeLocationHealth({ location, nodes })),
    pods: renderPodDetails(analyzePods(nodes), { location }),
    wifi: renderWifiNetworks(analyzeWifiNetworks([salted({ ssid: 'Home-5G', enabled: true, wpaMode: 'psk2' })]), {
      location,
    }),
    wan: renderWanReport(analyzeWanStats(samples), { location }),
    online: renderOnlineStats(analyzeOnlineStats(states, '24h'), { location }),
    locations: renderLocationList([location] as readonly LocationListItem[], {
      customerId: 'cust-1',
      selectedId: 'loc-1',
    }),
  };

  it.each(Object.keys(reports))('%s names what it reports on but holds no secret', (name) => {
    const parts = reports[name] ?? [];
    expect(textOf(parts)).toContain(
      name === 'wifi' ? 'Home-5G' : name === 'health' || name === 'pods' ? 'Living Room' : 'Home',
    );
    const all = exposed(parts);
    for (const secret of SECRET_VALUES) expect(all).not.toContain(secret);
  });

  it('would notice a secret that did reach a report', () => {
    const leaky = renderLocationList([{ id: 'loc-1', name: SECRETS.accessToken }]);
    expect(SECRET_VALUES.some((secret) => exposed(leaky).includes(secret))).toBe(true);
  });
});
