import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { percentile } from './percentile';
import { deepFreeze, snapshot } from './test-support';
import { analyzeWanStats } from './wan-stats';
import type { WanSampleInput } from './wan-types';

const START = Date.UTC(2024, 11, 4);
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: arb }, fc.constant(null), fc.constant(undefined));

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

const isValid = (s: WanSampleInput) =>
  s.timestamp != null && s.rxMbytes != null && s.txMbytes != null && s.rxMaxMbps != null && s.txMaxMbps != null;

/** The last valid sample of each interval start (the generator writes each instant one way). */
function lastValidCopies(samples: readonly WanSampleInput[]): WanSampleInput[] {
  const last = new Map<unknown, WanSampleInput>();
  for (const s of samples) if (isValid(s)) last.set(s.timestamp, s);
  return [...last.values()];
}

/** Samples keeping only the first with each timestamp, so no two valid ones share an interval start. */
const distinctSamplesArb = samplesArb.map((samples) => {
  const seen = new Set<unknown>();
  return samples.filter((s) => s.timestamp == null || (!seen.has(s.timestamp) && seen.add(s.timestamp)));
});

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

  it('does not depend on the order of samples with distinct interval starts', () => {
    fc.assert(
      fc.property(distinctSamplesArb, fc.integer(), (samples, seed) => {
        const shuffled = samples
          .map((s, i) => ({ s, key: (i * 7919 + seed) % 1009 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.s);
        expect(analyzeWanStats(shuffled)).toEqual(analyzeWanStats(samples));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same analysis as the last valid copy of each interval start alone', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const copies = lastValidCopies(samples);
        const valid = samples.filter(isValid).length;
        const result = analyzeWanStats(samples);
        const alone = analyzeWanStats(copies);
        expect(alone.coverage.duplicateSamples).toBe(0);
        const coverage = {
          ...alone.coverage,
          totalSamples: samples.length,
          duplicateSamples: valid - copies.length,
          validPercent: samples.length === 0 ? 0 : (copies.length * 100) / samples.length,
          // Duplicates are copies of good data: they count as usable for the quality verdict.
          belowQualityThreshold: valid < 0.8 * samples.length,
        };
        expect(result).toEqual({ ...alone, coverage });
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with percentile() on the peaks used and keeps p95 and the mean at or below the peak', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const result = analyzeWanStats(samples);
        const copies = lastValidCopies(samples);
        const { validSamples, duplicateSamples, totalSamples } = result.coverage;
        expect(validSamples).toBe(copies.length);
        expect(validSamples + duplicateSamples).toBe(samples.filter(isValid).length);
        expect(validSamples).toBeLessThanOrEqual(totalSamples);
        if (!result.hasData) return;
        const rates = copies.map((s) => s.rxMaxMbps as number);
        expect(result.rx.p95Mbps).toBe(percentile(rates, 95));
        expect(result.rx.p95Mbps).toBeLessThanOrEqual(result.rx.peak.mbps);
        expect(result.rx.meanPeakMbps).toBeLessThanOrEqual(result.rx.peak.mbps);
        expect(result.busyHours.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 150 },
    );
  });
});
