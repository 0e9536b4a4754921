import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, createConfig, type Config } from './config';
import { parseDatabaseUrl } from './database-url';
import { parseEncryptionKey } from './encryption-key-setting';
import type { Logger } from './logger';
import { KEY_FILE_NAME, loadEncryptionKey } from './security/encryption-key';
import { rotatePgEncryptionKey } from './storage/pg-rotate-key';
import { resealPgUpdateInbox } from './storage/pg-update-inbox';
import { rotateEncryptionKey, type RotationResult } from './storage/rotate-key';
import { DATABASE_FILE_NAME } from './storage/sqlite-user-store';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `npm run rotate-key`: re-seals every stored credential under `BOT_NEW_ENCRYPTION_KEY`, with every
 * bot process (every replica) stopped. The current key is `BOT_ENCRYPTION_KEY`, or else the key
 * generated into `DATA_DIR`; the database is `DATABASE_URL` (PostgreSQL) when set, else
 * `DATA_DIR/bot.sqlite`. Returns what to tell the operator; keys and passwords are never printed.
 * @throws {ConfigError} when a key is missing or malformed, or `DATABASE_URL` is not a PostgreSQL URL
 * @throws {EncryptionKeyMismatchError} when the current key is not the database's
 * @throws {RotationError} when there is no database, a row does not open, or (PostgreSQL) a replica is still connected
 * @throws {DatabaseUnavailableError} when the PostgreSQL server cannot be reached
 * @example await rotateKeyCommand(process.env, logger) // 'Re-sealed 12 users' stored state and 3 workspaces' credentials…'
 */
export async function rotateKeyCommand(env: Env, logger: Logger): Promise<string> {
  const config = createConfig(env);
  const to = parseEncryptionKey('BOT_NEW_ENCRYPTION_KEY', env.BOT_NEW_ENCRYPTION_KEY);
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL.trim() !== '') return rotatePostgres(env, config, to, logger);
  if (config.encryptionKey === undefined && !existsSync(join(config.dataDir, KEY_FILE_NAME))) {
    throw new ConfigError([
      `BOT_ENCRYPTION_KEY is required: set it to the current key (there is no generated key in ${config.dataDir})`,
    ]);
  }
  const from = loadEncryptionKey({ configured: config.encryptionKey, dataDir: config.dataDir, logger });
  const result = rotateEncryptionKey({ file: join(config.dataDir, DATABASE_FILE_NAME), from, to });
  const leftover =
    config.encryptionKey === undefined
      ? ` Then delete ${join(config.dataDir, KEY_FILE_NAME)}, which holds the old key.`
      : '';
  return `${summary(result)} Start the bot with BOT_ENCRYPTION_KEY set to the value of BOT_NEW_ENCRYPTION_KEY.${leftover}`;
}

async function rotatePostgres(env: Env, config: Config, to: Buffer, logger: Logger): Promise<string> {
  const database = parseDatabaseUrl(env.DATABASE_URL);
  if (config.encryptionKey === undefined) {
    throw new ConfigError(['BOT_ENCRYPTION_KEY is required with DATABASE_URL: set it to the current key']);
  }
  const result = await rotatePgEncryptionKey({
    url: database.url,
    name: database.redacted,
    from: config.encryptionKey,
    to,
    resealInbox: resealPgUpdateInbox,
    logger,
  });
  return `${summary(result)} Start every replica with BOT_ENCRYPTION_KEY set to the value of BOT_NEW_ENCRYPTION_KEY.`;
}

const summary = ({ resealed, workspaces }: RotationResult) =>
  `Re-sealed ${resealed} user${resealed === 1 ? "'s" : "s'"} stored state and ${workspaces} workspace${workspaces === 1 ? "'s" : "s'"} credentials under the new key.`;
