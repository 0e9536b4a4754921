import { describe, expect, it } from '@jest/globals';
import type {
  analyzePods,
  analyzeWifiNetworks,
  LocationHealthReport,
  OnlineStatsAnalysis,
  WanAnalysis,
  WifiNetworksReport,
} from '@org/plume-analytics';
import { renderHealthSummary } from './health';
import { renderOnlineStats } from './online';
import { renderPodDetails } from './pods';
import { renderWanReport } from './wan';
import { renderWifiNetworks } from './wifi';

// Renderers only render: each report renderer takes exactly what an analysis returns, nothing the
// API sends. These checks run in the typecheck (a mismatch fails it); the test repeats them at
// runtime so that a deleted check leaves a visible gap.

/** `true` only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Input<F extends (...args: never[]) => unknown> = Parameters<F>[0];

const exact = {
  health: true satisfies Equal<Input<typeof renderHealthSummary>, LocationHealthReport>,
  pods: true satisfies Equal<Input<typeof renderPodDetails>, LocationHealthReport['pods']>,
  wifi: true satisfies Equal<Input<typeof renderWifiNetworks>, WifiNetworksReport>,
  wan: true satisfies Equal<Input<typeof renderWanReport>, WanAnalysis>,
  online: true satisfies Equal<Input<typeof renderOnlineStats>, OnlineStatsAnalysis>,
};
const fromAnalysis = {
  pods: true satisfies Equal<ReturnType<typeof analyzePods>, LocationHealthReport['pods'][number][]>,
  wifi: true satisfies Equal<ReturnType<typeof analyzeWifiNetworks>, WifiNetworksReport>,
};

describe('report renderers take analysis results only', () => {
  it('each renderer input is exactly an analysis result type', () => {
    expect(Object.values(exact)).toEqual([true, true, true, true, true]);
    expect(Object.values(fromAnalysis)).toEqual([true, true]);
  });
});

/** Never called: the typecheck fails if a renderer starts accepting raw API objects again. */
export function rawApiObjectsDoNotTypecheck(): void {
  // @ts-expect-error a node from the API is not an analysed pod
  renderPodDetails([{ id: 'SN-1', connectionState: 'connected' }]);
  // @ts-expect-error a network list from the API is not a Wi-Fi analysis
  renderWifiNetworks([{ ssid: 'Home', enabled: true }]);
  // @ts-expect-error the WAN report takes no raw samples
  renderWanReport({ hasData: false } as WanAnalysis, { samples: [] });
}
