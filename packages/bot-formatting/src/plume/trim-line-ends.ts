import { normalizeEntities, withRange, type MessageEntity } from '../entities';
import type { FormattedText } from '../rich-text';

/** Whitespace other than a line break: what may be dropped before one. */
const SPACE = /[^\S\n]/;

/** A removed run of text: `[from, to)`, plus how much was removed up to and including it. */
interface Removed {
  readonly from: number;
  readonly to: number;
  readonly total: number;
}

/** The runs of whitespace before each line break and at the end of `text`, in order. */
function lineEndRuns(text: string): Removed[] {
  const runs: Removed[] = [];
  let total = 0;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let from = end;
    while (from > start && SPACE.test(text.charAt(from - 1))) from -= 1;
    if (from < end) {
      total += end - from;
      runs.push({ from, to: end, total });
    }
    start = end + 1;
  }
  return runs;
}

/** Where `offset` of the source lands once `runs` are removed (inside a run: at the run's start). */
function shifted(offset: number, runs: readonly Removed[]): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((runs[mid] as Removed).from < offset) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return offset;
  const run = runs[low - 1] as Removed;
  const before = run.total - (run.to - run.from);
  return offset - before - (Math.min(run.to, offset) - run.from);
}

/**
 * Removes the spaces (any whitespace but a line break) at the end of every line, re-offsetting the
 * entities and dropping those left empty. The renderers apply it to the whole message before
 * {@link split}, so no part shows a line ending in a space while `split` itself stays lossless (its
 * parts still concatenate back to the message it was given).
 *
 * @example
 * ```ts
 * trimLineEnds(concat(bold('Customer '), '\n')); // { text: 'Customer\n', entities: [{ type: 'bold', offset: 0, length: 8 }] }
 * ```
 */
export function trimLineEnds(message: FormattedText): FormattedText {
  const { text } = message;
  const runs = lineEndRuns(text);
  if (runs.length === 0) return message;
  let trimmed = '';
  let kept = 0;
  for (const run of runs) {
    trimmed += text.slice(kept, run.from);
    kept = run.to;
  }
  trimmed += text.slice(kept);
  const entities: MessageEntity[] = message.entities.map((entity) => {
    const from = shifted(entity.offset, runs);
    return withRange(entity, from, shifted(entity.offset + entity.length, runs) - from);
  });
  return { text: trimmed, entities: normalizeEntities(trimmed, entities) };
}
