import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { percentile } from './percentile';
import { deepFreeze, snapshot } from './test-support';
import { analyzeWanStats } from './wan-stats';

const START = Date.UTC(2024, 11, 4);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: arb }, fc.constant(null), fc.constant(undefined));

/** Samples on a 15-minute grid, in any order, some with nulls; integer values keep sums exact. */
const samplesArb = fc.array(
  fc.record({
    timestamp: maybe(fc.integer({ min: 0, max: 400 }).map((i) => new Date(START + i * 900_000).toISOString())),
    rxMbytes: maybe(fc.integer({ min: 0, max: 5000 })),
    txMbytes: maybe(fc.integer({ min: 0, max: 5000 })),
    rxMaxMbps: maybe(fc.integer({ min: 0, max: 1000 })),
    txMaxMbps: maybe(fc.integer({ min: 0, max: 1000 })),
  }),
  { maxLength: 150 },
);

describe('analyzeWanStats properties', () => {
  it('leaves its input unchanged and never throws on odd data', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const before = snapshot(samples);
        analyzeWanStats(deepFreeze(samples), { timeZone: 'America/New_York' });
        expect(snapshot(samples)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the samples', () => {
    fc.assert(
      fc.property(samplesArb, fc.integer(), (samples, seed) => {
        const shuffled = samples.map((s, i) => ({ s, key: (i * 7919 + seed) % 1009 })).sort((a, b) => a.key - b.key).map((x) => x.s);
        expect(analyzeWanStats(shuffled)).toEqual(analyzeWanStats(samples));
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with percentile() on the valid peaks and keeps p95 and the mean at or below the peak', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const result = analyzeWanStats(samples);
        const valid = samples.filter(
          (s) => s.timestamp != null && s.rxMbytes != null && s.txMbytes != null && s.rxMaxMbps != null && s.txMaxMbps != null,
        );
        expect(result.coverage.validSamples).toBe(valid.length);
        if (!result.hasData) return;
        const rates = valid.map((s) => s.rxMaxMbps as number);
        expect(result.rx.p95Mbps).toBe(percentile(rates, 95));
        expect(result.rx.p95Mbps).toBeLessThanOrEqual(result.rx.peak.mbps);
        expect(result.rx.meanPeakMbps).toBeLessThanOrEqual(result.rx.peak.mbps);
        expect(result.busyHours.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 150 },
    );
  });
});
