import { describe, expect, it } from '@jest/globals';
import { analyzeLocationHealth, analyzeOnlineStats, analyzeWanStats } from '@org/plume-analytics';
import { renderHealthSummary } from './health';
import { renderOnlineStats } from './online';
import { renderWanReport } from './wan';
import { textOf, wanSamples } from './testing/fixtures';

// End to end with the real analyzers of @org/plume-analytics: raw API-shaped data in, messages out.

describe('renderers on real analytics output', () => {
  it('renders a health report computed from a location and its nodes', () => {
    const report = analyzeLocationHealth({
      location: { id: 'loc-1', name: 'Home', serviceLevel: { status: 'fullService' } },
      nodes: [
        {
          id: 'N1',
          nickname: 'Living Room',
          connectionState: 'connected',
          health: { status: 'excellent' },
          backhaulType: 'ethernet',
          connectedDeviceCount: 12,
          networkMode: 'router',
          speedTest: {
            status: 'succeeded',
            download: 245.5,
            upload: 12.3,
            rtt: 8.5,
            startedAt: '2024-12-04T10:30:00Z',
            gateway: true,
          },
        },
        { id: 'N2', defaultName: 'Kitchen', connectionState: 'disconnected', backhaulType: 'wifi' },
      ],
    });
    const text = textOf(renderHealthSummary(report, { timeZone: 'Europe/Berlin' }));
    expect(text).toContain('🟠');
    expect(text).toContain('🏠 Home · loc-1');
    expect(text).toContain('Living Room — excellent health, Ethernet, 12 devices, gateway');
    expect(text).toContain('🔴 Kitchen — disconnected');
    expect(text).toContain('↓ 245.5 Mbps · ↑ 12.3 Mbps · 8.5 ms latency');
    expect(text).toContain('2024-12-04 11:30');
    expect(text).toContain('📱 Devices connected: 12');
    expect(text).toMatch(/Issues \(1\)\n• .*Kitchen/);
  });

  it('renders a WAN report computed from raw samples', () => {
    const samples = wanSamples();
    const analysis = analyzeWanStats(samples, { timeZone: 'Europe/Berlin' });
    const text = textOf(renderWanReport(analysis));
    expect(text).toContain('🔝 Peak download: 240.0 Mbps at 19:45');
    expect(text).toContain('🔝 Peak upload: 12.3 Mbps at 10:00');
    expect(text).toContain('💾 Transferred: ↓ 9.60 GB · ↑ 960 MB');
    expect(text).toContain('📁 Data: 96 of 96 samples valid (100.0%); no gaps');
  });

  it('reports a repeated interval once, with the duplicate mentioned', () => {
    // The first two hours sent again, as an overlapping page would: the same 8 intervals twice.
    const samples = wanSamples();
    const analysis = analyzeWanStats([...samples, ...samples.slice(0, 8)], { timeZone: 'Europe/Berlin' });
    const text = textOf(renderWanReport(analysis));
    expect(text).toContain('💾 Transferred: ↓ 9.60 GB · ↑ 960 MB');
    expect(text).toContain('📁 Data: 96 of 104 samples valid (92.3%); 8 duplicate samples ignored; no gaps');
  });

  it('renders online statistics computed from raw states', () => {
    const states = Array.from({ length: 24 }, (_, i) => ({
      timestamp: new Date(Date.UTC(2024, 11, 4, i)).toISOString(),
      value: i === 5 ? 'offline' : 'online',
    }));
    const text = textOf(renderOnlineStats(analyzeOnlineStats(states, '24h'), { timeZone: 'UTC' }));
    expect(text).toContain('📶 Online time · Last 24 Hours');
    expect(text).toContain('95.8% online · Fair');
    expect(text).toContain('🔔 Incidents: 1 incident · longest outage 1 h from 2024-12-04 05:00');
    expect(text).toMatch(/Offline +1 +4\.2%/);
  });

  it('renders no data for empty inputs instead of zeros', () => {
    expect(textOf(renderWanReport(analyzeWanStats([])))).toContain('⚪ No data: WAN consumption');
    expect(textOf(renderOnlineStats(analyzeOnlineStats([], '7d')))).toContain('⚪ No data: online time, Last 7 Days');
  });
});
