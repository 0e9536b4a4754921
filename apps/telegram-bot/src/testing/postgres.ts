import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database of its own for one test file, on the tests' throwaway server. */
export interface TestDatabase {
  url: string;
  /** What the stores may call it in logs (no password: the test server has none). */
  name: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database on the server jest's globalSetup started (tools/jest/postgres-setup.mjs,
 * which sets TEST_POSTGRES_URL), so that test files running side by side never see each other's rows;
 * or on `server` (a benchmark's).
 * @throws {Error} when TEST_POSTGRES_URL is unset (the project's jest.config.mjs lacks the globalSetup)
 * @example const db = await createTestDatabase(); ...; await db.drop();
 */
export async function createTestDatabase(server = process.env.TEST_POSTGRES_URL): Promise<TestDatabase> {
  if (server === undefined || server === '') {
    throw new Error(
      'TEST_POSTGRES_URL is unset: run the tests through jest.config.mjs, whose globalSetup starts PostgreSQL.',
    );
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
