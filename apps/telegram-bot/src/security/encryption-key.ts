import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';

/** Name of the generated key file inside `DATA_DIR`. */
export const KEY_FILE_NAME = 'encryption.key';

/**
 * The key that encrypts stored credentials: `BOT_ENCRYPTION_KEY` when set; otherwise a key generated
 * once into `DATA_DIR/encryption.key` (mode 0600) and read back on later starts, with a warning,
 * because a key beside the database protects a copy of the database but not a copy of the folder.
 */
export function loadEncryptionKey(options: {
  configured?: Buffer | undefined;
  dataDir: string;
  logger: Logger;
}): Buffer {
  if (options.configured !== undefined) return options.configured;
  const file = join(options.dataDir, KEY_FILE_NAME);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    options.logger.warn(
      { file },
      'BOT_ENCRYPTION_KEY is not set: generated a key into the data folder (mode 0600). Set BOT_ENCRYPTION_KEY in production and keep it apart from the data.',
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    options.logger.warn({ file }, 'BOT_ENCRYPTION_KEY is not set: using the key generated earlier in the data folder.');
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new Error(`${file} does not hold a 32-byte base64 key; restore it or set BOT_ENCRYPTION_KEY.`);
  return key;
}
