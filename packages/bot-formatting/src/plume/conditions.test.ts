import { describe, expect, it } from '@jest/globals';
import type { AlertDecision } from '@org/plume-analytics';
import { ALERT_CONDITION_LABELS, conditionLabel, renderAlert, renderRecovery, renderWatchList } from './index';

const decision: AlertDecision = {
  kind: 'firing',
  key: 'L1:wanSaturated',
  locationId: 'L1',
  condition: 'wanSaturated',
  since: '2026-12-04T10:00:00Z',
  at: '2026-12-04T10:05:00Z',
  details: {},
};

describe('ALERT_CONDITION_LABELS', () => {
  it('is the one source of a condition’s words: list, alert and recovery read the same entry', () => {
    const label = ALERT_CONDITION_LABELS.wanSaturated;
    const list = renderWatchList([{ locationName: 'Home', openConditions: ['wanSaturated'] }])[0]?.text;
    expect(list).toContain(`now: ${label.short}`);
    expect(renderAlert({ decision })[0]?.text.split('\n')[0]).toBe(`${label.emoji} ${label.title}`);
    const recovery = renderRecovery({ decision: { ...decision, kind: 'resolved', durationMs: 60_000 } })[0]?.text;
    expect(recovery?.split('\n')[0]).toBe(`✅ ${label.back}`);
    expect(renderAlert({ decision })[0]?.text).toContain(label.next);
  });

  it('gives every condition a short label, a title and a next step', () => {
    for (const label of Object.values(ALERT_CONDITION_LABELS)) {
      expect(label.short.length).toBeGreaterThan(0);
      expect(label.title.length).toBeGreaterThan(0);
      expect(label.next.length).toBeGreaterThan(0);
    }
  });

  it('falls back to the condition’s own name for one it does not know', () => {
    expect(conditionLabel('solarFlare')).toEqual({
      short: 'solarFlare',
      title: 'solarFlare',
      emoji: '⚠️',
      next: 'Open 📊 Status for details.',
    });
    expect(conditionLabel('toString').short).toBe('toString');
  });
});
