// Hand-built analytics results for the renderer tests, typed with @org/plume-analytics' output types.
import type {
  LocationHealthReport,
  OnlineStatsNoData,
  OnlineStatsWithData,
  PodDetail,
  WanAnalysisNoData,
  WanAnalysisWithData,
  WanSampleInput,
} from '@org/plume-analytics';
import type { FormattedText } from '../../rich-text';

/** All parts' texts, joined. */
export function textOf(parts: readonly FormattedText[]): string {
  return parts.map((part) => part.text).join('');
}

/** The texts an entity type covers, over all parts. */
export function covered(parts: readonly FormattedText[], type: string): string[] {
  return parts.flatMap((part) =>
    part.entities.filter((e) => e.type === type).map((e) => part.text.slice(e.offset, e.offset + e.length)),
  );
}

export function pod(overrides: Partial<PodDetail> = {}): PodDetail {
  return {
    id: 'SN-1',
    name: 'Living Room',
    connected: true,
    connectionState: 'connected',
    health: 'excellent',
    healthScore: 5,
    backhaul: 'ethernet',
    alerts: [],
    connectedDevices: 12,
    gateway: true,
    networkMode: 'router',
    model: 'PP403Z',
    firmwareVersion: '6.2.0',
    mac: 'aa:bb:cc:dd:ee:ff',
    ip: '192.168.1.2',
    serialNumber: 'SN-1',
    ...overrides,
  };
}

export function healthReport(overrides: Partial<LocationHealthReport> = {}): LocationHealthReport {
  return {
    level: 'partlyOffline',
    headline: 'Online, but 1 of 3 pods is disconnected',
    online: true,
    onlineSource: 'pods',
    location: { id: '65f1aa00bb11cc22dd33ee44', name: 'Home *_[x]_ <b>&amp;' },
    issues: [
      { kind: 'podDisconnected', pod: 'Kitchen', detail: 'disconnected', message: "Pod 'Kitchen' is disconnected." },
    ],
    warnings: [
      { kind: 'podHealth', pod: 'Hall', detail: 'fair', message: "Pod 'Hall' has fair health." },
      {
        kind: 'podAlert',
        pod: 'Hall',
        detail: 'highInterference',
        message: "Pod 'Hall' has an active alert: highInterference.",
      },
    ],
    pods: [
      pod(),
      pod({
        id: 'SN-2',
        name: 'Hall',
        health: 'fair',
        backhaul: 'mesh',
        alerts: ['highInterference'],
        connectedDevices: 3,
        gateway: false,
      }),
      pod({
        id: 'SN-3',
        name: 'Kitchen',
        connected: false,
        health: null,
        backhaul: 'mesh',
        connectedDevices: 0,
        gateway: false,
      }),
    ],
    podCounts: { total: 3, connected: 2, disconnected: 1 },
    totalConnectedDevices: 15,
    speedTest: {
      source: 'gateway',
      downloadMbps: 245.5,
      uploadMbps: 12.3,
      latencyMs: 8.5,
      startedAt: '2024-12-04T10:29:00Z',
      endedAt: '2024-12-04T10:30:00Z',
      isp: 'Telekom',
      serverName: 'Frankfurt 2',
    },
    ...overrides,
  };
}

/** 96 quarter-hour samples of 2024-12-04 UTC; download peaks 240 Mbps at 18:45 UTC. */
export function wanSamples(): WanSampleInput[] {
  return Array.from({ length: 96 }, (_, i) => ({
    timestamp: new Date(Date.UTC(2024, 11, 4, 0, i * 15)).toISOString(),
    rxMbytes: 100,
    txMbytes: 10,
    rxMaxMbps: i === 75 ? 240 : 20 + (i % 4),
    txMaxMbps: i === 36 ? 12.3 : 2,
  }));
}

