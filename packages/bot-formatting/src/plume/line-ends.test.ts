import { describe, expect, it } from '@jest/globals';
import { analyzePods, analyzeWifiNetworks } from '@org/plume-analytics';
import type { FormattedText } from '../rich-text';
import { bold, code, pre } from '../styles';
import { concat, lines } from '../rich-text';
import { split } from '../split';
import { renderHealthSummary } from './health';
import { renderLocationList } from './locations';
import { renderNoData } from './no-data';
import { renderOnlineStats } from './online';
import { renderPodDetails } from './pods';
import { renderWanReport } from './wan';
import { renderWifiNetworks } from './wifi';
import { healthReport, onlineNoData, onlineStats, pod, textOf, wanAnalysis, wanNoData } from './testing/fixtures';
import { trimLineEnds } from './trim-line-ends';

/** Every line, of every part, that ends in whitespace other than a line break. */
function linesEndingInSpace(parts: readonly FormattedText[]): string[] {
  return parts.flatMap((part) => part.text.split('\n').filter((line) => /[^\S\n]$/.test(line)));
}

/** Each renderer, once with clean fixtures and once with text that brings spaces to line ends. */
function renders(limit?: number): Record<string, FormattedText[]> {
  const options = limit === undefined ? {} : { limit };
  const test = healthReport().speedTest;
  const padded = healthReport({
    headline: 'online, with a padded headline  ',
    location: { id: ' ', name: ' Home ' },
    pods: [
      pod({ name: 'Hall', alerts: ['', 'radar '] }),
      pod({ id: 'SN-2', name: 'Attic', connected: false, connectionState: 'booting ' }),
    ],
    issues: [{ kind: 'podDisconnected', pod: 'Attic', detail: 'disconnected', message: 'Attic is disconnected. ' }],
    speedTest: test ? { ...test, isp: 'Telekom ', serverName: 'Frankfurt 2\t' } : null,
  });
  return {
    health: renderHealthSummary(healthReport(), { ...options, timeZone: 'Europe/Berlin' }),
    'health, padded': renderHealthSummary(padded, options),
    online: renderOnlineStats(onlineStats(), { ...options, location: { name: 'Store', id: 'loc-2' } }),
    'online, padded': renderOnlineStats(
      onlineStats({ range: { ...onlineStats().range, label: 'Last 7 Days ' } }),
      options,
    ),
    'online, no data': renderOnlineStats(onlineNoData(3), options),
    wan: renderWanReport(wanAnalysis(), { ...options, location: { name: 'Home', id: 'loc-1' } }),
    'wan, padded': renderWanReport(
      wanAnalysis({
        utilisation: { rx: { planMbps: 500, peakPercent: 48, p95Percent: 4.6, averagePercent: 0.18 }, tx: null },
      }),
      { ...options, location: { name: 'Home', id: '  ' } },
    ),
    'wan, no data': renderWanReport(wanNoData(96), options),
    pods: renderPodDetails(
      analyzePods([
        {
          id: 'SN-1',
          nickname: 'Hall ',
          connectionState: 'connected',
          firmwareVersion: '6.2.0 ',
          alerts: [{ type: ' ' }],
        },
        {},
      ]),
      { ...options, location: { name: 'Home', id: 'loc-1' } },
    ),
    'pods, none': renderPodDetails([], options),
    wifi: renderWifiNetworks(
      analyzeWifiNetworks([{ ssid: 'Guest ', enabled: true, wpaMode: 'psk2 ' }, { ssid: ' ' }]),
      options,
    ),
    locations: renderLocationList([{ id: '', name: 'Home ' }, { id: 'b2 ' }], {
      ...options,
      customerId: ' ',
      selectedId: 'b2 ',
    }),
    'no data': renderNoData('WAN consumption ', {
      ...options,
      location: { name: 'Home' },
      detail: 'Nothing yet. ',
      hint: 'Try later.\t',
    }),
  };
}

describe('line ends in rendered reports', () => {
  it.each([undefined, 160])('no line of any renderer ends with a space (limit %p)', (limit) => {
    for (const [name, parts] of Object.entries(renders(limit))) {
      expect(parts.length).toBeGreaterThan(0);
      expect({ name, lines: linesEndingInSpace(parts) }).toEqual({ name, lines: [] });
    }
  });

  it('keeps the text around trimmed spaces and leaves out a blank id with its separator', () => {
    const all = renders();
    expect(textOf(all['no data'] ?? [])).toContain('⚪ No data: WAN consumption\n🏠 Home\nNothing yet.\nTry later.');
    expect(textOf(all['health, padded'] ?? [])).toContain(
      '🟡 Hall — excellent health, Ethernet, 12 devices, gateway\n   ⚠️ alert:\n',
    );
    expect(textOf(all['wan, padded'] ?? [])).toContain('📊 WAN consumption\n🏠 Home\n');
    expect(textOf(all.locations ?? [])).toContain(
      '🏠 Locations: 2 locations\n\n1. Home\n2. Unnamed location · b2 ✓ selected',
    );
  });
});

describe('trimLineEnds()', () => {
  it('drops spaces before line breaks and at the end, re-offsetting entities', () => {
    const message = concat(bold('Customer '), '\n', code('id  '), ' \t', '\n', 'end ');
    const trimmed = trimLineEnds(message);
    expect(trimmed.text).toBe('Customer\nid\nend');
    expect(trimmed.entities).toEqual([
      { type: 'bold', offset: 0, length: 8 },
      { type: 'code', offset: 9, length: 2 },
    ]);
  });

  it('keeps an entity that spans several lines whole, and drops one that covered only spaces', () => {
    const message = concat('a  \n', pre('x  \ny'), ' ', code('  '), '\nz');
    expect(trimLineEnds(message)).toEqual({ text: 'a\nx\ny\nz', entities: [{ type: 'pre', offset: 2, length: 3 }] });
  });

  it('returns a message without trailing spaces unchanged', () => {
    const message = lines(bold('a'), '  b', '');
    expect(trimLineEnds(message)).toBe(message);
  });

  it('trims before splitting, so split stays lossless on what it is given', () => {
    const built = trimLineEnds(concat('word '.repeat(30), '\n', bold('tail  ')));
    const parts = split(built, { limit: 40 });
    expect(textOf(parts)).toBe(built.text);
    expect(built.text.endsWith('word\ntail')).toBe(true);
  });
});
