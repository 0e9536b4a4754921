import { describe, expect, it } from '@jest/globals';
import { analyzeDigest, evaluateLocation, isAnalyticsError } from '../index';
import type { DigestInput } from '../index';

const from = '2024-12-03T08:00:00Z';
const to = '2024-12-04T08:00:00Z';
const HOUR = 3_600_000;

function frozen<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'object' && v !== null ? Object.freeze(v) : v,
  ) as T;
}

describe('analyzeDigest', () => {
  it('lists the day’s outages of locations and pods with their durations; availability counts the locations’', () => {
    const input: DigestInput = frozen({
      from,
      to,
      locations: [
        { locationId: 'L1', name: 'Home', customerName: 'Ann' },
        { locationId: 'L2', name: 'Shop', customerName: 'Bob' },
      ],
      incidents: [
        {
          locationId: 'L1',
          condition: 'locationOffline',
          since: '2024-12-04T01:00:00Z',
          resolvedAt: '2024-12-04T01:36:00Z',
        },
        {
          locationId: 'L1',
          condition: 'podDisconnected',
          pod: 'EX1',
          podName: 'Office',
          since: '2024-12-04T03:00:00Z',
          resolvedAt: '2024-12-04T03:10:00Z',
        },
        {
          locationId: 'L2',
          condition: 'locationOffline',
          since: '2024-12-03T20:00:00Z',
          resolvedAt: '2024-12-03T22:00:00Z',
        },
      ],
    });
    const digest = analyzeDigest(input);
    expect(digest.outages).toEqual([
      {
        locationId: 'L2',
        name: 'Shop',
        customerName: 'Bob',
        pod: null,
        podName: null,
        start: '2024-12-03T20:00:00.000Z',
        end: '2024-12-03T22:00:00.000Z',
        durationMs: 2 * HOUR,
        ongoing: false,
      },
      {
        locationId: 'L1',
        name: 'Home',
        customerName: 'Ann',
        pod: null,
        podName: null,
        start: '2024-12-04T01:00:00.000Z',
        end: '2024-12-04T01:36:00.000Z',
        durationMs: 0.6 * HOUR,
        ongoing: false,
      },
      {
        locationId: 'L1',
        name: 'Home',
        customerName: 'Ann',
        pod: 'EX1',
        podName: 'Office',
        start: '2024-12-04T03:00:00.000Z',
        end: '2024-12-04T03:10:00.000Z',
        durationMs: HOUR / 6,
        ongoing: false,
      },
    ]);
    expect(digest.availability.map((row) => [row.locationId, row.downtimeMs, row.availabilityPercent])).toEqual([
      ['L1', 0.6 * HOUR, 97.5],
      ['L2', 2 * HOUR, 91.67],
    ]);
    expect(digest.openIncidents).toEqual([]);
  });

  it('clips outages to the period, keeps open ones open, and counts overlaps once', () => {
    const digest = analyzeDigest({
      from,
      to,
      locations: [{ locationId: 'L1' }],
      incidents: [
        {
          locationId: 'L1',
          condition: 'locationOffline',
          since: '2024-12-03T06:00:00Z',
          resolvedAt: '2024-12-03T09:00:00Z',
        },
        {
          locationId: 'L1',
          condition: 'locationOffline',
          since: '2024-12-03T08:30:00Z',
          resolvedAt: '2024-12-03T10:00:00Z',
        },
        { locationId: 'L1', condition: 'locationOffline', since: '2024-12-04T06:00:00Z', resolvedAt: null },
        {
          locationId: 'L1',
          condition: 'locationOffline',
          since: '2024-12-02T00:00:00Z',
          resolvedAt: '2024-12-02T01:00:00Z',
        },
        { locationId: 'L9', condition: 'locationOffline', since: '2024-12-04T00:00:00Z' },
      ],
    });
    expect(digest.outages.map((o) => [o.start, o.end, o.durationMs, o.ongoing])).toEqual([
      ['2024-12-03T08:00:00.000Z', '2024-12-03T09:00:00.000Z', HOUR, false],
      ['2024-12-03T08:30:00.000Z', '2024-12-03T10:00:00.000Z', 1.5 * HOUR, false],
      ['2024-12-04T06:00:00.000Z', null, 2 * HOUR, true],
    ]);
    expect(digest.availability[0]).toMatchObject({
      downtimeMs: 4 * HOUR,
      watchedMs: 24 * HOUR,
      availabilityPercent: 83.33,
    });
    expect(digest.openIncidents).toEqual([
      {
        locationId: 'L1',
        name: null,
        customerName: null,
        condition: 'locationOffline',
        pod: null,
        podName: null,
        since: '2024-12-04T06:00:00.000Z',
        openForMs: 2 * HOUR,
      },
    ]);
  });

  it('counts availability from when watching began, and has none for a location watched after the period', () => {
    const digest = analyzeDigest({
      from,
      to,
      locations: [
        { locationId: 'L1', watchedSince: '2024-12-04T02:00:00Z' },
        { locationId: 'L2', watchedSince: '2024-12-04T09:00:00Z' },
      ],
      incidents: [
        {
          locationId: 'L1',
          condition: 'locationOffline',
          since: '2024-12-04T01:00:00Z',
          resolvedAt: '2024-12-04T03:00:00Z',
        },
      ],
    });
    expect(digest.availability.map((row) => [row.watchedMs, row.downtimeMs, row.availabilityPercent])).toEqual([
      [6 * HOUR, HOUR, 83.33],
      [0, 0, null],
    ]);
  });

  it('leaves out what happened before watching began: earlier outages, and the unwatched part of one', () => {
    const digest = analyzeDigest(
      frozen({
        from,
        to,
        locations: [{ locationId: 'L1', name: 'Home', watchedSince: '2024-12-04T02:00:00Z' }],
        incidents: [
          {
            locationId: 'L1',
            condition: 'locationOffline',
            since: '2024-12-03T20:00:00Z',
            resolvedAt: '2024-12-03T21:00:00Z',
          },
          {
            locationId: 'L1',
            condition: 'podDisconnected',
            pod: 'EX2',
            since: '2024-12-03T22:00:00Z',
            resolvedAt: '2024-12-04T01:59:00Z',
          },
          {
            locationId: 'L1',
            condition: 'locationOffline',
            since: '2024-12-04T01:00:00Z',
            resolvedAt: '2024-12-04T03:00:00Z',
          },
          { locationId: 'L1', condition: 'podDisconnected', pod: 'EX3', podName: ' ', since: '2024-12-04T01:30:00Z' },
        ],
      }),
    );
    expect(digest.outages.map((o) => [o.pod, o.podName, o.start, o.end, o.durationMs])).toEqual([
      [null, null, '2024-12-04T02:00:00.000Z', '2024-12-04T03:00:00.000Z', HOUR],
      ['EX3', null, '2024-12-04T02:00:00.000Z', null, 6 * HOUR],
    ]);
    expect(digest.availability[0]).toMatchObject({ watchedMs: 6 * HOUR, downtimeMs: HOUR, availabilityPercent: 83.33 });
    // Still open, so still news: listed as it is, since when it began.
    expect(digest.openIncidents.map((i) => [i.pod, i.since])).toEqual([['EX3', '2024-12-04T01:30:00.000Z']]);
  });

  it('names flapping and unknown locations from their stored alert state', () => {
    let unknown = evaluateLocation(null, { locationId: 'L2', at: '2024-12-04T07:00:00Z', failed: true }).state;
    for (let i = 1; i < 5; i++) {
      unknown = evaluateLocation(unknown, {
        locationId: 'L2',
        at: Date.parse('2024-12-04T07:00:00Z') + i * 300_000,
        failed: true,
      }).state;
    }
    let flapping = evaluateLocation(null, { locationId: 'L1', at: 0, networkStatus: { status: 'online' } }).state;
    for (let i = 1; i < 30; i++) {
      flapping = evaluateLocation(flapping, {
        locationId: 'L1',
        at: i * 300_000,
        networkStatus: { status: i % 2 === 0 ? 'online' : 'offline' },
      }).state;
    }
    const digest = analyzeDigest({
      from,
      to,
      locations: [
        { locationId: 'L1', name: 'Home', state: flapping },
        { locationId: 'L2', name: 'Shop', state: unknown },
        { locationId: 'L3', name: 'Calm' },
      ],
      incidents: [],
    });
    expect(digest.flapping.map((ref) => ref.name)).toEqual(['Home']);
    expect(digest.unknown.map((ref) => ref.name)).toEqual(['Shop']);
    expect(digest.availability.map((row) => [row.flapping, row.unknown])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('refuses a period that ends before it starts and a time that does not parse', () => {
    const bad = (input: Partial<DigestInput>) => () =>
      analyzeDigest({ from, to, locations: [{ locationId: 'L1' }], incidents: [], ...input });
    expect(bad({ from: to, to: from })).toThrow('to must be after from');
    expect(bad({ incidents: [{ locationId: 'L1', condition: 'locationOffline', since: 'yesterday' }] })).toThrow(
      'incidents[0].since must be ISO-8601',
    );
    try {
      bad({ to: 'soon' })();
    } catch (error) {
      expect(isAnalyticsError(error) && error.code).toBe('INVALID_VALUE');
    }
    expect.assertions(3);
  });
});
