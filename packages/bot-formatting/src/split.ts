import { isInsideSurrogatePair, normalizeEntities, withRange, type MessageEntity } from './entities';
import { graphemeSegmenter } from './intl-cache';
import type { FormattedText } from './rich-text';

/** Telegram's limit for a message text, in UTF-16 code units. */
export const MESSAGE_LIMIT = 4096;

/** Telegram's limit for a media caption, in UTF-16 code units. */
export const CAPTION_LIMIT = 1024;

/**
 * How many entities Telegram honours in one message: it accepts more, but silently ignores every
 * entity after the 100th, so longer parts would lose their formatting.
 */
export const ENTITY_LIMIT = 100;

/** Options of {@link split}. */
export interface SplitOptions {
  /**
   * The longest part, in UTF-16 code units. Use {@link CAPTION_LIMIT} for captions.
   *
   * @default 4096 ({@link MESSAGE_LIMIT})
   */
  readonly limit?: number;
  /**
   * The most entities in one part; a part is cut earlier when it would hold more. Only a part
   * that is a single grapheme cluster (after any leading whitespace), or at whose start more
   * entities than this are open or begin, can exceed it. `Infinity` turns the check off.
   *
   * @default 100 ({@link ENTITY_LIMIT})
   */
  readonly maxEntities?: number;
}

/** Whitespace after which a line may wrap; no-break spaces (U+00A0, U+2007, U+202F) excluded. */
const BREAKABLE_SPACE = /[\t \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/;

/** A character Telegram does not trim away: anything but whitespace. */
const VISIBLE = /\S/;

/** How many word-break candidates to try before falling back to a grapheme boundary. */
const MAX_WORD_CANDIDATES = 64;

/**
 * Splits a message into parts Telegram accepts, each at most `limit` UTF-16 code units long.
 *
 * Each cut is made, in order of preference, after a paragraph break (`\n\n`), after a line break,
 * after a breakable space, or else at the last grapheme-cluster boundary that fits (never inside a
 * surrogate pair, an emoji with modifiers, a ZWJ sequence or a flag; only a single cluster longer
 * than the limit is cut between code points). Whitespace at a cut stays at the end of the earlier
 * part, so the parts' texts concatenate back to the source exactly (Telegram trims the trailing
 * whitespace when it shows them).
 *
 * No part is only whitespace (Telegram rejects such a message as empty) unless the text leaves no
 * choice (whitespace that does not fit in one part with the visible cluster after it): a cut is
 * never placed before the first visible character within reach, and when the rest of the text
 * would be only whitespace the cut moves back so that the last part keeps a visible character.
 *
 * Entities are clipped to each part and re-offset, so every part is valid alone; an entity that
 * spans a cut, such as a `pre` block, is reopened (with its language) at the start of the next part.
 * A part is also cut early rather than hold more than `maxEntities` entities, which Telegram would
 * silently ignore.
 *
 * Runs in time linear in the text plus the entities (each entity is visited once per part it spans).
 * An empty text gives no parts.
 *
 * @throws {RangeError} When `limit` is not an integer of at least 2 (a surrogate pair must fit), or
 *   `maxEntities` is not a positive integer or `Infinity`.
 * @example
 * ```ts
 * for (const part of split(longReport)) await ctx.reply(part.text, { entities: part.entities });
 * split(caption, { limit: CAPTION_LIMIT });
 * ```
 */
export function split(message: FormattedText, options: SplitOptions = {}): FormattedText[] {
  const limit = options.limit ?? MESSAGE_LIMIT;
  const maxEntities = options.maxEntities ?? ENTITY_LIMIT;
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError(`split() limit must be an integer of at least 2, got ${String(limit)}`);
  }
  if (!(maxEntities === Number.POSITIVE_INFINITY || (Number.isInteger(maxEntities) && maxEntities >= 1))) {
    throw new RangeError(`split() maxEntities must be a positive integer or Infinity, got ${String(maxEntities)}`);
  }
  const { text } = message;
  const entities = normalizeEntities(text, message.entities);
  if (text.length === 0) return [];
  if (text.length <= limit && entities.length <= maxEntities) return [{ text, entities }];
  return cutParts(text, entities, limit, maxEntities);
}

/**
 * Cuts the text into parts, sweeping once over the entities (sorted by offset): an entity becomes
 * active when its part is reached and leaves after the part where it ends. Each part is clipped to
 * the text limit and, where possible, to the entity limit.
 */
