import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createCipher } from './cipher';

describe('createCipher', () => {
  const cipher = createCipher(randomBytes(32));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = cipher.seal('Basic dXNlcjpwYXNz', 'user:1');
    const b = cipher.seal('Basic dXNlcjpwYXNz', 'user:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('dXNlcjpwYXNz');
    expect(cipher.open(a, 'user:1')).toBe('Basic dXNlcjpwYXNz');
  });

  it('refuses a value moved to another user, tampered with, or sealed under another key', () => {
    const sealed = cipher.seal('secret', 'user:1');
    expect(() => cipher.open(sealed, 'user:2')).toThrow();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = `${v}.${iv}.${tag}.${(body ?? '').startsWith('A') ? 'B' : 'A'}${(body ?? '').slice(1)}`;
    expect(() => cipher.open(flipped, 'user:1')).toThrow();
    expect(() => createCipher(randomBytes(32)).open(sealed, 'user:1')).toThrow();
  });
});
