import type { WanSampleInput } from '@org/plume-analytics';

const HOUR_MS = 3_600_000;

/** Epoch ms of a sample's timestamp; an ISO string without a zone designator is read as UTC. */
function sampleTime(timestamp: WanSampleInput['timestamp']): number | null {
  if (typeof timestamp === 'number') return Number.isFinite(timestamp) ? timestamp : null;
  if (typeof timestamp !== 'string' || timestamp.trim() === '') return null;
  const iso = timestamp.trim();
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso) || !iso.includes('T');
  const ms = Date.parse(hasZone ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? null : ms;
}

function isUsable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** The download peaks per hour over the 24 hours that end with the hour of the last valid sample. */
export interface HourlyPeaks {
  /** Start of the first hour, epoch ms. */
  readonly startMs: number;
  /** Highest `rxMaxMbps` per hour, oldest first; `null` for an hour without a valid sample. */
  readonly peaks: readonly (number | null)[];
}

/**
 * Buckets raw `wanStats` samples into the last 24 whole UTC hours for the report's sparkline. A
 * sample counts when it is valid as `analyzeWanStats` defines it (a parseable timestamp and all four
 * numbers finite and non-negative). Returns `null` when no sample is valid.
 */
export function hourlyPeaks(samples: readonly (WanSampleInput | null)[]): HourlyPeaks | null {
  const valid: { at: number; rx: number }[] = [];
  for (const sample of samples) {
    if (!sample) continue;
    const at = sampleTime(sample.timestamp);
    const { rxMbytes, txMbytes, rxMaxMbps, txMaxMbps } = sample;
    if (at === null || !isUsable(rxMbytes) || !isUsable(txMbytes) || !isUsable(rxMaxMbps) || !isUsable(txMaxMbps)) continue;
    valid.push({ at, rx: rxMaxMbps });
  }
  if (valid.length === 0) return null;
  const last = valid.reduce((latest, s) => Math.max(latest, s.at), Number.NEGATIVE_INFINITY);
  const lastHour = Math.floor(last / HOUR_MS) * HOUR_MS;
  const startMs = lastHour - 23 * HOUR_MS;
  const peaks: (number | null)[] = Array.from({ length: 24 }, () => null);
  for (const { at, rx } of valid) {
    const index = Math.floor((at - startMs) / HOUR_MS);
    if (index < 0 || index > 23) continue;
    peaks[index] = Math.max(peaks[index] ?? 0, rx);
  }
  return { startMs, peaks };
}
