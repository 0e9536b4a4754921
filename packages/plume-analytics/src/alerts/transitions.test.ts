import { describe, expect, it } from '@jest/globals';
import type { AlertOptions, LocationObservation } from '../index';
import { observe, phaseOf, run, status, summary } from './test-support';

type Verdict = 'bad' | 'good' | 'none';

const KEY = 'L1:locationOffline';
const asObservation = (verdict: Verdict, step: number): LocationObservation =>
  observe(step, status(verdict === 'bad' ? 'offline' : verdict === 'good' ? 'online' : null));

interface Row {
  readonly from: string;
  readonly by: Verdict;
  readonly rule: { fireAfter: number; resolveAfter: number };
  /** Observations that bring the key into `from`. */
  readonly before: readonly Verdict[];
  readonly to: string;
  readonly decides: readonly string[];
}

// Every transition of one key, driven through the location's own status. The rule varies so that
// each edge (N or M reached or not, N or M of 1) is crossed.
const rows: readonly Row[] = [
  { from: 'ok', by: 'good', rule: { fireAfter: 2, resolveAfter: 2 }, before: [], to: 'ok', decides: [] },
  { from: 'ok', by: 'none', rule: { fireAfter: 2, resolveAfter: 2 }, before: ['good'], to: 'ok', decides: [] },
  { from: 'ok', by: 'bad', rule: { fireAfter: 2, resolveAfter: 2 }, before: [], to: 'pending', decides: [] },
  { from: 'ok', by: 'bad', rule: { fireAfter: 1, resolveAfter: 2 }, before: [], to: 'firing', decides: ['firing'] },
  { from: 'pending', by: 'bad', rule: { fireAfter: 3, resolveAfter: 2 }, before: ['bad'], to: 'pending', decides: [] },
  {
    from: 'pending',
    by: 'bad',
    rule: { fireAfter: 2, resolveAfter: 2 },
    before: ['bad'],
    to: 'firing',
    decides: ['firing'],
  },
  {
    from: 'pending',
    by: 'bad',
    rule: { fireAfter: 3, resolveAfter: 2 },
    before: ['bad', 'bad'],
    to: 'firing',
    decides: ['firing'],
  },
  { from: 'pending', by: 'good', rule: { fireAfter: 2, resolveAfter: 2 }, before: ['bad'], to: 'ok', decides: [] },
  { from: 'pending', by: 'none', rule: { fireAfter: 2, resolveAfter: 2 }, before: ['bad'], to: 'pending', decides: [] },
  {
    from: 'firing',
    by: 'bad',
    rule: { fireAfter: 2, resolveAfter: 2 },
    before: ['bad', 'bad'],
    to: 'firing',
    decides: [],
  },
  {
    from: 'firing',
    by: 'none',
    rule: { fireAfter: 2, resolveAfter: 2 },
    before: ['bad', 'bad'],
    to: 'firing',
    decides: [],
  },
  {
    from: 'firing',
    by: 'good',
    rule: { fireAfter: 2, resolveAfter: 2 },
    before: ['bad', 'bad'],
    to: 'recovering',
    decides: [],
  },
  {
    from: 'firing',
    by: 'good',
    rule: { fireAfter: 2, resolveAfter: 1 },
    before: ['bad', 'bad'],
    to: 'ok',
    decides: ['resolved'],
  },
  {
    from: 'recovering',
    by: 'good',
    rule: { fireAfter: 2, resolveAfter: 2 },
    before: ['bad', 'bad', 'good'],
    to: 'ok',
    decides: ['resolved'],
  },
  {
    from: 'recovering',
    by: 'good',
    rule: { fireAfter: 2, resolveAfter: 3 },
    before: ['bad', 'bad', 'good'],
    to: 'recovering',
    decides: [],
  },
  {
    from: 'recovering',
    by: 'bad',
    rule: { fireAfter: 2, resolveAfter: 2 },
    before: ['bad', 'bad', 'good'],
    to: 'firing',
    decides: [],
  },
  {
    from: 'recovering',
    by: 'none',
    rule: { fireAfter: 2, resolveAfter: 2 },
    before: ['bad', 'bad', 'good'],
    to: 'recovering',
    decides: [],
  },
];

describe('alert transitions', () => {
  it.each(rows)(
    '$from + $by (fire after $rule.fireAfter, resolve after $rule.resolveAfter) → $to, deciding $decides',
    (row) => {
      const options: AlertOptions = { rules: { locationOffline: row.rule } };
      const observations = [...row.before, row.by].map(asObservation);
      const steps = run(observations, options);
      const beforeStep = steps.at(-2)?.state;
      expect(phaseOf(beforeStep, KEY)).toBe(row.from);
      const last = steps.at(-1)!;
      expect(phaseOf(last.state, KEY)).toBe(row.to);
      expect(summary(last.decisions)).toEqual(row.decides.map((kind) => `${kind} ${KEY}`));
    },
  );

  it('dates a firing from the first bad observation and a resolve from the first good one', () => {
    const steps = run((['good', 'bad', 'bad', 'bad', 'good', 'good'] as const).map(asObservation));
    const [firing] = steps[2]!.decisions;
    expect(firing).toMatchObject({ kind: 'firing', since: '2024-12-04T10:05:00.000Z', at: '2024-12-04T10:10:00.000Z' });
    const [resolved] = steps[5]!.decisions;
    // Bad from 10:05, good again from 10:20: 15 minutes, resolved at the second good poll (10:25).
    expect(resolved).toMatchObject({
      kind: 'resolved',
      since: '2024-12-04T10:05:00.000Z',
      at: '2024-12-04T10:25:00.000Z',
      durationMs: 900_000,
      condition: 'locationOffline',
      locationId: 'L1',
    });
    expect(resolved).not.toHaveProperty('pod');
  });

  it('uses 2 bad and 2 good observations for an offline location by default', () => {
    const steps = run((['bad', 'bad', 'good', 'good'] as const).map(asObservation));
    expect(steps.map((step) => summary(step.decisions))).toEqual([[], [`firing ${KEY}`], [], [`resolved ${KEY}`]]);
  });

  it('forgets a key that is OK with nothing bad left in its window', () => {
    const verdicts: Verdict[] = [
      ...Array.from({ length: 22 }, (): Verdict => 'good'),
      'bad',
      ...Array.from({ length: 21 }, (): Verdict => 'good'),
    ];
    const steps = run(verdicts.map(asObservation));
    expect(steps[21]!.state.keys).toEqual({});
    expect(steps[22]!.state.keys[KEY]).toMatchObject({ phase: 'pending', history: '1' });
    expect(steps[42]!.state.keys[KEY]).toBeDefined();
    expect(steps[43]!.state.keys).toEqual({});
  });
});
