import { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * A PostgreSQL connection string, validated. `redacted` (user, host, port and database, never the
 * password or the query) is what logs and error messages show.
 */
export interface DatabaseUrl {
  url: string;
  redacted: string;
}

/** `url` without its password and query (a query may hold `password=` too), for logs and errors. */
function redactDatabaseUrl(url: URL): string {
  const user = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : ':***'}@`;
  return `${url.protocol}//${user}${url.host}${url.pathname}`;
}

const DATABASE_URL_SHAPE = 'postgres://user:password@host:5432/database';

const databaseUrlSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const problem = (message: string) => {
      ctx.addIssue({ code: 'custom', message: `${message}, ${DATABASE_URL_SHAPE}` });
      return z.NEVER;
    };
    if (!URL.canParse(value)) return problem('must be a PostgreSQL URL');
    const url = new URL(value);
    if (!/^postgres(ql)?:$/.test(url.protocol)) return problem('must be a PostgreSQL URL');
    if (url.hostname === '') return problem('needs a host');
    if (!/^\/[^/]+$/.test(url.pathname)) return problem('needs a database name after the host');
    return { url: value, redacted: redactDatabaseUrl(url) };
  });

/**
 * Reads `DATABASE_URL`, the PostgreSQL database of the bot's state (`createConfig` reads it when set).
 * @throws {ConfigError} naming DATABASE_URL and the URL's expected shape; the value (with its password) is never echoed
 * @example parseDatabaseUrl('postgres://bot:s3cret@db:5432/bot').redacted // 'postgres://bot:***@db:5432/bot'
 */
export function parseDatabaseUrl(value: string | undefined): DatabaseUrl {
  if (value === undefined || value.trim() === '')
    throw new ConfigError([`DATABASE_URL is required, ${DATABASE_URL_SHAPE}`]);
  const parsed = databaseUrlSchema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError([`DATABASE_URL ${parsed.error.issues[0]?.message ?? 'is not a valid PostgreSQL URL'}`]);
  return parsed.data;
}
