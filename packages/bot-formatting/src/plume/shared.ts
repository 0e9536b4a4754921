import { concat, type FormatInput, type FormattedText } from '../rich-text';
import { split } from '../split';
import { code } from '../styles';
import { formatTimeZone, isValidTimeZone, type Instant } from '../time';
import { trimLineEnds } from './trim-line-ends';

/** Options every renderer takes. */
export interface RenderOptions {
  /**
   * IANA time zone in which times are shown (and stated once, in the report's last line).
   *
   * @default 'UTC' (the WAN report defaults to the zone its analysis used)
   */
  readonly timeZone?: string;
  /**
   * Longest part, in UTF-16 code units: 4096 for messages, 1024 for captions.
   *
   * @default 4096
   */
  readonly limit?: number;
}

/** A location as the renderers name it: its display name and its Plume id, both optional. */
export interface LocationRef {
  readonly id?: string | null;
  readonly name?: string | null;
}

/** Renders `🏠 name · id` (the id in `code`; left out when blank), falling back to "Unnamed location". */
export function locationLine(location: LocationRef | null | undefined): FormattedText {
  const name = location?.name?.trim() || 'Unnamed location';
  const id = location?.id?.trim();
  return id ? concat('🏠 ', name, ' · ', code(id)) : concat('🏠 ', name);
}

/** The zone to use, validated once so a bad zone fails with a clear message. */
export function resolveTimeZone(timeZone: string | undefined, fallback = 'UTC'): string {
  const zone = timeZone ?? fallback;
  if (!isValidTimeZone(zone))
    throw new RangeError(`Unknown time zone "${zone}"; use an IANA name such as "Europe/Berlin"`);
  return zone;
}

/** The line that states the time zone once: `Times in Europe/Berlin (UTC+01:00).` */
export function timeZoneNote(timeZone: string, at: Instant): string {
  return `Times in ${formatTimeZone(timeZone, at)}.`;
}

/**
 * Joins report sections with blank lines, skipping empty ones, drops the spaces at line ends (which
 * text from callers or the API can bring in) and splits the result.
 */
export function finish(
  sections: readonly (FormatInput | null | undefined | false)[],
  options: RenderOptions,
): FormattedText[] {
  const present = sections.filter((s): s is FormatInput => s !== null && s !== undefined && s !== false && s !== '');
  const parts: FormatInput[] = [];
  present.forEach((section, index) => {
    if (index > 0) parts.push('\n\n');
    parts.push(section);
  });
  return split(trimLineEnds(concat(...parts)), options.limit === undefined ? {} : { limit: options.limit });
}

/** Trims a value from the API for display; empty, null and missing become `fallback`. */
export function shown(value: string | null | undefined, fallback = 'n/a'): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? fallback : trimmed;
}

/** `Excellent` from `excellent`. */
export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
