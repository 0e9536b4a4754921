import { formatDuration } from '../duration';
import { plural } from '../plural';
import { plain, type FormattedText } from '../rich-text';

/** A request's place in a queue, as {@link renderQueuePlace} shows it. */
export interface QueuePlaceInput {
  /** Requests that will be served before this one (0: it is next). */
  readonly ahead: number;
  /** Estimated wait in ms; shown rounded up to whole seconds, at least 1 s. */
  readonly waitMs: number;
}

/**
 * The line a person sees while their request waits its turn, meant to be edited in place as the
 * queue moves: `⏳ 14 requests ahead of yours, about 5 s`, or `⏳ Yours is next, about 1 s`.
 *
 * @throws {RangeError} When `ahead` is not a whole number ≥ 0 or `waitMs` is negative or not finite.
 * @example
 * ```ts
 * renderQueuePlace({ ahead: 14, waitMs: 4200 }).text; // '⏳ 14 requests ahead of yours, about 5 s'
 * renderQueuePlace({ ahead: 0, waitMs: 300 }).text; // '⏳ Yours is next, about 1 s'
 * ```
 */
export function renderQueuePlace(place: QueuePlaceInput): FormattedText {
  const { ahead, waitMs } = place;
  if (!Number.isInteger(ahead) || ahead < 0)
    throw new RangeError(`renderQueuePlace() needs a whole number ahead ≥ 0, got ${ahead}`);
  if (!Number.isFinite(waitMs) || waitMs < 0)
    throw new RangeError(`renderQueuePlace() needs a non-negative waitMs, got ${waitMs}`);
  const about = `about ${formatDuration(Math.max(1, Math.ceil(waitMs / 1000)) * 1000)}`;
  return plain(ahead === 0 ? `⏳ Yours is next, ${about}` : `⏳ ${plural(ahead, 'request')} ahead of yours, ${about}`);
}
