import { describe, expect, it } from '@jest/globals';
import { analyzeWanStats, type WanAnalysis } from '@org/plume-analytics';
import { isChartsError, wanChartSpec, type ChartSpec } from './index';
import { wanDay } from './testing/fixtures';

function spec(analysis: WanAnalysis, options?: Parameters<typeof wanChartSpec>[1]): ChartSpec {
  const built = wanChartSpec(analysis, options);
  if (built.kind !== 'spec') throw new Error(`expected a spec, got ${built.reason}`);
  return built;
}

/** The values of one of the spec's named datasets. */
function dataset<T>(built: ChartSpec, name: string): T[] {
  const values = (built.spec['datasets'] as Record<string, T[]> | undefined)?.[name];
  if (values === undefined) throw new Error(`no dataset ${name}`);
  return values;
}

describe('wanChartSpec', () => {
  it('builds the same specification for the same day (snapshot)', () => {
    const built = spec(
      analyzeWanStats(
        wanDay((i) => i >= 40 && i < 44),
        { planSpeed: { downloadMbps: 120 } },
      ),
      {
        timeZone: 'Europe/Berlin',
      },
    );
    expect(built.width).toBe(800);
    expect(built.height).toBe(450);
    expect(built.scale).toBe(2);
    expect(built.spec).toMatchSnapshot();
  });

  it('labels both 95th percentiles and the plan speed with their values', () => {
    const built = spec(analyzeWanStats(wanDay(), { planSpeed: { downloadMbps: 1000, uploadMbps: 50 } }));
    expect(dataset(built, 'markers')).toEqual([
      expect.objectContaining({ y: 9.2, label: 'p95 ↑ 9.2 Mbps' }),
      expect.objectContaining({ y: 50, label: 'plan ↑ 50 Mbps' }),
      expect.objectContaining({ y: 92, label: 'p95 ↓ 92 Mbps' }),
      expect.objectContaining({ y: 1000, label: 'plan ↓ 1,000 Mbps' }),
    ]);
  });

  it('moves close labels apart but leaves their lines where they belong', () => {
    // p95 92 and a 95 Mbps plan: 3 Mbps apart, less than a label's height on a 0–107 axis.
    const built = spec(analyzeWanStats(wanDay(), { planSpeed: { downloadMbps: 95 } }));
    const markers = dataset<{ y: number; labelY: number }>(built, 'markers');
    const [p95, plan] = [markers.find((m) => m.y === 92)!, markers.find((m) => m.y === 95)!];
    expect(plan.labelY - p95.labelY).toBeGreaterThan(4);
    expect(plan.labelY).toBeLessThanOrEqual(95 * 1.12);
  });

  it('keeps missing intervals as null so the lines break, and shades them', () => {
    const built = spec(analyzeWanStats(wanDay((i) => i === 50)));
    const json = JSON.stringify(built.spec);
    const rows = dataset<{ mbps: number | null; series: string }>(built, 'rows');
    expect(rows.filter((row) => row.series === 'Download peak' && row.mbps === null)).toHaveLength(1);
    expect(rows.some((row) => row.mbps === 0)).toBe(false);
    expect(json).toContain('break-paths-show-domains');
  });

  it('shows the axis in the chosen time zone, with its name, and numbers in the chosen locale', () => {
    const utc = spec(analyzeWanStats(wanDay()));
    const tokyo = spec(analyzeWanStats(wanDay(), { planSpeed: { downloadMbps: 1000 } }), {
      timeZone: 'Asia/Tokyo',
      locale: 'de-DE',
    });
    expect(JSON.stringify(utc.spec)).toContain('Time (UTC)');
    expect(JSON.stringify(tokyo.spec)).toContain('Time (Asia/Tokyo)');
    // The same instant drawn 9 hours later on the Tokyo axis.
    const first = (s: ChartSpec) => dataset<{ t: number }>(s, 'rows')[0]!.t;
    expect(first(tokyo) - first(utc)).toBe(9 * 3_600_000);
    expect(JSON.stringify(tokyo.spec)).toContain('plan ↓ 1.000 Mbps');
  });

  it('spans the window the analysis was asked for, and names it in the subtitle', () => {
    const day = spec(analyzeWanStats(wanDay()));
    const threeHours = spec(analyzeWanStats(wanDay(), { windowHours: 3 }));
    const week = spec(analyzeWanStats(wanDay(), { windowHours: 7 * 24 }));
    const subtitle = (s: ChartSpec) =>
      (s.spec['params'] as { name: string; value: unknown }[]).find((p) => p.name === 'chartSubtitle')?.value;
    expect(subtitle(day)).toMatch(/^Last 24 hours, per 15 minutes: /);
    expect(subtitle(threeHours)).toMatch(/^Last 3 hours, per 15 minutes: /);
    expect(subtitle(week)).toMatch(/^Last 7 days, per 15 minutes: /);
    const rows = (s: ChartSpec) =>
      dataset<{ series: string }>(s, 'rows').filter((row) => row.series === 'Download peak');
    expect(rows(threeHours)).toHaveLength(12);
    expect(rows(week)).toHaveLength(672);
  });

  it('returns a typed no-data result instead of an empty chart', () => {
    expect(wanChartSpec(analyzeWanStats([]))).toEqual({
      kind: 'no-data',
      reason: 'no-samples',
      message: 'No WAN data was received for this location.',
    });
    const broken = wanChartSpec(analyzeWanStats([{ timestamp: '2024-12-04T00:00:00Z', rxMbytes: null }]));
    expect(broken).toMatchObject({ kind: 'no-data', reason: 'no-valid-samples' });
  });

  it('rejects bad options and foreign objects with errors that say what to fix', () => {
    const analysis = analyzeWanStats(wanDay());
    const failure = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error('expected a throw');
    };
    const sized = failure(() => wanChartSpec(analysis, { width: 10, timeZone: 'Mars/Base' }));
    expect(isChartsError(sized) && sized.code).toBe('INVALID_OPTION');
    expect((sized as Error).message).toMatch(/width.*200.*timeZone is not an IANA time zone/s);
    const foreign = failure(() => wanChartSpec({ hasData: true } as unknown as WanAnalysis));
    expect(isChartsError(foreign) && foreign.code).toBe('INVALID_ANALYSIS');
  });
});
