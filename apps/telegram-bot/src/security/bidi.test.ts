import { describe, expect, it } from '@jest/globals';
import { echo } from './bidi';

describe('echo', () => {
  it('removes every bidirectional control character', () => {
    const controls = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ];
    expect(echo(`a${controls.join('b')}c`)).toBe(`a${'b'.repeat(controls.length - 1)}c`);
    expect(echo('\u202Efdp.exe')).toBe('fdp.exe');
  });

  it('isolates right-to-left text in one balanced pair, and leaves other text as it was', () => {
    expect(echo('שלום \u202Eworld')).toBe('\u2068שלום world\u2069');
    expect(echo('مرحبا')).toBe('\u2068مرحبا\u2069');
    expect(echo('Café _*[ ]* 📡')).toBe('Café _*[ ]* 📡');
  });
});
