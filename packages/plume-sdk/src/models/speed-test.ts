import { z } from 'zod';
import { optionalBoolean, optionalNumber, optionalString } from './wire';

/**
 * An ISP speed-test result. Plume embeds it in the gateway node (`node.speedTest`, with
 * `gateway: true`) and, on some clouds, in the location; which one counts is `@org/plume-analytics`' call.
 */
export interface SpeedTest {
  /** `succeeded` for a usable result. */
  readonly status?: string | undefined;
  /** Download rate, Mbps. */
  readonly download?: number | undefined;
  /** Upload rate, Mbps. */
  readonly upload?: number | undefined;
  /** Round-trip time (latency), ms. */
  readonly rtt?: number | undefined;
  /** ISO-8601 start time. */
  readonly startedAt?: string | undefined;
  /** ISO-8601 end time (not always sent). */
  readonly endedAt?: string | undefined;
  /** `true` on the gateway node's result. */
  readonly gateway?: boolean | undefined;
  /** What started it, e.g. `scheduled`. */
  readonly trigger?: string | undefined;
  /** The ISP as the test server saw it. */
  readonly isp?: string | undefined;
  /** The test server's name. */
  readonly serverName?: string | undefined;
}

export const speedTestSchema: z.ZodType<SpeedTest> = z.object({
  status: optionalString,
  download: optionalNumber,
  upload: optionalNumber,
  rtt: optionalNumber,
  startedAt: optionalString,
  endedAt: optionalString,
  gateway: optionalBoolean,
  trigger: optionalString,
  isp: optionalString,
  serverName: optionalString,
});
