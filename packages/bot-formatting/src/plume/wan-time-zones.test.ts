import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';

// The WAN report must not depend on the machine's time zone: Plume sends timestamps like
// `2024-12-04 10:00` (no zone), which are UTC. Jest's sandbox keeps its own copy of process.env, so
// a zone set here would not reach Date; each zone runs in a child Node process started with TZ set,
// on a bundle of analytics and this renderer. The child reports its own UTC offset, proving the
// zone was in force.

const ZONES = [
  ['UTC', 0],
  ['America/New_York', 300],
  ['Asia/Kolkata', -330],
] as const;

const PROBE = `
import { analyzeWanStats } from '@org/plume-analytics';
import { renderWanReport } from './wan';

// 24 hours of quarter-hour samples in Plume's zone-less format, one clear download peak at 18:45.
const samples = Array.from({ length: 96 }, (_, i) => ({
  timestamp: '2024-12-04 ' + String(Math.floor(i / 4)).padStart(2, '0') + ':' + String((i % 4) * 15).padStart(2, '0'),
  rxMbytes: 100,
  txMbytes: 10,
  rxMaxMbps: i === 75 ? 240 : 20 + (i % 4),
  txMaxMbps: 2,
}));
const parts = renderWanReport(analyzeWanStats(samples, { timeZone: 'Europe/Berlin' }), { location: { name: 'Home' } });
process.stdout.write(JSON.stringify({
  offset: new Date(2024, 11, 4).getTimezoneOffset(),
  text: parts.map((part) => part.text).join(''),
}));
`;

const bundle = buildSync({
  stdin: { contents: PROBE, resolveDir: __dirname, loader: 'ts', sourcefile: 'probe.ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'silent',
}).outputFiles[0]!.text;

function reportIn(zone: string): { offset: number; text: string } {
  const child = spawnSync(process.execPath, ['-'], {
    input: bundle,
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the probe failed under TZ=${zone}: ${child.stderr}`);
  return JSON.parse(child.stdout) as { offset: number; text: string };
}

describe('the WAN report under different machine time zones', () => {
  const reports = ZONES.map(([zone]) => reportIn(zone));

  it('really runs under UTC, America/New_York and Asia/Kolkata', () => {
    expect(reports.map((report) => report.offset)).toEqual(ZONES.map(([, offset]) => offset));
  });

  it('is the same text in each zone', () => {
    expect(reports[1]?.text).toBe(reports[0]?.text);
    expect(reports[2]?.text).toBe(reports[0]?.text);
  });

  it('reads zone-less timestamps as UTC, sparkline included', () => {
    const text = reports[1]?.text;
    expect(text).toContain('🔝 Peak download: 240.0 Mbps at 19:45');
    // The last sample's hour is 23:00 UTC, so the 24 hours run 00:00–24:00 UTC = 01:00–01:00 in Berlin.
    expect(text).toContain('01:00 → 01:00, highest 240.0 Mbps');
    expect(text).not.toContain('no data');
  });
});
