/**
 * Numbers with units, in English notation (`1,234.5`). Data volumes use decimal units
 * (1 GB = 1000 MB, as ISPs bill), rates stay in megabits per second as Plume reports them.
 * One number formatter per count of decimals is built and reused (`intl-cache.ts`).
 */
import { fixedNumberFormat } from './intl-cache';

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} needs a finite number, got ${value}`);
}

/**
 * A number with thousands separators and a fixed number of decimals.
 *
 * @default decimals 0
 * @throws {RangeError} When `value` is not finite.
 * @example
 * ```ts
 * formatNumber(1234.56, 1); // '1,234.6'
 * ```
 */
export function formatNumber(value: number, decimals = 0): string {
  assertFinite(value, 'formatNumber()');
  const text = fixedNumberFormat(decimals).format(value);
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/**
 * A rate in megabits per second.
 *
 * @default decimals 1
 * @throws {RangeError} When `mbps` is not finite.
 * @example
 * ```ts
 * formatMbps(245.55); // '245.6 Mbps'
 * ```
 */
export function formatMbps(mbps: number, decimals = 1): string {
  return `${formatNumber(mbps, decimals)} Mbps`;
}

const VOLUME_UNITS = [
  { unit: 'TB', megabytes: 1_000_000 },
  { unit: 'GB', megabytes: 1_000 },
  { unit: 'MB', megabytes: 1 },
  { unit: 'kB', megabytes: 0.001 },
] as const;

/**
 * A data volume given in megabytes, shown in the largest decimal unit (kB, MB, GB, TB) that keeps
 * it at 1 or more, with three significant digits at most (`850 MB`, `12.3 GB`, `1.23 TB`).
 *
 * @throws {RangeError} When `megabytes` is negative or not finite.
 * @example
 * ```ts
 * formatVolume(12_345); // '12.3 GB'
 * formatVolume(0); // '0 MB'
 * ```
 */
export function formatVolume(megabytes: number): string {
  assertFinite(megabytes, 'formatVolume()');
  if (megabytes < 0) throw new RangeError(`formatVolume() needs a non-negative volume, got ${megabytes}`);
  if (megabytes === 0) return '0 MB';
  // Choose the unit after rounding, so 999.99 MB reads `1.00 GB`, not `1,000 MB`.
  const threeDigits = (size: number) => Number((megabytes / size).toPrecision(3));
  const { unit, megabytes: size } = VOLUME_UNITS.find((u) => threeDigits(u.megabytes) >= 1) ?? VOLUME_UNITS[3];
  const rounded = threeDigits(size);
  const decimals = rounded >= 100 ? 0 : rounded >= 10 ? 1 : 2;
  return `${formatNumber(megabytes / size, decimals)} ${unit}`;
}

/**
 * A percentage given from 0 to 100.
 *
 * @default decimals 1
 * @throws {RangeError} When `percent` is not finite.
 * @example
 * ```ts
 * formatPercent(99.84); // '99.8%'
 * ```
 */
export function formatPercent(percent: number, decimals = 1): string {
  return `${formatNumber(percent, decimals)}%`;
}
