import type { CallOptions } from '../client-options';
import { PlumeArgumentError } from '../errors';
import { defineGet } from '../http/endpoint';
import type { Transport } from '../http/transport';
import { onlineStatsSchema, wanStatsSchema, type OnlineStats, type WanStats } from '../models/reports';

/** Options of {@link ReportsApi.wanStats}. */
export interface WanStatsOptions extends CallOptions {
  /** The reporting period; `daily` (the last 24 hours in 15-minute intervals) is the one known value. @default 'daily' */
  readonly period?: 'daily' | (string & {});
}

/** Options of {@link ReportsApi.onlineStats}. */
export interface OnlineStatsOptions extends CallOptions {
  /** The unit of `limit`. @default 'days' */
  readonly granularity?: 'hours' | 'days';
  /** How many hours or days back. @default 7 */
  readonly limit?: number;
}

/** `client.reports`: the Reports API (under `reportsBase`). */
export interface ReportsApi {
  /**
   * WAN consumption in 15-minute intervals (`GET …/locations/{locationId}/wanStats?period=`).
   *
   * @example
   * ```ts
   * const { fifteenMins } = await client.reports.wanStats(c, l);
   * const busiest = Math.max(...fifteenMins.map((i) => i.rxMaxMbps ?? 0));
   * ```
   * @throws {PlumeNotFoundError} when there is no such customer or location; other {@link PlumeError}s as for any call.
   */
  wanStats(customerId: string, locationId: string, options?: WanStatsOptions): Promise<WanStats>;
  /**
   * The location's online state over time (`GET …/locations/{locationId}/onlineStats?granularity=&limit=`).
   *
   * @example
   * ```ts
   * const { locationState } = await client.reports.onlineStats(c, l, { granularity: 'hours', limit: 3 });
   * ```
   * @throws {PlumeArgumentError} for a granularity other than hours/days or a limit that is not a positive integer.
   */
  onlineStats(customerId: string, locationId: string, options?: OnlineStatsOptions): Promise<OnlineStats>;
}

const WAN = defineGet('reports', 'Customers/{customerId}/locations/{locationId}/wanStats', wanStatsSchema);
const ONLINE = defineGet('reports', 'Customers/{customerId}/locations/{locationId}/onlineStats', onlineStatsSchema);

export function createReportsApi(transport: Transport): ReportsApi {
  return {
    wanStats(customerId, locationId, options) {
      return transport.get(WAN, [customerId, locationId], options, { period: options?.period ?? 'daily' });
    },
    onlineStats(customerId, locationId, options) {
      const granularity = options?.granularity ?? 'days';
      const limit = options?.limit ?? 7;
      const endpoint = ONLINE.label;
      if (granularity !== 'hours' && granularity !== 'days') {
        return Promise.reject(new PlumeArgumentError(`granularity must be "hours" or "days" (${endpoint}).`, endpoint));
      }
      if (!Number.isInteger(limit) || limit < 1) {
        return Promise.reject(new PlumeArgumentError(`limit must be a positive integer (${endpoint}).`, endpoint));
      }
      return transport.get(ONLINE, [customerId, locationId], options, { granularity, limit });
    },
  };
}
