import { describe, expect, it } from '@jest/globals';
import { renderOnlineChartCaption, renderWanChartCaption } from './chart-captions';
import { covered, onlineNoData, onlineStats, wanAnalysis, wanNoData } from './testing/fixtures';

describe('renderWanChartCaption()', () => {
  const caption = renderWanChartCaption(wanAnalysis(), { location: { name: 'Home', id: 'loc-1' } });

  it('states the headline numbers of the chart in the analysis time zone', () => {
    expect(caption.text.split('\n')).toEqual([
      '📊 WAN consumption',
      '🏠 Home · loc-1',
      '2024-12-04 01:00 → 2024-12-05 01:00 (24 h)',
      '',
      '↓ Download: peak 240.0 Mbps at 19:45 · 95th percentile 23.0 Mbps',
      '↑ Upload: peak 12.3 Mbps at 10:00 · 95th percentile 2.0 Mbps',
      '💾 ↓ 9.60 GB · ↑ 960 MB',
      '📁 97.9% of samples valid, 1 gap',
      '',
      'Times in Europe/Berlin (UTC+01:00).',
    ]);
    expect(covered([caption], 'bold')).toEqual(['📊 WAN consumption', '↓ Download', '↑ Upload']);
  });

  it('uses the time zone it is given, as the chart does', () => {
    expect(renderWanChartCaption(wanAnalysis(), { timeZone: 'UTC' }).text).toContain(
      '↓ Download: peak 240.0 Mbps at 18:45',
    );
  });

  it('warns when the data is too thin, and says when there is nothing to chart', () => {
    const thin = wanAnalysis({ coverage: { ...wanAnalysis().coverage, belowQualityThreshold: true } });
    expect(renderWanChartCaption(thin).text).toContain('1 gap: check the connection');
    expect(renderWanChartCaption(wanNoData(3), { location: { name: 'Home' } }).text).toBe(
      '📊 WAN consumption\n🏠 Home\nNo usable WAN samples: nothing to chart.',
    );
  });

  it('stays within a caption’s 1,024 characters with a very long location name', () => {
    const name = '🏖️ Beach House '.repeat(200);
    const long = renderWanChartCaption(wanAnalysis(), { location: { name, id: 'loc-1' } });
    expect(long.text.length).toBeLessThanOrEqual(1024);
    expect(long.text).toContain('… · loc-1');
    expect(long.text).toContain('Times in Europe/Berlin');
  });

  it('refuses an unknown time zone', () => {
    expect(() => renderWanChartCaption(wanAnalysis(), { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('renderOnlineChartCaption()', () => {
  it('states range, uptime, incidents and the longest outage', () => {
    const caption = renderOnlineChartCaption(onlineStats(), {
      location: { name: 'Downtown Store' },
      timeZone: 'Europe/Berlin',
    });
    expect(caption.text.split('\n')).toEqual([
      '📶 Online time · Last 7 Days',
      '🏠 Downtown Store',
      '',
      '✅ 99.9% online · Excellent',
      '🔔 1 incident · longest outage 15 min from 2024-12-03 04:00 · downtime 15 min',
      '',
      'Times in Europe/Berlin (UTC+01:00).',
    ]);
  });

  it('leaves out the outage when there was none, and says when there is nothing to chart', () => {
    const calm = renderOnlineChartCaption(onlineStats({ incidents: 0, longestOutage: null, downtimeMs: 0 }));
    expect(calm.text).toContain('🔔 0 incidents\n');
    expect(renderOnlineChartCaption(onlineNoData(4)).text).toBe(
      '📶 Online time · Last 7 Days\nNo usable online-state samples: nothing to chart.',
    );
  });
});
