import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { message } from '../testing/update-inbox-contract';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { EncryptionKeyMismatchError } from './key-check';
import { openPgPool, PG_APPLICATION_NAME } from './pg-database';
import { ROTATION_LOCK, rotatePgEncryptionKey, type PgResealer } from './pg-rotate-key';
import { pgUpdateInbox, resealPgUpdateInbox } from './pg-update-inbox';
import type { UpdateInbox } from './update-inbox';
import { openPgTeamStore } from './pg-team-store';
import { openPgUserStore } from './pg-user-store';
import { RotationError } from './rotate-key';

const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ=';
const credentials = { authorization: 'Basic c2VjcmV0OnNlY3JldA==', partnerId: 'b'.repeat(24) };

describe('rotating the key of a PostgreSQL database', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const logger = captureLogger().logger;
  const databases: TestDatabase[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end();
    for (const db of databases.splice(0)) await db.drop();
  });

  /** A database with two users (one with a /setup draft), a workspace with credentials and a cached Plume token. */
  async function seeded(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    const options = { url: db.url, name: db.name, cipher: createCipher(oldKey), logger };
    const users = await openPgUserStore(options);
    await users.update(1, (s) => ({ ...s, draft: { authorization: HEADER, partnerId: 'p' } }));
    await users.update(2, (s) => ({ ...s, selection: { customerId: 'c', locationId: 'l', name: 'Home' } }));
    await users.close();
    const team = await openPgTeamStore(options);
    await team.saveCredentials(3, credentials);
    await team.close();
    await sql(db, "INSERT INTO plume_tokens (cache_key, sealed, expires_at) VALUES ('k', 'v1.token', 1)");
    return db;
  }

  async function connect(db: TestDatabase, applicationName = 'operator'): Promise<Client> {
    const client = new Client({ connectionString: db.url, application_name: applicationName });
    await client.connect();
    clients.push(client);
    return client;
  }

  async function sql(db: TestDatabase, statement: string): Promise<Array<Record<string, unknown>>> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(statement)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  }

  const rotate = (db: TestDatabase, from = oldKey, resealInbox: PgResealer = resealPgUpdateInbox) =>
    rotatePgEncryptionKey({ url: db.url, name: db.name, from, to: newKey, resealInbox, logger });

  /** What the stores read under `key`: user 1's draft and the workspace's credentials. */
  async function readUnder(db: TestDatabase, key: Buffer) {
    const options = { url: db.url, name: db.name, cipher: createCipher(key), logger };
    const users = await openPgUserStore(options);
    const team = await openPgTeamStore(options);
    try {
      const membership = await team.membership(3);
      return {
        draft: (await users.get(1)).draft?.authorization,
        credentials: membership === null ? null : await team.credentials(membership.workspaceId),
      };
    } finally {
      await users.close();
      await team.close();
    }
  }

  it('re-seals every user and workspace under the new key in one go; the old key is refused after', async () => {
    const db = await seeded();
    const before = await sql(db, 'SELECT secret_state FROM users WHERE user_id = 1');
    expect(await rotate(db)).toEqual({ resealed: 1, workspaces: 1 });
    expect(await sql(db, 'SELECT secret_state FROM users WHERE user_id = 1')).not.toEqual(before);
    expect(await readUnder(db, newKey)).toEqual({ draft: HEADER, credentials });
    const stale = readUnder(db, oldKey);
    await expect(stale).rejects.toThrow(EncryptionKeyMismatchError);
    // A replica still holding the old key is told the fix for a shared database, not a data folder's.
    await expect(stale).rejects.toThrow(/every replica needs that same key.*stop every replica.*DATABASE_URL/);
    await expect(stale).rejects.not.toThrow(/encryption\.key/);
    // Cached access tokens are dropped, not re-sealed: the replicas fetch new ones.
    expect(await sql(db, 'SELECT cache_key FROM plume_tokens')).toEqual([]);
  });

  it('refuses a current key that is not the database’s, naming the database, and changes nothing', async () => {
    const db = await seeded();
    const rotation = rotate(db, randomBytes(32));
    await expect(rotation).rejects.toThrow(EncryptionKeyMismatchError);
    await expect(rotation).rejects.toThrow(db.name);
    expect(await readUnder(db, oldKey)).toEqual({ draft: HEADER, credentials });
  });

  it('stops at a row that does not open, names it, and leaves every row under the old key', async () => {
    const db = await seeded();
    await sql(db, "UPDATE users SET secret_state = 'v1.AAAA.AAAA.AAAA' WHERE user_id = 2");
    const rotation = rotate(db);
    await expect(rotation).rejects.toThrow(RotationError);
    await expect(rotation).rejects.toThrow(/stored state of user 2 cannot be opened.*nothing was changed/);
    expect(await readUnder(db, oldKey)).toEqual({ draft: HEADER, credentials });
    expect(await sql(db, 'SELECT cache_key FROM plume_tokens')).toEqual([{ cache_key: 'k' }]);
  });

  it('refuses while a replica is connected, and runs once it has stopped', async () => {
    const db = await seeded();
    const replica = await connect(db, PG_APPLICATION_NAME);
    const jobs = await connect(db, `${PG_APPLICATION_NAME}-jobs`);
    await connect(db, 'psql');
    await expect(rotate(db)).rejects.toThrow(/2 connections of the bot are open to .*stop every replica/);
    expect(await readUnder(db, oldKey)).toEqual({ draft: HEADER, credentials });
    for (const client of [replica, jobs]) {
      await client.end();
      clients.splice(clients.indexOf(client), 1);
    }
    expect(await rotate(db)).toEqual({ resealed: 1, workspaces: 1 });
  });

  it('refuses to run while another rotation of the database holds the rotation lock', async () => {
    const db = await seeded();
    const other = await connect(db);
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1)', [ROTATION_LOCK.toString()]);
    await expect(rotate(db)).rejects.toThrow(/Another key rotation is running/);
    await other.query('ROLLBACK');
    expect(await readUnder(db, oldKey)).toEqual({ draft: HEADER, credentials });
  });

  it('hands the inbox to its re-sealer in the same transaction: a failure there undoes everything', async () => {
    const db = await seeded();
    const failing: PgResealer = async (client) => {
      await client.query("UPDATE update_inbox SET update_body = 'x'");
      throw new Error('The stored update 9 does not open with the current key (damaged?)');
    };
    const rotation = rotate(db, oldKey, failing);
    await expect(rotation).rejects.toThrow(RotationError);
    await expect(rotation).rejects.toThrow(
      'The stored update 9 does not open with the current key (damaged?); nothing',
    );
    expect(await readUnder(db, oldKey)).toEqual({ draft: HEADER, credentials });
  });

  it("re-seals the inbox's pending updates and their effects, so that the next start resumes them", async () => {
    const db = await seeded();
    const replica = async <T>(key: Buffer, work: (inbox: UpdateInbox) => Promise<T>): Promise<T> => {
      const pool = openPgPool({ url: db.url, name: db.name, logger });
      try {
        return await work(pgUpdateInbox({ pool, cipher: createCipher(key), logger, replicaId: 'bot-1' }));
      } finally {
        await pool.end();
      }
    };
    await replica(oldKey, async (inbox) => {
      await inbox.admit(message(7, 1, '/status'), '1');
      await inbox.record(7, { index: 0, effect: 'store:get:1', result: { recent: [] } });
      await inbox.release(); // the replica stopped, leaving it pending
    });
    expect(await rotate(db)).toEqual({ resealed: 1, workspaces: 1 });
    expect(await replica(newKey, (inbox) => inbox.pending())).toEqual([
      { update: message(7, 1, '/status'), journal: [{ index: 0, effect: 'store:get:1', result: { recent: [] } }] },
    ]);
  });
});
