import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createCallbackData } from './codec';

const view = createCallbackData('view', 2, {
  name: z.enum(['wan', 'status']),
  ref: z.coerce.number().int().nonnegative(),
});

describe('createCallbackData', () => {
  it('packs and unpacks typed values', () => {
    const data = view.pack({ name: 'wan', ref: 12 });
    expect(data).toBe('view.2:wan:12');
    expect(view.unpack(data)).toEqual({ name: 'wan', ref: 12 });
  });

  it('routes only its own id and version', () => {
    expect(view.filter().test('view.2:wan:1')).toBe(true);
    expect(view.filter().test('view.1:wan:1')).toBe(false);
    expect(view.filter().test('viewer.2:wan:1')).toBe(false);
    expect(view.unpack('view.1:wan:1')).toBeUndefined();
  });

  it('rejects garbage instead of guessing', () => {
    for (const data of ['view.2:wan', 'view.2:wan:1:2', 'view.2:pwn:1', 'view.2:wan:-1', 'view.2:wan:../1', '']) {
      expect(view.unpack(data)).toBeUndefined();
    }
  });

  it('refuses to pack more than Telegram’s 64 bytes', () => {
    const long = createCallbackData('long', 1, { text: z.string() });
    expect(() => long.pack({ text: 'é'.repeat(30) })).toThrow(/64/);
    expect(long.pack({ text: 'x'.repeat(57) })).toHaveLength(64);
  });

  it('refuses values that would break the format', () => {
    const free = createCallbackData('free', 1, { text: z.string() });
    expect(() => free.pack({ text: 'a:b' })).toThrow(/must not contain/);
  });
});
