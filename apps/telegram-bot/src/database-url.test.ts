import { describe, expect, it } from '@jest/globals';
import { ConfigError, createConfig, ENV_VARIABLES } from './config';
import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  const problemOf = (value: string | undefined): string => {
    try {
      parseDatabaseUrl(value);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.join('\n');
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  it('accepts a PostgreSQL URL and shows it without its password or query', () => {
    const parsed = parseDatabaseUrl(' postgres://bot:s3cret-pw@db.internal:5433/plume?sslmode=require&password=x ');
    expect(parsed.url).toBe('postgres://bot:s3cret-pw@db.internal:5433/plume?sslmode=require&password=x');
    expect(parsed.redacted).toBe('postgres://bot:***@db.internal:5433/plume');
    expect(parseDatabaseUrl('postgresql://db/plume').redacted).toBe('postgresql://db/plume');
  });

  it('says what a bad URL lacks, naming DATABASE_URL, and never repeats the password', () => {
    expect(problemOf(undefined)).toMatch(/^DATABASE_URL is required, postgres:\/\/user:password@host/);
    expect(problemOf('mysql://bot:s3cret-pw@db/plume')).toMatch(/^DATABASE_URL must be a PostgreSQL URL/);
    expect(problemOf('not a url s3cret-pw')).toMatch(/^DATABASE_URL must be a PostgreSQL URL/);
    expect(problemOf('postgres://bot:s3cret-pw@db:5432')).toMatch(/^DATABASE_URL needs a database name/);
    expect(problemOf('postgres://bot:s3cret-pw@db:5432/a/b')).toMatch(/^DATABASE_URL needs a database name/);
    for (const bad of ['mysql://bot:s3cret-pw@db/plume', 'postgres://bot:s3cret-pw@db:5432', 'not a url s3cret-pw']) {
      expect(problemOf(bad)).not.toContain('s3cret-pw');
    }
  });

  it('is read from the environment when set, and its password never reaches the error', () => {
    const base = { BOT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(createConfig(base).database).toBeUndefined();
    expect(createConfig({ ...base, DATABASE_URL: 'postgres://bot:s3cret-pw@db:5432/bot' }).database?.redacted).toBe(
      'postgres://bot:***@db:5432/bot',
    );
    expect(() => createConfig({ ...base, DATABASE_URL: 'mysql://bot:s3cret-pw@db/bot' })).toThrow(
      /DATABASE_URL must be a PostgreSQL URL/,
    );
    expect(() => createConfig({ ...base, DATABASE_URL: 'mysql://bot:s3cret-pw@db/bot' })).not.toThrow(/s3cret-pw/);
    expect(ENV_VARIABLES).toContain('DATABASE_URL');
  });
});