function cutParts(
  text: string,
  entities: readonly MessageEntity[],
  limit: number,
  maxEntities: number,
): FormattedText[] {
  const parts: FormattedText[] = [];
  const lastVisible = lastVisibleIndex(text);
  let active: MessageEntity[] = [];
  let next = 0;
  for (let start = 0; start < text.length;) {
    // The part must end before the first entity that would not fit (a window of 0 keeps one cluster).
    const firstMisfit = entities[next + Math.max(0, maxEntities - active.length)];
    const window = firstMisfit ? Math.min(limit, firstMisfit.offset - start) : limit;
    let end = text.length - start <= window ? text.length : findCut(text, start, window, limit);
    if (end < text.length && end > lastVisible)
      end = keepVisibleRest(text, start, end, Math.min(window, lastVisible - start), limit);
    while (next < entities.length && (entities[next] as MessageEntity).offset < end) {
      active.push(entities[next] as MessageEntity);
      next += 1;
    }
    const clipped: MessageEntity[] = [];
    const continuing: MessageEntity[] = [];
    for (const entity of active) {
      const from = Math.max(entity.offset, start);
      const to = Math.min(entity.offset + entity.length, end);
      if (to > from) clipped.push(withRange(entity, from - start, to - from));
      if (entity.offset + entity.length > end) continuing.push(entity);
    }
    active = continuing;
    parts.push({ text: text.slice(start, end), entities: clipped });
    start = end;
  }
  return parts;
}

/**
 * Where the part starting at `start` should end: a position in `(start, start + window]`, the
 * window being `limit` or less (down to 0) when the entity limit asks for a shorter part. The part
 * keeps the first visible character within reach. Only when the first visible cluster (with any
 * whitespace before it) does not fit the window does the part end after it, if that fits `limit`;
 * else before it, if whitespace precedes it; else, for a cluster longer than `limit`, between code
 * points, after at least 2 units.
 */
function findCut(text: string, start: number, window: number, limit: number): number {
  // Never cut before the first visible character within reach (-1: none), or the part is empty to Telegram.
  const visible = text.slice(start, start + limit).search(VISIBLE);
  const head = text.slice(start, start + window);
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph > visible) return start + paragraph + 2;
  const line = head.lastIndexOf('\n');
  if (line > visible) return start + line + 1;

  // Text after the window decides whether its end is a cluster boundary.
  const segments = graphemeSegmenter().segment(text.slice(start, start + limit + 32));
  const isBoundary = (index: number) => segments.containing(index)?.index === index;
  let tried = 0;
  for (let i = head.length - 1; i > visible && tried < MAX_WORD_CANDIDATES; i -= 1) {
    if (!BREAKABLE_SPACE.test(head.charAt(i))) continue;
    tried += 1;
    if (isBoundary(i + 1)) return start + i + 1;
  }
  const anchor = Math.max(0, visible);
  const cluster = segments.containing(window)?.index ?? 0;
  if (cluster > anchor) return start + cluster;
  // End after the first visible cluster (or the first cluster), past the window if need be.
  const first = segments.containing(anchor);
  const firstEnd = first ? first.index + first.segment.length : 0;
  if (firstEnd > 0 && firstEnd <= limit) return start + firstEnd;
  // Whitespace alone, rather than a cut inside the visible cluster that does not fit after it.
  if (cluster > 0) return start + cluster;
  // The first cluster is longer than `limit` (so more than 2 units remain): cut it between code points.
  const hard = start + Math.max(2, window);
  return isInsideSurrogatePair(text, hard) ? hard - 1 : hard;
}

/**
 * Called when the part `[start, end)` would leave only whitespace after it: cuts earlier, within
 * `window` (which ends before the last visible character), so that the rest keeps that character,
 * provided the part still holds a visible one. Otherwise keeps `end`.
 */
function keepVisibleRest(text: string, start: number, end: number, window: number, limit: number): number {
  if (window < 1) return end;
  const earlier = findCut(text, start, window, limit);
  return earlier <= start + window && VISIBLE.test(text.slice(start, earlier)) ? earlier : end;
}

/** Index of the last character that is not whitespace, or -1. */
function lastVisibleIndex(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && !VISIBLE.test(text.charAt(i))) i -= 1;
  return i;
}
