import { describe, expect, it } from '@jest/globals';
import { displayWidth, graphemes } from './graphemes';
import { formatTable, table } from './table';

describe('tables', () => {
  it('aligns columns left and right, with a header rule and no trailing spaces', () => {
    const text = formatTable(
      [
        ['Living room', '12'],
        ['Hall', '3'],
      ],
      { header: ['Pod', 'Devices'], align: ['left', 'right'] },
    );
    expect(text.split('\n')).toEqual([
      'Pod          Devices',
      '───────────  ───────',
      'Living room       12',
      'Hall               3',
    ]);
  });

  it('ends the header rule without spaces when the last column is empty', () => {
    expect(formatTable([['a', ''], ['bb']], { header: ['x', ''] }).split('\n')).toEqual(['x', '──', 'a', 'bb']);
  });

  it('measures wide characters in display cells so CJK columns line up', () => {
    const text = formatTable([
      ['東京', 'x'],
      ['ab', 'y'],
    ]);
    expect(text.split('\n')).toEqual(['東京  x', 'ab    y']);
  });

  it('handles rows of different lengths and a custom gap', () => {
    expect(formatTable([['a', 'b', 'c'], ['dd']], { gap: 1 })).toBe('a  b c\ndd');
    expect(() => formatTable([], { gap: -1 })).toThrow(RangeError);
  });

  it('wraps the table in one pre entity', () => {
    const message = table([['a', '1']]);
    expect(message).toEqual({ text: 'a  1', entities: [{ type: 'pre', offset: 0, length: 4 }] });
  });
});

describe('display width', () => {
  it('counts grapheme clusters, two cells for emoji and wide characters, none for zero-width', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('🇩🇪')).toBe(2);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(graphemes('a👨‍👩‍👧')).toEqual(['a', '👨‍👩‍👧']);
  });
});
