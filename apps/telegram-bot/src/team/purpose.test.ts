import { describe, expect, it } from '@jest/globals';
import { auditPurpose, MAX_PURPOSE_LENGTH, parsePurpose } from './purpose';

describe('a purpose for lookups', () => {
  it('is trimmed text of 3 to 80 characters', () => {
    expect(parsePurpose('  ticket 4711 ')).toEqual({ purpose: 'ticket 4711' });
    expect(parsePurpose('ab')).toEqual({ error: expect.stringContaining('at least 3 characters') as unknown });
    expect(parsePurpose('x'.repeat(MAX_PURPOSE_LENGTH + 1))).toEqual({
      error: `A purpose may have at most ${MAX_PURPOSE_LENGTH} characters.`,
    });
    expect(parsePurpose('x'.repeat(MAX_PURPOSE_LENGTH))).toEqual({ purpose: 'x'.repeat(MAX_PURPOSE_LENGTH) });
  });

  it('holds no control or invisible formatting characters', () => {
    for (const text of ['ticket\n4711', 'ticket\t4711', 'ticket \u202E1174', 'ticket\u200B4711', 'a\u2028b c'])
      expect(parsePurpose(text)).toEqual({ error: expect.stringContaining('line breaks') as unknown });
  });

  it('comes before what was looked at, which stands alone without it', () => {
    expect(auditPurpose('ticket 4711', 'health report')).toBe('ticket 4711 (health report)');
    expect(auditPurpose(null, 'health report')).toBe('health report');
  });
});
