import { z } from 'zod';

/** The longest purpose an agent may give, in characters. */
export const MAX_PURPOSE_LENGTH = 80;
/** How long a purpose given with /purpose holds (an hour), in ms. */
export const PURPOSE_TTL_MS = 60 * 60 * 1000;

/**
 * A purpose an agent gives for looking at customers' data (`ticket 4711`): trimmed, 3 to
 * {@link MAX_PURPOSE_LENGTH} characters, with no control or invisible formatting characters
 * (line breaks, bidirectional controls), since it is shown in /audit and written to CSV.
 */
export const purposeSchema = z
  .string()
  .trim()
  .min(3, 'A purpose needs at least 3 characters, e.g. “ticket 4711”.')
  .max(MAX_PURPOSE_LENGTH, `A purpose may have at most ${MAX_PURPOSE_LENGTH} characters.`)
  .refine((text) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(text), {
    message: 'A purpose may not hold line breaks, tabs or invisible formatting characters.',
  });

/**
 * Reads the purpose an agent typed: the purpose, or why it cannot be used (a sentence for them).
 * @example parsePurpose(' ticket 4711 ') // { purpose: 'ticket 4711' }
 * @example parsePurpose('a\nb') // { error: 'A purpose may not hold line breaks, …' }
 */
export function parsePurpose(text: string): { purpose: string } | { error: string } {
  const parsed = purposeSchema.safeParse(text);
  return parsed.success ? { purpose: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'Not a purpose.' };
}

/**
 * What the audit log records as a lookup's purpose: the agent's own purpose with what was looked
 * at, or what was looked at alone when they gave none.
 * @example auditPurpose('ticket 4711', 'health report') // 'ticket 4711 (health report)'
 * @example auditPurpose(null, 'health report') // 'health report'
 */
export function auditPurpose(given: string | null, kind: string): string {
  return given === null ? kind : `${given} (${kind})`;
}
