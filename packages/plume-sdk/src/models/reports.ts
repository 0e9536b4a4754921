import { z } from 'zod';
import { byTimestamp, list, optional, optionalNumber, optionalString } from './wire';

/** One 15-minute WAN interval. A missing value (Plume sends `null`) marks an interval without data. */
export interface WanInterval {
  /** ISO-8601 start of the interval. */
  readonly timestamp: string;
  /** Megabytes downloaded in the interval. */
  readonly rxMbytes?: number | undefined;
  /** Megabytes uploaded in the interval. */
  readonly txMbytes?: number | undefined;
  /** Peak download rate in the interval, megabits per second. */
  readonly rxMaxMbps?: number | undefined;
  /** Peak upload rate in the interval, megabits per second. */
  readonly txMaxMbps?: number | undefined;
}

/** WAN consumption (`wanStats`): 15-minute intervals, sorted oldest first. */
export interface WanStats {
  /** The intervals, oldest first; `[]` when Plume has none. */
  readonly fifteenMins: readonly WanInterval[];
}

/** One online-state sample: `value` is `online`, `offline` or something else (treat as unstable). */
export interface OnlineSample {
  /** ISO-8601 time of the sample. */
  readonly timestamp: string;
  /** The state as sent: `online`, `offline`, or another value. */
  readonly value?: string | undefined;
}

/** Online statistics (`onlineStats`): samples sorted oldest first, and the range they cover. */
export interface OnlineStats {
  /** ISO-8601 bounds; Plume may send an object or a list of them (the SDK merges a list). */
  readonly statsDateRange?: { readonly start?: string | undefined; readonly end?: string | undefined } | undefined;
  /** The samples, oldest first; `[]` when Plume has none. */
  readonly locationState: readonly OnlineSample[];
}

export const wanStatsSchema: z.ZodType<WanStats> = z.object({
  fifteenMins: list(
    z.object({
      timestamp: z.string(),
      rxMbytes: optionalNumber,
      txMbytes: optionalNumber,
      rxMaxMbps: optionalNumber,
      txMaxMbps: optionalNumber,
    }),
  ).transform(byTimestamp),
});

/** A list of ranges becomes one range from the first start to the last end. */
function mergeRanges(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const ranges = value.filter(
    (range): range is { start?: unknown; end?: unknown } => typeof range === 'object' && range !== null,
  );
  return ranges.length === 0 ? undefined : { start: ranges[0]?.start, end: ranges.at(-1)?.end };
}

export const onlineStatsSchema: z.ZodType<OnlineStats> = z.object({
  statsDateRange: z.preprocess(mergeRanges, optional(z.object({ start: optionalString, end: optionalString }))),
  locationState: list(z.object({ timestamp: z.string(), value: optionalString })).transform(byTimestamp),
});
