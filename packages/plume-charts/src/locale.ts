// Internal: a Vega locale (d3-format and d3-time-format definitions) built from Intl, so numbers,
// day and month names follow the chosen locale without shipping locale tables.

/** Vega-Lite `config.locale`. */
export interface VegaLocale {
  readonly number: {
    readonly decimal: string;
    readonly thousands: string;
    readonly grouping: readonly number[];
    readonly currency: readonly [string, string];
  };
  readonly time: {
    readonly dateTime: string;
    readonly date: string;
    readonly time: string;
    readonly periods: readonly [string, string];
    readonly days: readonly string[];
    readonly shortDays: readonly string[];
    readonly months: readonly string[];
    readonly shortMonths: readonly string[];
  };
}

/** The locale, and whether it writes times with a 24-hour clock. */
export interface ChartLocale {
  readonly vega: VegaLocale;
  readonly hour24: boolean;
  /** Formats a number with at most `digits` fraction digits, e.g. `1,234.5`. */
  readonly number: (value: number, digits: number) => string;
}

function part(format: Intl.NumberFormat, value: number, type: Intl.NumberFormatPartTypes, fallback: string): string {
  return format.formatToParts(value).find((p) => p.type === type)?.value ?? fallback;
}

function names(locale: string, options: Intl.DateTimeFormatOptions, dates: readonly number[]): string[] {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return dates.map((date) => format.format(date));
}

/** Builds the locale; `locale` is a valid BCP 47 tag. */
export function chartLocale(locale: string): ChartLocale {
  const numbers = new Intl.NumberFormat(locale);
  // 2024-01-07 was a Sunday; d3 lists days from Sunday.
  const days = Array.from({ length: 7 }, (_, i) => Date.UTC(2024, 0, 7 + i));
  const months = Array.from({ length: 12 }, (_, i) => Date.UTC(2024, i, 15));
  const periodFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
  const period = (hour: number) =>
    periodFormat.formatToParts(Date.UTC(2024, 0, 1, hour)).find((p) => p.type === 'dayPeriod')?.value ?? '';
  const hourCycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const formats = new Map<number, Intl.NumberFormat>();
  return {
    vega: {
      number: {
        decimal: part(numbers, 1.5, 'decimal', '.'),
        thousands: part(numbers, 12345, 'group', ','),
        grouping: [3],
        currency: ['', ''],
      },
      time: {
        dateTime: '%a %e %b %Y %X',
        date: '%d/%m/%Y',
        time: '%H:%M:%S',
        periods: [period(9) || 'AM', period(21) || 'PM'],
        days: names(locale, { weekday: 'long' }, days),
        shortDays: names(locale, { weekday: 'short' }, days),
        months: names(locale, { month: 'long' }, months),
        shortMonths: names(locale, { month: 'short' }, months),
      },
    },
    hour24: hourCycle === 'h23' || hourCycle === 'h24',
    number: (value, digits) => {
      let format = formats.get(digits);
      if (format === undefined) {
        format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
        formats.set(digits, format);
      }
      return format.format(value);
    },
  };
}
