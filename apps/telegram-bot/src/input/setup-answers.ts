import { z } from 'zod';

/** Each answer of /setup, checked for form before anything is sent to Plume. */

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const isBase64 = (encoded: string) => encoded.length % 4 === 0 && BASE64.test(encoded);
const encodesClientCredentials = (encoded: string) => /^[^:]+:.+$/s.test(Buffer.from(encoded, 'base64').toString('utf8'));

/** `Basic <base64 of client-id:client-secret>`, as the Plume Portal gives it. */
export const authorizationHeaderSchema = z
  .string()
  .trim()
  .max(2000, 'That is far too long for an authorization header.')
  .transform((text) => text.replace(/^basic:?\s+/i, 'Basic '))
  .refine((text) => text.startsWith('Basic '), 'It must start with “Basic ” followed by base64 text, e.g. Basic dXNlcjpwYXNzd29yZA==')
  .refine((text) => isBase64(text.slice('Basic '.length).trim()), 'The text after “Basic ” is not valid base64.')
  .refine((text) => encodesClientCredentials(text.slice('Basic '.length).trim()), {
    message: 'The base64 text must encode client-id:client-secret.',
  });

/**
 * True when `text` holds a Plume authorization header anywhere (`Basic ` and the base64 of
 * client-id:client-secret), so that it can be deleted wherever it was pasted.
 */
export function looksLikeAuthorizationHeader(text: string): boolean {
  for (const [, encoded = ''] of text.matchAll(/\bbasic:?\s+([A-Za-z0-9+/]{8,}={0,2})/gi)) {
    if (isBase64(encoded) && encodesClientCredentials(encoded)) return true;
  }
  return false;
}

/** A Plume Partner ID: 24 hexadecimal digits. */
export const partnerIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{24}$/, 'A Partner ID is exactly 24 hexadecimal digits (0–9, a–f), e.g. 64a1f2c3d4e5f60718293a4b.');

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
