import { describe, expect, it } from '@jest/globals';
import { displayName, MAX_DISPLAY_NAME, memberLabel } from './display-name';

describe('a member’s display name', () => {
  it('joins first and last name and the @username', () => {
    expect(displayName({ first_name: 'Sue', last_name: 'Lee', username: 'suelee' })).toBe('Sue Lee (@suelee)');
    expect(displayName({ first_name: 'Sue' })).toBe('Sue');
  });

  it('drops line breaks and other control characters, and keeps at most the cap (whole characters)', () => {
    expect(displayName({ first_name: 'Sue\nEvil\u0007' })).toBe('Sue Evil');
    const long = displayName({ first_name: '😀'.repeat(100) });
    expect([...long]).toHaveLength(MAX_DISPLAY_NAME);
    expect(long).toBe('😀'.repeat(MAX_DISPLAY_NAME));
  });

  it('is echoed without bidirectional controls, or replaced by the id while unknown', () => {
    expect(memberLabel({ userId: 7, displayName: 'Sue \u202Eeel' })).toBe('Sue eel');
    expect(memberLabel({ userId: 7, displayName: null })).toBe('user 7');
  });
});
