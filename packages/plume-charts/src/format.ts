// Internal: the few texts the charts write themselves (values in labels, durations, time formats).
import type { ChartLocale } from './locale';

/** A rate for a label: `1,234 Mbps`, `92.5 Mbps`, `0.75 Mbps`. */
export function formatMbps(locale: ChartLocale, mbps: number): string {
  const digits = mbps >= 100 ? 0 : mbps >= 10 ? 1 : 2;
  return `${locale.number(mbps, digits)} Mbps`;
}

/** A percentage for a bar label: `100`, `99.5`, `0`. */
export function formatPercent(locale: ChartLocale, percent: number): string {
  return locale.number(percent, percent === 100 || percent === 0 ? 0 : 1);
}

/** A duration in words a person reads at a glance: `45 min`, `2 h 5 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${Math.max(minutes, ms > 0 ? 1 : 0)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** A chart's span as its subtitle names it: `Last 3 hours`, `Last 24 hours`, `Last 7 days`. */
export function lastSpan(spanMs: number): string {
  const hours = spanMs / 3_600_000;
  if (hours > 48 && hours % 24 === 0) return `Last ${hours / 24} days`;
  if (Number.isInteger(hours)) return hours === 1 ? 'Last hour' : `Last ${hours} hours`;
  return `Last ${formatDuration(spanMs)}`;
}

/** The d3 time format of a time-axis label for a span of `spanMs`. */
export function timeAxisFormat(locale: ChartLocale, spanMs: number): string {
  const clock = locale.hour24 ? '%H:%M' : '%-I %p';
  if (spanMs <= 36 * 3_600_000) return clock;
  return '%a %-d %b';
}
