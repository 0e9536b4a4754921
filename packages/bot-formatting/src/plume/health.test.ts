import { describe, expect, it } from '@jest/globals';
import { toHtml } from '../html';
import { renderHealthSummary } from './health';
import { covered, healthReport, pod, textOf } from './testing/fixtures';

describe('renderHealthSummary()', () => {
  const parts = renderHealthSummary(healthReport(), { timeZone: 'Europe/Berlin' });
  const text = textOf(parts);

  it('leads with the level emoji and the headline, in bold', () => {
    expect(text.startsWith('🟠 Online, but 1 of 3 pods is disconnected\n')).toBe(true);
    expect(covered(parts, 'bold')[0]).toBe('🟠 Online, but 1 of 3 pods is disconnected');
  });

  it('names the location as sent, unescaped, with its id in code', () => {
    expect(text).toContain('🏠 Home *_[x]_ <b>&amp; · 65f1aa00bb11cc22dd33ee44');
    expect(covered(parts, 'code')).toContain('65f1aa00bb11cc22dd33ee44');
  });

  it('lists every pod with state, health, backhaul, devices and alerts', () => {
    expect(text).toContain('📡 Pods: 2 of 3 pods connected');
    expect(text).toContain('✅ Living Room — excellent health, Ethernet, 12 devices, gateway');
    expect(text).toContain('🟡 Hall — fair health, Mesh, 3 devices\n   ⚠️ alert: highInterference');
    expect(text).toContain('🔴 Kitchen — disconnected');
    expect(covered(parts, 'bold')).toEqual(expect.arrayContaining(['Living Room', 'Hall', 'Kitchen']));
  });

  it('names a connection state other than disconnected', () => {
    const odd = renderHealthSummary(
      healthReport({ pods: [pod({ name: 'Attic', connected: false, connectionState: 'unknown' })] }),
    );
    expect(textOf(odd)).toContain('🔴 Attic — disconnected (unknown)');
  });

  it('shows the last speed test with its time in the requested zone, stated once', () => {
    expect(text).toContain('↓ 245.5 Mbps · ↑ 12.3 Mbps · 8.5 ms latency');
    expect(text).toContain('2024-12-04 11:30 · ISP Telekom · server Frankfurt 2 · from the gateway');
    expect(text).toContain('Times in Europe/Berlin (UTC+01:00).');
  });

  it('shows the device total and the issues and warnings the earlier bot never showed', () => {
    expect(text).toContain('📱 Devices connected: 15');
    expect(text).toContain("❗ Issues (1)\n• Pod 'Kitchen' is disconnected.");
    expect(text).toContain(
      "⚠️ Warnings (2)\n• Pod 'Hall' has fair health.\n• Pod 'Hall' has an active alert: highInterference.",
    );
  });

  it('renders a report without pods, speed test or findings plainly', () => {
    const empty = textOf(
      renderHealthSummary(
        healthReport({
          level: 'noData',
          headline: 'No pods reported',
          pods: [],
          podCounts: { total: 0, connected: 0, disconnected: 0 },
          totalConnectedDevices: 0,
          speedTest: null,
          issues: [],
          warnings: [],
        }),
      ),
    );
    expect(empty).toContain('⚪ No pods reported');
    expect(empty).toContain('No pods reported for this location.');
    expect(empty).toContain('No successful speed test reported.');
    expect(empty).not.toContain('Issues');
    expect(empty).not.toContain('Times in');
  });

  it('splits a location with hundreds of pods into parts within the limit that keep every pod', () => {
    const pods = Array.from({ length: 300 }, (_, i) => pod({ id: `SN-${i}`, name: `Pod number ${i}`, gateway: false }));
    const many = renderHealthSummary(
      healthReport({ pods, podCounts: { total: 300, connected: 300, disconnected: 0 } }),
    );
    expect(many.length).toBeGreaterThan(1);
    for (const part of many) expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(textOf(many)).toContain('Pod number 0 —');
    expect(textOf(many)).toContain('Pod number 299 —');
  });

  it('escapes API text in the HTML preview', () => {
    expect(toHtml(parts[0] ?? { text: '', entities: [] })).toContain('Home *_[x]_ &lt;b&gt;&amp;amp;');
  });

  it('rejects an unknown time zone', () => {
    expect(() => renderHealthSummary(healthReport(), { timeZone: 'Moon/Base' })).toThrow(/IANA/);
  });
});
