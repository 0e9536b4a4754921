import { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * An encryption key as the environment gives it (`BOT_ENCRYPTION_KEY`): 32 bytes, as 64 hex digits
 * or 44 base64 characters; parsed into those bytes.
 * @example encryptionKeySchema.parse('ab'.repeat(32)).length // 32
 */
export const encryptionKeySchema = z
  .string()
  .trim()
  .regex(
    /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
    'must be 32 random bytes as 64 hex digits or 44 base64 characters (openssl rand -base64 32)',
  )
  .transform((key) => (key.length === 64 ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64')));

/**
 * Reads a key given like `BOT_ENCRYPTION_KEY` (64 hex digits or 44 base64 characters) from another
 * variable, e.g. the new key of a rotation.
 * @throws {ConfigError} naming `variable` when it is unset or malformed; the value is never echoed
 * @example parseEncryptionKey('BOT_NEW_ENCRYPTION_KEY', env.BOT_NEW_ENCRYPTION_KEY).length // 32
 */
export function parseEncryptionKey(variable: string, value: string | undefined): Buffer {
  if (value === undefined || value.trim() === '')
    throw new ConfigError([`${variable} is required (openssl rand -base64 32)`]);
  const parsed = encryptionKeySchema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError([`${variable} ${parsed.error.issues[0]?.message ?? 'is not a valid key'}`]);
  return parsed.data;
}
