import {
  renderHealthSummary,
  renderOnlineStats,
  renderPodDetails,
  renderWanReport,
  renderWifiNetworks,
} from '@org/bot-formatting/plume';
import {
  analyzeLocationHealth,
  analyzePods,
  analyzeWifiNetworks,
  type OnlineStatsRangeKey,
} from '@org/plume-analytics';
import type { PlumeClient } from '@org/plume-sdk';
import type { FormattedText } from '@org/bot-formatting';
import type { ReportView } from '../callback-data/actions';
import type { LocationRef } from '../storage/user-state';
import { fetchOnlineAnalysis, fetchWanAnalysis } from './analyses';

/** A view: fetches with `client` (cancelled when `signal` aborts), analyses, renders. */
type Render = (client: PlumeClient, target: LocationRef, signal?: AbortSignal) => Promise<FormattedText[]>;

const place = (target: LocationRef) => ({ id: target.locationId, name: target.name });

/**
 * The location's health: location and nodes fetched in parallel (one round trip), analysed,
 * rendered. When one call fails the other is cancelled (in the SDK's limiter queue or in flight):
 * its answer could no longer be used, and it would spend the partner's Plume budget.
 */
const status: Render = async (client, { customerId, locationId }, signal) => {
  const controller = new AbortController();
  const options = { signal: signal === undefined ? controller.signal : AbortSignal.any([signal, controller.signal]) };
  const cancelOthersOnFailure = <T>(call: Promise<T>): Promise<T> =>
    call.catch((error: unknown) => {
      controller.abort();
      throw error;
    });
  const [location, nodes] = await Promise.all([
    cancelOthersOnFailure(client.locations.get(customerId, locationId, options)),
    cancelOthersOnFailure(client.nodes.list(customerId, locationId, options)),
  ]);
  return renderHealthSummary(analyzeLocationHealth({ location, nodes }));
};

const wan: Render = async (client, target, signal) =>
  renderWanReport(await fetchWanAnalysis(client, target, signal), { location: place(target) });

const onlineTime =
  (key: OnlineStatsRangeKey): Render =>
  async (client, target, signal) =>
    renderOnlineStats(await fetchOnlineAnalysis(key, client, target, signal), { location: place(target) });

const nodes: Render = async (client, target, signal) => {
  const list = await client.nodes.list(target.customerId, target.locationId, signal && { signal });
  return renderPodDetails(analyzePods(list), { location: place(target) });
};

const wifi: Render = async (client, target, signal) => {
  const networks = await client.wifiNetworks.list(target.customerId, target.locationId, signal && { signal });
  return renderWifiNetworks(analyzeWifiNetworks(networks), { location: place(target) });
};

/** Each view's pipeline: SDK fetch → analytics → formatting. */
export const VIEWS: Readonly<Record<ReportView, Render>> = {
  status,
  wan,
  s3h: onlineTime('3h'),
  s24h: onlineTime('24h'),
  s7d: onlineTime('7d'),
  nodes,
  wifi,
};
