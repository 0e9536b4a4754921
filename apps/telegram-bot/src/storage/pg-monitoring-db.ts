import type { Pool, PoolClient } from 'pg';
import { monitoringSql, type MonitoringDatabase, type SqlStatement, type SqlWork } from './monitoring-db';
import { lockForTransaction, pgTransaction } from './pg-database';

/** Runs one statement on the pool, or on `client`, the connection of a transaction. */
async function execute(pool: Pool, client: PoolClient | undefined, statement: SqlStatement): Promise<unknown> {
  const { op, sql, params } = statement;
  if (op === 'lock') {
    if (client === undefined) throw new Error('A lock is only held inside a transaction.');
    await lockForTransaction(client, sql, Number(params[0]));
    return undefined;
  }
  const result = await (client ?? pool).query(sql, [...params]);
  if (op === 'all') return result.rows;
  if (op === 'get') return result.rows[0];
  return result.rowCount ?? 0;
}

async function drive<T>(pool: Pool, client: PoolClient | undefined, work: SqlWork<T>): Promise<T> {
  let step = work.next();
  while (step.done !== true) step = work.next(await execute(pool, client, step.value));
  return step.value;
}

/**
 * The PostgreSQL {@link MonitoringDatabase} on the storage factory's pool (already migrated): a
 * transaction on one connection from BEGIN to COMMIT, each statement awaited in turn; other work on
 * the pool, statement by statement. Closing it leaves the pool to its owner.
 * @example const monitoring = pgMonitoringDatabase(pool); await monitoring.read((sql) => sql.get('SELECT 1 AS one')) // { one: 1 }
 */
export function pgMonitoringDatabase(pool: Pool): MonitoringDatabase {
  const sql = monitoringSql('postgres');
  return {
    backend: 'postgres',
    transaction: (work) => pgTransaction(pool, (client) => drive(pool, client, work(sql))),
    read: (work) => drive(pool, undefined, work(sql)),
    close: () => Promise.resolve(),
  };
}
