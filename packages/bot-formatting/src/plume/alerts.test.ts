import { describe, expect, it } from '@jest/globals';
import { evaluateLocation, type AlertDecision, type LocationAlertState } from '@org/plume-analytics';
import {
  renderAlert,
  renderFlapping,
  renderMonitoringDegraded,
  renderRecovery,
  renderUnknown,
  renderWatchList,
} from './index';

/** Real decisions from the analytics state machine: offline twice (firing), then online twice (resolved). */
function offlineDecisions(): AlertDecision[] {
  let state: LocationAlertState | null = null;
  const decisions: AlertDecision[] = [];
  const steps = ['online', 'offline', 'offline', 'online', 'online'] as const;
  steps.forEach((status, i) => {
    const at = Date.UTC(2026, 11, 4, 10, 5 * i);
    const result = evaluateLocation(state, { locationId: 'L1', at, networkStatus: { status } });
    state = result.state;
    decisions.push(...result.decisions);
  });
  return decisions;
}

const place = { location: { name: 'Flaky Flat' }, customer: { name: 'Fiona Flaky' } };

describe('alert renderers', () => {
  const [firing, resolved] = offlineDecisions();

  it('an alert says what, where, since when and what to do next', () => {
    expect(firing?.kind).toBe('firing');
    const [message, ...rest] = renderAlert(
      { ...place, decision: firing as AlertDecision },
      { now: Date.UTC(2026, 11, 4, 10, 20) },
    );
    expect(rest).toHaveLength(0);
    expect(message?.text).toBe(
      [
        '🔴 Offline',
        '🏠 Flaky Flat',
        '👤 Fiona Flaky',
        'Since 2026-12-04 10:05 (15 min ago)',
        '',
        'Next: Check the gateway has power and its internet line is up (the ISP’s side too); 📊 Status shows whether any pod still answers.',
        '',
        'Times in UTC.',
      ].join('\n'),
    );
    expect(message?.entities.some((e) => e.type === 'bold')).toBe(true);
  });

  it('shows times in the zone asked for', () => {
    const text = renderAlert({ ...place, decision: firing as AlertDecision }, { timeZone: 'Europe/Berlin' })[0]?.text;
    expect(text).toContain('Since 2026-12-04 11:05');
    expect(text).toContain('Europe/Berlin');
  });

  it('a recovery names the outage and its length', () => {
    expect(resolved?.kind).toBe('resolved');
    expect(renderRecovery({ ...place, decision: resolved as AlertDecision })[0]?.text).toBe(
      '✅ Back online\n🏠 Flaky Flat\n👤 Fiona Flaky\nIt lasted 10 min.',
    );
  });

  it('a pod alert names the pod', () => {
    const pod: AlertDecision = {
      ...(firing as AlertDecision),
      condition: 'podDisconnected',
      pod: 'EX0002',
      details: { podName: 'Office' },
    };
    expect(renderAlert({ ...place, decision: pod })[0]?.text.split('\n')[0]).toBe('🟠 Pod disconnected: Office');
    expect(renderRecovery({ ...place, decision: { ...pod, kind: 'resolved', durationMs: 90_000 } })[0]?.text).toContain(
      '✅ Pod reconnected: Office',
    );
  });

  it('flapping, unknown and monitoring degraded have their own messages', () => {
    const base = firing as AlertDecision;
    expect(renderFlapping({ ...place, decision: { ...base, kind: 'flapping' } })[0]?.text).toContain(
      'until it settles',
    );
    const unknown: AlertDecision = { ...base, kind: 'unknown', condition: 'noData' };
    expect(renderUnknown({ ...place, decision: unknown })[0]?.text).toContain('⚪ Unknown');
    const degraded: AlertDecision = { ...base, condition: 'monitoringDegraded', key: 'monitoring' };
    expect(renderMonitoringDegraded(degraded)[0]?.text).toContain('⚠️ Monitoring degraded');
    expect(renderMonitoringDegraded({ ...degraded, kind: 'resolved', durationMs: 60_000 })[0]?.text).toContain(
      'Plume answers again after 1 min',
    );
  });

  it('refuses a decision of the wrong kind', () => {
    expect(() => renderRecovery({ ...place, decision: firing as AlertDecision })).toThrow(RangeError);
    expect(() => renderAlert({ ...place, decision: resolved as AlertDecision })).toThrow(/firing/);
  });
});

describe('renderWatchList', () => {
  it('lists watches with what is wrong, mutes and conditions switched off', () => {
    const now = Date.UTC(2026, 11, 4, 10, 0);
    const text = renderWatchList(
      [
        { locationName: 'Flaky Flat', customerName: 'Fiona Flaky', openConditions: ['locationOffline'] },
        { locationName: 'Home', customerName: 'Ada', mutedUntil: now + 3_600_000, conditionsOff: ['wanSaturated'] },
      ],
      { now, cap: 200 },
    )[0]?.text;
    expect(text).toBe(
      [
        '👁 Watching 2 locations (of 200 allowed)',
        '',
        '1. Flaky Flat · Fiona Flaky',
        '   🔴 now: Offline',
        '2. Home · Ada',
        '   🔕 muted until 2026-12-04 11:00',
        '   off: WAN',
        '',
        'Times in UTC.',
      ].join('\n'),
    );
  });

  it('says how to start when nothing is watched', () => {
    expect(renderWatchList([])[0]?.text).toContain('/watch');
  });
});
