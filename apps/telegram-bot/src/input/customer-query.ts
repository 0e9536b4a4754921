import { z } from 'zod';

/** How /locations should look a customer up. */
export type CustomerQuery =
  | { kind: 'id'; value: string }
  | { kind: 'email'; value: string }
  /** `maybeSerial`: it could be a pod serial number (letters and digits, with a digit), tried after account ids. */
  | { kind: 'text'; value: string; maybeSerial: boolean };

const MAX_LENGTH = 200;

/** What a user typed to find a customer: a customer id, an email, an account id, a name or a pod serial. */
export const customerQuerySchema = z
  .string()
  .trim()
  .min(1, 'Send a customer id, an email, an account id, a name or a pod serial.')
  .max(MAX_LENGTH, `That is too long: a customer id, email, account id or name has at most ${MAX_LENGTH} characters.`)
  .refine(
    (text) => !/[\u0000-\u001f\u007f]/.test(text),
    'That text holds control characters; send just the id, email or name.',
  )
  .transform((value): CustomerQuery => {
    if (/^[0-9a-fA-F]{24}$/.test(value)) return { kind: 'id', value };
    if (/^[^\s@]+@[^\s@]+$/.test(value)) return { kind: 'email', value };
    return { kind: 'text', value, maybeSerial: /^(?=.*\d)[A-Za-z0-9]{6,32}$/.test(value) };
  });
