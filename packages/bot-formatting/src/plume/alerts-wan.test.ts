import { describe, expect, it } from '@jest/globals';
import {
  evaluateLocation,
  plumeAlertsFromNodes,
  type AlertDecision,
  type LocationAlertState,
  type LocationObservation,
} from '@org/plume-analytics';
import { renderAlert, renderRecovery } from './index';

const place = { location: { name: 'Home' }, customer: { name: 'Ada Lovelace' } };
const T0 = Date.UTC(2026, 11, 4, 10);

/** Real decisions of the analytics state machine for a run of observations (WAN judged against the speed test). */
function decisionsOf(parts: readonly Omit<LocationObservation, 'locationId' | 'at'>[]): AlertDecision[] {
  let state: LocationAlertState | null = null;
  const decisions: AlertDecision[] = [];
  parts.forEach((part, i) => {
    const observation = { locationId: 'L1', at: T0 + i * 15 * 60_000, networkStatus: { status: 'online' }, ...part };
    const result = evaluateLocation(state, observation, { wan: { planFromSpeedTest: true } });
    state = result.state;
    decisions.push(...result.decisions);
  });
  return decisions;
}

/** An hour of 15-minute WAN samples ending before `minute` (after T0), peaking at `rx` Mbps. */
const hour = (minute: number, rx: number) =>
  [60, 45, 30, 15].map((back) => ({
    timestamp: new Date(T0 + (minute - back) * 60_000).toISOString(),
    rxMbytes: 100,
    txMbytes: 10,
    rxMaxMbps: rx,
    txMaxMbps: 5,
  }));

describe('WAN and Plume alerts', () => {
  it('a saturated line says how full it ran, against what, and what to do next', () => {
    const gateway = {
      id: 'GW',
      defaultName: 'Hall',
      connectionState: 'connected',
      networkMode: 'router',
      speedTest: { status: 'succeeded', download: 480, upload: 98, startedAt: new Date(T0 - 3_600_000).toISOString() },
    };
    const [firing, resolved] = decisionsOf([
      { nodes: [gateway], wanSamples: hour(0, 470) },
      { wanSamples: hour(15, 100) },
    ]);
    const text = renderAlert({ ...place, decision: firing! }, { now: T0 + 5 * 60_000 })[0]?.text;
    expect(text).toBe(
      [
        '🟠 Internet line saturated',
        '🏠 Home',
        '👤 Ada Lovelace',
        'Since 2026-12-04 10:00 (5 min ago)',
        'Download peaks reached 98% of 480 Mbps (the latest speed test) over the last hour (95th percentile).',
        '',
        'Next: The line runs near its plan speed: look for heavy users, or suggest a faster plan. If the plan speed is wrong, correct it in the watch’s settings.',
        '',
        'Times in UTC.',
      ].join('\n'),
    );
    expect(renderRecovery({ ...place, decision: resolved! })[0]?.text).toBe(
      '✅ Internet line no longer saturated\n🏠 Home\n👤 Ada Lovelace\nIt lasted 15 min.',
    );
  });

  it('a Plume alert names its type and pod, and so does its recovery', () => {
    const pod = (alerts: string[]) => [{ id: 'NP01', nickname: 'Office', connectionState: 'connected', alerts }];
    const [firing, resolved] = decisionsOf([
      { plumeAlerts: plumeAlertsFromNodes(pod(['highInterference'])) },
      { plumeAlerts: plumeAlertsFromNodes(pod([])) },
    ]);
    expect(renderAlert({ ...place, decision: firing! })[0]?.text.split('\n')[0]).toBe(
      '⚠️ Plume alert: highInterference · Office',
    );
    expect(renderRecovery({ ...place, decision: resolved! })[0]?.text.split('\n')[0]).toBe(
      '✅ Plume alert cleared: highInterference · Office',
    );
  });
});
