// Internal: the chart options, validated once into a fully resolved object.
import { z } from 'zod';
import { ChartsError } from './errors';
import type { ChartOptions, ChartTheme } from './types';

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly timeZone: string;
  readonly locale: string;
  readonly theme: ChartTheme;
  readonly title: string | undefined;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isLocale(value: string): boolean {
  try {
    Intl.NumberFormat.supportedLocalesOf([value]);
    return value.trim() !== '';
  } catch {
    return false;
  }
}

const optionsSchema = z.object({
  width: z.number().int().min(200).max(4000).optional(),
  height: z.number().int().min(150).max(4000).optional(),
  scale: z.number().min(1).max(4).optional(),
  timeZone: z
    .string()
    .refine(isTimeZone, { message: "is not an IANA time zone this runtime knows (e.g. 'UTC', 'Europe/Berlin')" })
    .optional(),
  locale: z.string().refine(isLocale, { message: "is not a BCP 47 locale tag (e.g. 'en-GB', 'de-DE')" }).optional(),
  theme: z.enum(['light', 'dark']).optional(),
  title: z.string().max(200).optional(),
});

/**
 * Validates the options and fills in the defaults.
 *
 * @throws {@link ChartsError} `INVALID_OPTION` naming each bad option.
 */
export function resolveOptions(options: ChartOptions | null | undefined, defaultTitle: string): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'} ${issue.message}`);
    throw new ChartsError('INVALID_OPTION', `Chart options: ${problems.join('; ')}.`);
  }
  const value = parsed.data;
  return {
    width: value.width ?? 800,
    height: value.height ?? 450,
    scale: value.scale ?? 2,
    timeZone: value.timeZone ?? 'UTC',
    locale: value.locale ?? 'en-GB',
    theme: value.theme ?? 'light',
    title: value.title ?? defaultTitle,
  };
}
