const UNITS = [
  { unit: 'd', ms: 86_400_000 },
  { unit: 'h', ms: 3_600_000 },
  { unit: 'min', ms: 60_000 },
  { unit: 's', ms: 1_000 },
] as const;

/**
 * A duration in milliseconds as its two largest non-zero units, rounded to whole seconds:
 * `45 s`, `12 min 5 s`, `2 h 5 min`, `3 d 4 h`. Lower units are dropped, not rounded.
 *
 * @throws {RangeError} When `ms` is negative or not finite.
 * @example
 * ```ts
 * formatDuration(7_500_000); // '2 h 5 min'
 * formatDuration(0); // '0 s'
 * ```
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`formatDuration() needs a non-negative number of ms, got ${ms}`);
  let rest = Math.round(ms / 1000) * 1000;
  const parts: string[] = [];
  for (const { unit, ms: size } of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${unit}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((p) => !p.startsWith('0 '));
  return shown.length > 0 ? shown.join(' ') : '0 s';
}
