import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ConfigError } from './config';
import { rotateKeyCommand } from './rotate-key-command';
import { createCipher } from './security/cipher';
import { EncryptionKeyMismatchError } from './storage/key-check';
import { openPgTeamStore } from './storage/pg-team-store';
import { captureLogger } from './testing/capture-logger';
import { createTestDatabase, type TestDatabase } from './testing/postgres';

describe('npm run rotate-key with DATABASE_URL', () => {
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  const logger = captureLogger().logger;
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.drop();
  });

  async function workspaceDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    const team = await openPgTeamStore({ url: db.url, name: db.name, cipher: createCipher(keyA), logger });
    await team.saveCredentials(1, { authorization: 'Basic c2VjcmV0OnNlY3JldA==', partnerId: 'b'.repeat(24) });
    await team.close();
    return db;
  }

  it('rotates the PostgreSQL database, never the data folder, and tells the operator to restart every replica', async () => {
    const db = await workspaceDatabase();
    const told = await rotateKeyCommand(
      {
        DATABASE_URL: db.url,
        DATA_DIR: '/nonexistent',
        BOT_ENCRYPTION_KEY: keyA.toString('base64'),
        BOT_NEW_ENCRYPTION_KEY: keyB.toString('hex'),
      },
      logger,
    );
    expect(told).toBe(
      "Re-sealed 0 users' stored state and 1 workspace's credentials under the new key. Start every replica with BOT_ENCRYPTION_KEY set to the value of BOT_NEW_ENCRYPTION_KEY.",
    );
    await expect(openPgTeamStore({ url: db.url, name: db.name, cipher: createCipher(keyA), logger })).rejects.toThrow(
      EncryptionKeyMismatchError,
    );
    const team = await openPgTeamStore({ url: db.url, name: db.name, cipher: createCipher(keyB), logger });
    const membership = await team.membership(1);
    expect(membership).not.toBeNull();
    expect((await team.credentials(membership?.workspaceId ?? 0))?.partnerId).toBe('b'.repeat(24));
    await team.close();
  });

  it('needs the current key set: replicas share no generated key', async () => {
    const env = { DATABASE_URL: 'postgres://bot@db/bot', BOT_NEW_ENCRYPTION_KEY: keyB.toString('base64') };
    await expect(rotateKeyCommand(env, logger)).rejects.toThrow(ConfigError);
    await expect(rotateKeyCommand(env, logger)).rejects.toThrow(/BOT_ENCRYPTION_KEY is required with DATABASE_URL/);
  });

  it('names a DATABASE_URL that is not a PostgreSQL URL without echoing it', async () => {
    const rotation = rotateKeyCommand(
      {
        DATABASE_URL: 'mysql://bot:s3cret@db/bot',
        BOT_ENCRYPTION_KEY: keyA.toString('base64'),
        BOT_NEW_ENCRYPTION_KEY: keyB.toString('base64'),
      },
      logger,
    );
    await expect(rotation).rejects.toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    await expect(rotation).rejects.not.toThrow(/s3cret/);
  });
});
