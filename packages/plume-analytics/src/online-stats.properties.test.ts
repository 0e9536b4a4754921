import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { analyzeOnlineStats } from './online-stats';
import { deepFreeze, snapshot } from './test-support';

const START = Date.UTC(2024, 11, 4);

const samplesArb = fc.array(
  fc.record(
    {
      timestamp: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 700 }).map((i) => new Date(START + i * 900_000).toISOString()) },
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
        expect(counts.online + counts.offline + counts.intermittent + counts.unknown + result.skippedSamples).toBe(samples.length);
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
