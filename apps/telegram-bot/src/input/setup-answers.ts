import { parseAuthorization } from '@org/plume-sdk';
import { z } from 'zod';

/** Each answer of /setup, checked for form before anything is sent to Plume. */

/**
 * `Basic <base64 of client-id:client-secret>`, as the Plume Portal gives it, normalised by the
 * SDK's own rule (the one the client applies to its `authorization` option).
 */
export const authorizationHeaderSchema = z
  .string()
  .trim()
  .max(2000, 'That is far too long for an authorization header.')
  .transform((text, ctx) => {
    const parsed = parseAuthorization(text);
    if ('header' in parsed) return parsed.header;
    ctx.addIssue({ code: 'custom', message: `The header ${parsed.problem}.` });
    return z.NEVER;
  });

/**
 * True when `text` holds a Plume authorization header anywhere (`Basic ` and the base64 of
 * client-id:client-secret, as the SDK reads it), so that it can be deleted wherever it was pasted.
 */
export function looksLikeAuthorizationHeader(text: string): boolean {
  for (const [candidate] of text.matchAll(/\bbasic:?\s+[A-Za-z0-9+/_-]{8,}={0,2}/gi)) {
    if ('header' in parseAuthorization(candidate)) return true;
  }
  return false;
}

/** A Plume Partner ID: 24 hexadecimal digits. */
export const partnerIdSchema = z
  .string()
  .trim()
  .regex(
    /^[0-9a-fA-F]{24}$/,
    'A Partner ID is exactly 24 hexadecimal digits (0–9, a–f), e.g. 64a1f2c3d4e5f60718293a4b.',
  );

/** The token URL or API base of another Plume cloud. */
export const cloudUrlSchema = z
  .string()
  .trim()
  .max(500, 'That is too long for a URL.')
  .pipe(z.url({ protocol: /^https?$/, error: 'It must be a full URL starting with https://' }));

/** The first problem of a failed parse, as one sentence for the user. */
export function reasonOf(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'That answer has the wrong form.';
}
