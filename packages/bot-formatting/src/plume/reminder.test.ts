import { describe, expect, it } from '@jest/globals';
import { evaluateLocation, type AlertDecision, type LocationAlertState } from '@org/plume-analytics';
import { renderReminder } from './index';

/** A real `firing` decision: the location offline twice. */
function firing(): AlertDecision {
  let state: LocationAlertState | null = null;
  const decisions: AlertDecision[] = [];
  (['online', 'offline', 'offline'] as const).forEach((status, i) => {
    const result = evaluateLocation(state, {
      locationId: 'L1',
      at: Date.UTC(2026, 11, 4, 10, 5 * i),
      networkStatus: { status },
    });
    state = result.state;
    decisions.push(...result.decisions);
  });
  const decision = decisions.find((d) => d.kind === 'firing');
  if (decision === undefined) throw new Error('the machine fired no alert');
  return decision;
}

describe('renderReminder()', () => {
  const input = { decision: firing(), location: { name: 'Flaky Flat' }, customer: { name: 'Fiona Flaky' } };

  it('says which reminder it is, then repeats the alert with its age in the person’s zone', () => {
    const [message, ...rest] = renderReminder(input, {
      now: Date.UTC(2026, 11, 4, 14, 5),
      timeZone: 'Europe/Berlin',
      reminder: 1,
      of: 3,
    });
    expect(rest).toHaveLength(0);
    const lines = message?.text.split('\n') ?? [];
    expect(lines[0]).toBe('🔁 Reminder 1 of 3: still open, not acknowledged');
    expect(lines[1]).toBe('🔴 Offline');
    expect(message?.text).toContain('🏠 Flaky Flat');
    expect(message?.text).toContain('Since 2026-12-04 11:05 (4 h ago)');
    expect(message?.entities[0]).toMatchObject({ type: 'bold', offset: 0 });
  });

  it('refuses a reminder number outside 1…of', () => {
    expect(() => renderReminder(input, { reminder: 4, of: 3 })).toThrow('1 ≤ reminder ≤ of');
    expect(() => renderReminder(input, { reminder: 0, of: 3 })).toThrow('1 ≤ reminder ≤ of');
  });
});
