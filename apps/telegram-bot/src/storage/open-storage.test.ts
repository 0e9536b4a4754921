import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { parseDatabaseUrl } from '../database-url';
import { KEY_FILE_NAME } from '../security/encryption-key';
import { captureLogger } from '../testing/capture-logger';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { EncryptionKeyMismatchError } from './key-check';
import { EncryptionKeyRequiredError, openStorage } from './open-storage';
import { DatabaseUnavailableError } from './pg-database';
import { PG_SCHEMA_VERSION } from './pg-schema';
import { DATABASE_FILE_NAME } from './sqlite-user-store';

describe('openStorage on SQLite (no database URL)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'open-storage-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens every store on one file in the data folder, and keeps what they wrote across a reopen', async () => {
    const { logger } = captureLogger();
    const storage = await openStorage({ dataDir, logger });
    expect(storage.backend).toBe('sqlite');
    await storage.users.update(7, (state) => ({ ...state, draft: { partnerId: 'p-1' } }));
    await storage.settings.setRoute(7, { chatId: -100, chatTitle: 'NOC' });
    await expect(storage.ping()).resolves.toBeUndefined();
    await storage.close();
    await storage.close(); // twice is harmless

    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true);
    expect(existsSync(join(dataDir, KEY_FILE_NAME))).toBe(true); // no key configured: one was generated
    const again = await openStorage({ dataDir, logger });
    try {
      expect((await again.users.get(7)).draft).toEqual({ partnerId: 'p-1' });
      expect(await again.settings.route(7)).toEqual({ chatId: -100, chatTitle: 'NOC' });
    } finally {
      await again.close();
    }
  });

  it('refuses a configured key that is not the one the file was sealed with', async () => {
    const { logger } = captureLogger();
    const first = await openStorage({ dataDir, logger, encryptionKey: randomBytes(32) });
    await first.close();
    await expect(openStorage({ dataDir, logger, encryptionKey: randomBytes(32) })).rejects.toBeInstanceOf(
      EncryptionKeyMismatchError,
    );
  });
});

describe('openStorage on PostgreSQL (a database URL)', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeEach(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'open-storage-pg-'));
  });
  afterEach(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function appliedSteps(): Promise<number> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      return rows[0]?.n ?? 0;
    } finally {
      await client.end();
    }
  }

  it('needs a configured key: a key generated per replica would not be the database’s', async () => {
    const { logger } = captureLogger();
    await expect(openStorage({ dataDir, logger, database: parseDatabaseUrl(database.url) })).rejects.toBeInstanceOf(
      EncryptionKeyRequiredError,
    );
    expect(existsSync(join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('prepares the database and opens every store on it', async () => {
    const { logger } = captureLogger();
    const options = { dataDir, logger, database: parseDatabaseUrl(database.url), encryptionKey: randomBytes(32) };
    const storage = await openStorage(options);
    expect(storage.backend).toBe('postgres');
    await storage.ping();
    await storage.close();
    expect(await appliedSteps()).toBe(PG_SCHEMA_VERSION);
    // The key check was written with the first key: another key is refused.
    await expect(openStorage({ ...options, encryptionKey: randomBytes(32) })).rejects.toBeInstanceOf(
      EncryptionKeyMismatchError,
    );
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(false); // nothing went to SQLite
  });

  it('says which database it cannot reach, without its password', async () => {
    const { logger } = captureLogger();
    const url = parseDatabaseUrl('postgres://bot:s3cret-pw@127.0.0.1:1/bot');
    const failure = await openStorage({ dataDir, logger, database: url, encryptionKey: randomBytes(32) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as Error).message).toContain('postgres://bot:***@127.0.0.1:1/bot');
    expect((failure as Error).message).not.toContain('s3cret-pw');
  });
});
