/**
 * Reused `Intl` formatters: the one deliberate exception to "no module-level mutable state" in this
 * package (see CONTRIBUTING.md), kept in this file alone.
 *
 * Why: constructing an `Intl.DateTimeFormat`, `Intl.NumberFormat` or `Intl.Segmenter` costs far more
 * than using one (locale and time-zone data are resolved on construction); building them on every
 * call took about 5 % of the bot's CPU per rendered report.
 *
 * Why it cannot change output: every entry is a pure function of its key. A formatter is created
 * from a fixed locale plus options derived only from the key, `Intl` objects have no mutable state
 * that `format`/`formatToParts`/`select`/`segment` could change, none of them leaves this package
 * (they are not exported from `index.ts`), and failed constructions (an unknown time zone, invalid
 * digits) throw without being stored. Evicting an entry only means the next call builds an equal
 * formatter again, so hits, misses and eviction order are invisible in results. Each memo is capped
 * ({@link MAX_ENTRIES}), so arbitrary keys (time zones from users) cannot grow memory without bound.
 */

/** The most formatters one memo keeps; the least recently used is dropped beyond it. */
export const MAX_ENTRIES = 32;

/** A bounded least-recently-used memo of values that are pure functions of their string key. */
class BoundedMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly create: (key: string) => T) {}

  get(key: string): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Move to the most-recent end (Map iterates in insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = this.create(key); // Throws for invalid keys, which are then not stored.
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

const dateTimeFormats = new BoundedMemo(
  (timeZone) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    }),
);

const numberFormats = new BoundedMemo(
  (decimals) =>
    new Intl.NumberFormat('en-US', {
      minimumFractionDigits: Number(decimals),
      maximumFractionDigits: Number(decimals),
    }),
);

let integerFormat: Intl.NumberFormat | undefined;
let pluralRules: Intl.PluralRules | undefined;
let segmenter: Intl.Segmenter | undefined;

/**
 * The `en-US` date-time formatter of `src/time.ts` (2-digit month to minute, 24-hour clock, long
 * UTC offset) for an IANA time zone, built once per zone.
 *
 * @throws {RangeError} When the runtime does not know `timeZone` (nothing is stored then).
 */
export function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormats.get(timeZone);
}

/**
 * An `en-US` number formatter with exactly `decimals` fraction digits, built once per count: the
 * same formatter `Number.prototype.toLocaleString('en-US', options)` builds on every call.
 *
 * @throws {RangeError} When `decimals` is out of `Intl`'s range (nothing is stored then).
 */
export function fixedNumberFormat(decimals: number): Intl.NumberFormat {
  return numberFormats.get(String(decimals));
}

/** The default `en-US` number formatter (`1,234.5`), as `toLocaleString('en-US')` uses; built once. */
export function defaultNumberFormat(): Intl.NumberFormat {
  integerFormat ??= new Intl.NumberFormat('en-US');
  return integerFormat;
}

/** English cardinal plural rules (`one` / `other`); built once. */
export function englishPluralRules(): Intl.PluralRules {
  pluralRules ??= new Intl.PluralRules('en-US');
  return pluralRules;
}

/** The runtime-locale grapheme segmenter used for splitting and display widths; built once. */
export function graphemeSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/** How many date-time and number formatters are held; for tests of the bound only. */
export function cachedFormatterCounts(): { readonly dateTime: number; readonly number: number } {
  return { dateTime: dateTimeFormats.size, number: numberFormats.size };
}
