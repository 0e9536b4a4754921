import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Client, Pool } from 'pg';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { DatabaseUnavailableError, openPgPool, preparePgDatabase } from './pg-database';
import { MIGRATION_LOCK, migratePostgres, PG_SCHEMA_VERSION } from './pg-schema';
import { migrate } from './schema';

const databases: TestDatabase[] = [];
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  for (const db of databases.splice(0)) await db.drop();
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}
function pool(url: string): Pool {
  const p = new Pool({ connectionString: url, max: 2 });
  closers.push(() => p.end());
  return p;
}
async function client(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  closers.push(() => c.end());
  return c;
}

/** Waits until `check` holds; never asserts on time (it fails only if `check` never holds). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await check()); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('the PostgreSQL migrations', () => {
  it('run once when two processes start at once: the second waits on the advisory lock, then finds nothing to do', async () => {
    const db = await database();
    const holder = await client(db.url);
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    const [a, b] = [migratePostgres(pool(db.url)), migratePostgres(pool(db.url))];
    const waiting = async () => {
      const { rows } = await holder.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      return Number(rows[0]?.n) === 2;
    };
    await until(waiting);
    expect(await waiting()).toBe(true);
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    const applied = await Promise.all([a, b]);
    expect(applied.map((steps) => steps.length).sort()).toEqual([0, PG_SCHEMA_VERSION]);
    const { rows } = await holder.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    expect(await migratePostgres(pool(db.url))).toEqual([]);
  });

  it('refuse a database written by a newer bot', async () => {
    const db = await database();
    await migratePostgres(pool(db.url));
    const c = await client(db.url);
    await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [PG_SCHEMA_VERSION + 1]);
    await expect(migratePostgres(pool(db.url))).rejects.toThrow(/newer than this bot's/);
  });

  it('have every table and column of the SQLite schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-parity-'));
    closers.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
    const sqlite = new DatabaseSync(join(dir, 'bot.sqlite'));
    migrate(sqlite);
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ name: string }>;
    const inSqlite = tables.flatMap(({ name }) =>
      (sqlite.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).map((c) => `${name}.${c.name}`),
    );
    sqlite.close();
    const db = await database();
    await migratePostgres(pool(db.url));
    const { rows } = await (
      await client(db.url)
    ).query<{ column: string }>(
      `SELECT table_name || '.' || column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'plume_budgets', 'plume_tokens', 'update_claims')`,
    );
    // A SQLite schema step that adds a table or a column needs its PostgreSQL step (pg-schema.ts).
    // (Only what replicas share, which one process keeps in memory, is PostgreSQL's alone.)
    expect(rows.map((r) => r.column).sort()).toEqual(inSqlite.sort());
  });
});

describe('preparing a PostgreSQL database', () => {
  it('names an unreachable database without its password', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const { logger, lines } = captureLogger();
    const name = `postgres://bot:***@127.0.0.1:${port}/bot`;
    const unreachable = openPgPool({ url: `postgres://bot:s3cret-pw@127.0.0.1:${port}/bot`, name, logger });
    closers.push(() => unreachable.end());
    const opening = preparePgDatabase(unreachable, createCipher(randomBytes(32)), name, Date.now());
    await expect(opening).rejects.toThrow(DatabaseUnavailableError);
    const error = (await opening.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`postgres://bot:***@127.0.0.1:${port}/bot`);
    expect(error.message).toMatch(/Check DATABASE_URL/);
    expect(`${error.message}${lines().join('\n')}`).not.toContain('s3cret-pw');
  });
});
