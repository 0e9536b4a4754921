import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, createConfig, parseEncryptionKey } from './config';
import type { Logger } from './logger';
import { KEY_FILE_NAME, loadEncryptionKey } from './security/encryption-key';
import { rotateEncryptionKey } from './storage/rotate-key';
import { DATABASE_FILE_NAME } from './storage/sqlite-user-store';

/**
 * `npm run rotate-key`: re-seals every stored credential under `BOT_NEW_ENCRYPTION_KEY`. The current
 * key is `BOT_ENCRYPTION_KEY`, or else the key generated into `DATA_DIR`; the database is
 * `DATA_DIR/bot.sqlite`. Returns what to tell the operator; keys are never printed.
 * @throws {ConfigError} when a key is missing or malformed
 * @throws {EncryptionKeyMismatchError} when the current key is not the database's
 * @throws {RotationError} when there is no database, or a row does not open
 * @example rotateKeyCommand(process.env, logger) // 'Re-sealed 12 users' stored state and 3 workspaces' credentials…'
 */
export function rotateKeyCommand(env: Readonly<Record<string, string | undefined>>, logger: Logger): string {
  const config = createConfig(env);
  const to = parseEncryptionKey('BOT_NEW_ENCRYPTION_KEY', env.BOT_NEW_ENCRYPTION_KEY);
  if (config.encryptionKey === undefined && !existsSync(join(config.dataDir, KEY_FILE_NAME))) {
    throw new ConfigError([
      `BOT_ENCRYPTION_KEY is required: set it to the current key (there is no generated key in ${config.dataDir})`,
    ]);
  }
  const from = loadEncryptionKey({ configured: config.encryptionKey, dataDir: config.dataDir, logger });
  const { resealed, workspaces } = rotateEncryptionKey({ file: join(config.dataDir, DATABASE_FILE_NAME), from, to });
  const leftover =
    config.encryptionKey === undefined
      ? ` Then delete ${join(config.dataDir, KEY_FILE_NAME)}, which holds the old key.`
      : '';
  return `Re-sealed ${resealed} user${resealed === 1 ? "'s" : "s'"} stored state and ${workspaces} workspace${workspaces === 1 ? "'s" : "s'"} credentials under the new key. Start the bot with BOT_ENCRYPTION_KEY set to the value of BOT_NEW_ENCRYPTION_KEY.${leftover}`;
}
