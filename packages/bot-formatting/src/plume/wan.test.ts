import { describe, expect, it } from '@jest/globals';
import { renderWanReport } from './wan';
import { covered, textOf, wanAnalysis, wanNoData } from './testing/fixtures';

describe('renderWanReport()', () => {
  const parts = renderWanReport(wanAnalysis(), { location: { name: 'Home', id: 'loc-1' } });
  const text = textOf(parts);

  it('states the period in the analysis time zone by default', () => {
    expect(text).toContain('📊 WAN consumption\n🏠 Home · loc-1\n2024-12-04 01:00 → 2024-12-05 01:00 (24 h)');
    expect(text).toContain('Times in Europe/Berlin (UTC+01:00).');
  });

  it('shows the peaks at local times', () => {
    expect(text).toContain('🔝 Peak download: 240.0 Mbps at 19:45');
    expect(text).toContain('🔝 Peak upload: 12.3 Mbps at 10:00');
  });

  it('shows peak, p95, mean peak and average throughput in a table that states Mbps once', () => {
    const [rates] = covered(parts, 'pre');
    expect(rates?.split('\n')).toEqual([
      'Mbps                Download  Upload',
      '──────────────────  ────────  ──────',
      'Peak                   240.0    12.3',
      '95th percentile         23.0     2.0',
      'Mean peak               23.8     2.1',
      'Average throughput       0.9     0.1',
    ]);
  });

  it('shows totals in decimal units, busy hours and coverage with gaps', () => {
    expect(text).toContain('💾 Transferred: ↓ 9.60 GB · ↑ 960 MB (decimal units: 1 GB = 1000 MB)');
    expect(text).toContain(
      '⏰ Busy hours (Europe/Berlin)\n• 19:00–20:00 high: mean download peak 75.8 Mbps, 3.2× the mean',
    );
    expect(text).toContain('📁 Data: 94 of 96 samples valid (97.9%); 1 gap, longest 30 min');
    expect(text).not.toContain('check the connection');
  });

  it("draws a 24-hour sparkline of the analysis' hourly download peaks", () => {
    const line = covered(parts, 'code').find((c) => /^[▁▂▃▄▅▆▇█·]+$/u.test(c));
    expect(line).toHaveLength(24);
    expect(line?.indexOf('█')).toBe(18);
    expect(text).toContain('01:00 → 01:00, highest 240.0 Mbps');
  });

  it('marks hours without data in the sparkline and shows utilisation when the analysis has it', () => {
    const other = textOf(
      renderWanReport(
        wanAnalysis({
          utilisation: { rx: { planMbps: 500, peakPercent: 48, p95Percent: 4.6, averagePercent: 0.18 }, tx: null },
          hourlyRxPeaks: {
            ...wanAnalysis().hourlyRxPeaks,
            peaks: [null, ...wanAnalysis().hourlyRxPeaks.peaks.slice(1)],
            missingHours: 1,
          },
        }),
        { timeZone: 'UTC' },
      ),
    );
    expect(other).toContain('00:00 → 00:00, highest 240.0 Mbps; · no data');
    expect(other).toContain('Line speed (Mbps)      500.0     n/a');
    expect(other).toContain('Peak                   48.0%     n/a');
    expect(other).toContain('🔝 Peak download: 240.0 Mbps at 18:45');
  });

  it('shows dates with peak times when the data spans more than a day', () => {
    const coverage = { ...wanAnalysis().coverage, firstSampleAt: '2024-12-01T00:00:00.000Z' };
    expect(textOf(renderWanReport(wanAnalysis({ coverage }), { timeZone: 'UTC' }))).toContain('at 2024-12-04 18:45');
  });

  it('mentions duplicate samples after the valid share, only when there are some', () => {
    const coverage = { ...wanAnalysis().coverage, totalSamples: 98, validPercent: 95.9, duplicateSamples: 2 };
    expect(textOf(renderWanReport(wanAnalysis({ coverage })))).toContain(
      '📁 Data: 94 of 98 samples valid (95.9%); 2 duplicate samples ignored; 1 gap, longest 30 min',
    );
    expect(text).not.toContain('duplicate');
  });

  it('warns when the analysis finds the coverage below its quality threshold', () => {
    const coverage = { ...wanAnalysis().coverage, validSamples: 50, validPercent: 52.1, belowQualityThreshold: true };
    expect(textOf(renderWanReport(wanAnalysis({ coverage })))).toContain('Below 80%: check the connection.');
  });

  it('renders no data as a plain report instead of zeros', () => {
    const none = textOf(renderWanReport(wanNoData(0), { location: { name: 'Home' } }));
    expect(none).toContain('⚪ No data: WAN consumption\n🏠 Home\nPlume Cloud sent no WAN samples for this period.');
    expect(none).not.toContain('0.0 Mbps');
    expect(textOf(renderWanReport(wanNoData(96)))).toContain('None of the 96 samples Plume Cloud sent was usable.');
  });
});