export function wanAnalysis(overrides: Partial<WanAnalysisWithData> = {}): WanAnalysisWithData {
  return {
    hasData: true,
    rx: {
      peak: { mbps: 240, at: '2024-12-04T18:45:00.000Z' },
      meanPeakMbps: 23.8,
      averageThroughputMbps: 0.89,
      p95Mbps: 23,
      totalMbytes: 9600,
    },
    tx: {
      peak: { mbps: 12.3, at: '2024-12-04T09:00:00.000Z' },
      meanPeakMbps: 2.1,
      averageThroughputMbps: 0.09,
      p95Mbps: 2,
      totalMbytes: 960,
    },
    coverage: {
      totalSamples: 96,
      validSamples: 94,
      duplicateSamples: 0,
      validPercent: 97.91666,
      firstSampleAt: '2024-12-04T00:00:00.000Z',
      lastSampleAt: '2024-12-04T23:45:00.000Z',
      gaps: [
        {
          from: '2024-12-04T05:15:00.000Z',
          to: '2024-12-04T05:45:00.000Z',
          durationMs: 1_800_000,
          missingIntervals: 2,
        },
      ],
      belowQualityThreshold: false,
    },
    busyHours: [{ hour: 19, level: 'high', meanRxPeakMbps: 75.75, meanTxPeakMbps: 2, ratioToMean: 3.18, samples: 4 }],
    timeZone: 'Europe/Berlin',
    intervalMinutes: 15,
    utilisation: null,
    hourlyRxPeaks: {
      startAt: '2024-12-04T00:00:00.000Z',
      endAt: '2024-12-05T00:00:00.000Z',
      peaks: Array.from({ length: 24 }, (_, hour) => (hour === 18 ? 240 : 23)),
      highestMbps: 240,
      missingHours: 0,
    },
    intervalSeries: {
      startAt: '2024-12-04T00:00:00.000Z',
      endAt: '2024-12-05T00:00:00.000Z',
      intervalMinutes: 15,
      points: Array.from({ length: 96 }, (_, i) => {
        const at = new Date(Date.UTC(2024, 11, 4, 0, i * 15)).toISOString();
        if (i === 21 || i === 22) {
          return { at, rxPeakMbps: null, txPeakMbps: null, rxAverageMbps: null, txAverageMbps: null };
        }
        return { at, rxPeakMbps: i === 75 ? 240 : 23, txPeakMbps: 2, rxAverageMbps: 0.89, txAverageMbps: 0.09 };
      }),
      missingIntervals: 2,
    },
    ...overrides,
  };
}

export function wanNoData(totalSamples = 0): WanAnalysisNoData {
  return {
    hasData: false,
    coverage: {
      totalSamples,
      validSamples: 0,
      duplicateSamples: 0,
      validPercent: 0,
      firstSampleAt: null,
      lastSampleAt: null,
      gaps: [],
      belowQualityThreshold: totalSamples > 0,
    },
    timeZone: 'UTC',
    intervalMinutes: 15,
  };
}

const SEVEN_DAYS = {
  key: '7d',
  label: 'Last 7 Days',
  granularity: 'days',
  limit: 7,
  durationMs: 7 * 86_400_000,
} as const;

export function onlineStats(overrides: Partial<OnlineStatsWithData> = {}): OnlineStatsWithData {
  return {
    hasData: true,
    range: SEVEN_DAYS,
    counts: { online: 672, offline: 1, intermittent: 0, unknown: 0 },
    totalSamples: 675,
    skippedSamples: 2,
    duplicateSamples: 0,
    uptimePercent: 99.85,
    label: 'Excellent',
    incidents: 1,
    longestOutage: {
      startedAt: '2024-12-03T03:00:00.000Z',
      endedAt: '2024-12-03T03:15:00.000Z',
      durationMs: 900_000,
      samples: 1,
    },
    downtimeMs: 900_000,
    trend: 'stable',
    trendDeltaPoints: 0.3,
    sampleIntervalMs: 900_000,
    firstSampleAt: '2024-11-27T00:00:00.000Z',
    lastSampleAt: '2024-12-04T00:00:00.000Z',
    outages: [
      {
        startedAt: '2024-12-03T03:00:00.000Z',
        endedAt: '2024-12-03T03:15:00.000Z',
        durationMs: 900_000,
        samples: 1,
      },
    ],
    timeZone: 'UTC',
    timeline: {
      startAt: '2024-11-27T00:15:00.000Z',
      endAt: '2024-12-04T00:15:00.000Z',
      segments: [
        {
          state: 'online',
          startAt: '2024-11-27T00:15:00.000Z',
          endAt: '2024-12-03T03:00:00.000Z',
          durationMs: 528_300_000,
        },
        {
          state: 'offline',
          startAt: '2024-12-03T03:00:00.000Z',
          endAt: '2024-12-03T03:15:00.000Z',
          durationMs: 900_000,
        },
        {
          state: 'online',
          startAt: '2024-12-03T03:15:00.000Z',
          endAt: '2024-12-04T00:15:00.000Z',
          durationMs: 75_600_000,
        },
      ],
    },
    uptimeBuckets: Array.from({ length: 8 }, (_, day) => ({
      startAt: new Date(Date.UTC(2024, 10, 27 + day)).toISOString(),
      endAt: new Date(Date.UTC(2024, 10, 28 + day)).toISOString(),
      online: day === 7 ? 1 : 96 - (day === 6 ? 1 : 0),
      intermittent: 0,
      offline: day === 6 ? 1 : 0,
      uptimePercent: day === 6 ? (95 * 100) / 96 : 100,
    })),
    ...overrides,
  };
}

export function onlineNoData(totalSamples = 0): OnlineStatsNoData {
  return {
    hasData: false,
    range: SEVEN_DAYS,
    counts: { online: 0, offline: 0, intermittent: 0, unknown: totalSamples },
    totalSamples,
    skippedSamples: 0,
    duplicateSamples: 0,
  };
}
