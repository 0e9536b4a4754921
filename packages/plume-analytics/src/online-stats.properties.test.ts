import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { analyzeOnlineStats } from './online-stats';
import { deepFreeze, snapshot } from './test-support';

const START = Date.UTC(2024, 11, 4);

const samplesArb = fc.array(
  fc.record(
    {
      timestamp: fc.oneof(
        {
          weight: 8,
          arbitrary: fc.integer({ min: 0, max: 700 }).map((i) => new Date(START + i * 900_000).toISOString()),
        },
        fc.constant(null),
        fc.constant('nonsense'),
      ),
      value: fc.constantFrom('online', 'offline', 'OFFLINE', 'Online', 'intermittent', 'unknown', null),
    },
    { requiredKeys: [] },
  ),
  { maxLength: 200 },
);

describe('analyzeOnlineStats properties', () => {
  it('keeps uptime within [0, 100], incidents within offline samples and durations coherent', () => {
    fc.assert(
      fc.property(samplesArb, fc.constantFrom('3h' as const, '24h' as const, '7d' as const), (samples, range) => {
        const result = analyzeOnlineStats(samples, range);
        const { counts } = result;
        const counted = counts.online + counts.offline + counts.intermittent + counts.unknown;
        expect(counted + result.skippedSamples + result.duplicateSamples).toBe(samples.length);
        // One counted sample per distinct usable timestamp (the generator writes each instant one way).
        const timestamps = samples.map((s) => s.timestamp).filter((t) => typeof t === 'string' && t !== 'nonsense');
        expect(counted).toBe(new Set(timestamps).size);
        if (!result.hasData) {
          expect(counts.online + counts.offline + counts.intermittent).toBe(0);
          return;
        }
        expect(result.uptimePercent).toBeGreaterThanOrEqual(0);
        expect(result.uptimePercent).toBeLessThanOrEqual(100);
        expect(result.incidents).toBeLessThanOrEqual(counts.offline);
        expect(result.incidents === 0).toBe(counts.offline === 0);
        expect(result.downtimeMs).toBeLessThanOrEqual(counts.offline * result.sampleIntervalMs);
        expect(result.longestOutage?.durationMs ?? 0).toBeLessThanOrEqual(result.downtimeMs);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same analysis as the last sample of each timestamp alone', () => {
    fc.assert(
      fc.property(samplesArb, fc.constantFrom('3h' as const, '24h' as const, '7d' as const), (samples, range) => {
        const last = new Map<unknown, (typeof samples)[number]>();
        for (const s of samples)
          if (typeof s.timestamp === 'string' && s.timestamp !== 'nonsense') last.set(s.timestamp, s);
        const result = analyzeOnlineStats(samples, range);
        const alone = analyzeOnlineStats([...last.values()], range);
        expect(alone.duplicateSamples).toBe(0);
        expect({ ...result, totalSamples: last.size, skippedSamples: 0, duplicateSamples: 0 }).toEqual(alone);
        expect(result.totalSamples - result.skippedSamples - result.duplicateSamples).toBe(last.size);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves its input unchanged', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const before = snapshot(samples);
        analyzeOnlineStats(deepFreeze(samples), '7d');
        expect(snapshot(samples)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
