import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { monitoringSql, type MonitoringDatabase, type SqlStatement, type SqlWork } from './monitoring-db';
import { migrate } from './schema';
import { settle } from './settle';

/** The SQLite {@link MonitoringDatabase}, with its connection for what only SQLite does (tests, benchmarks). */
export interface SqliteMonitoringDatabase extends MonitoringDatabase {
  readonly db: DatabaseSync;
}

/**
 * Opens the bot's database file for monitoring on a connection of its own (WAL lets it share the
 * file with the other stores), bringing the schema up to date. Work runs synchronously, start to
 * end: a transaction (`BEGIN IMMEDIATE`) never yields to other code while it holds the write lock,
 * so it can neither interleave with another on this connection nor keep the bot's other
 * connections waiting on a lock held across an await.
 * @throws {Error} when the file cannot be opened or its schema is newer than this bot's.
 * @example const monitoring = openMonitoringDatabase('data/bot.sqlite'); await monitoring.read((sql) => sql.get('SELECT 1 AS one')) // { one: 1 }
 */
export function openMonitoringDatabase(file: string): SqliteMonitoringDatabase {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(file);
  chmodSync(file, 0o600);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  migrate(db);

  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      // `$1` is PostgreSQL's placeholder; SQLite's numbered one is `?1`.
      statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const execute = ({ op, sql, params }: SqlStatement): unknown => {
    if (op === 'lock') return undefined;
    const statement = prepare(sql);
    if (op === 'all') return statement.all(...params);
    if (op === 'get') return statement.get(...params);
    return Number(statement.run(...params).changes);
  };
  const drive = <T>(work: SqlWork<T>): T => {
    let step = work.next();
    while (step.done !== true) step = work.next(execute(step.value));
    return step.value;
  };
  const sql = monitoringSql('sqlite');

  return {
    db,
    backend: 'sqlite',
    transaction: (work) =>
      settle(() => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = drive(work(sql));
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.isTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    read: (work) => settle(() => drive(work(sql))),
    close: () =>
      settle(() => {
        if (db.isOpen) db.close();
      }),
  };
}
