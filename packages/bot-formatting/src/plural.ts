import { defaultNumberFormat, englishPluralRules } from './intl-cache';

/**
 * A count with its noun in the right English form: `1 pod`, `0 pods`, `2 pods`. The count gets
 * thousands separators.
 *
 * @default many `${one}s`
 * @example
 * ```ts
 * plural(1, 'pod'); // '1 pod'
 * plural(3, 'pod'); // '3 pods'
 * plural(2, 'device', 'devices'); // '2 devices'
 * plural(2, 'outage', 'outages'); // '2 outages'
 * ```
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${defaultNumberFormat().format(count)} ${englishPluralRules().select(count) === 'one' ? one : many}`;
}
