/**
 * Grapheme clusters (what a reader sees as one character: `é`, `👍🏽`, `👨‍👩‍👧`, a flag) through the
 * built-in `Intl.Segmenter` (Node 16+, all current browsers), so no Unicode tables ship here.
 */
import { graphemeSegmenter } from './intl-cache';

/**
 * Splits a string into grapheme clusters.
 *
 * @example
 * ```ts
 * graphemes('a👨‍👩‍👧'); // ['a', '👨‍👩‍👧']
 * ```
 */
export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter().segment(text), (s) => s.segment);
}

/** True for clusters a monospace terminal or Telegram's `pre` font draws two cells wide. */
function isWide(cluster: string): boolean {
  const code = cluster.codePointAt(0) ?? 0;
  if (/\p{Extended_Pictographic}/u.test(cluster) && (/\uFE0F/.test(cluster) || code >= 0x1f000)) return true;
  if (/\p{Regional_Indicator}/u.test(cluster)) return true;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * How many monospace cells a string takes: one per grapheme cluster, two for East Asian wide
 * characters and emoji, none for a zero-width cluster. An estimate: fonts disagree about emoji, which
 * is why report tables keep emoji out of the columns that must line up.
 *
 * @example
 * ```ts
 * displayWidth('abc'); // 3
 * displayWidth('👍🏽'); // 2
 * ```
 */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemeSegmenter().segment(text)) {
    if (/^[\u200b-\u200f\u2060\ufeff]+$/.test(segment)) continue;
    width += isWide(segment) ? 2 : 1;
  }
  return width;
}
