/** A value bound to a `$1`, `$2` … placeholder. */
export type SqlValue = string | number | null;

/** One statement for the backend to run (see {@link SqlWork}). */
export interface SqlStatement {
  op: 'all' | 'get' | 'run' | 'lock';
  sql: string;
  params: readonly SqlValue[];
}

/**
 * Database work written once for both backends: a generator that yields each statement (through
 * `yield* sql.get(…)`, which hands back its typed result) and returns the work's result. The
 * backend runs the statements: SQLite at once, synchronously, so a transaction never yields to
 * other code while it holds the file's write lock; PostgreSQL on one connection, awaiting each.
 */
export type SqlWork<T> = Generator<SqlStatement, T, unknown>;

/**
 * The statements {@link SqlWork} yields. SQL text is the same on both backends: `$1`, `$2` …
 * placeholders, and only what SQLite and PostgreSQL both understand (`CAST(… AS BIGINT)` where
 * PostgreSQL cannot infer a parameter's type). Ids and epoch-ms times come back as numbers on both.
 */
export interface MonitoringSql {
  /** Which database runs the SQL, for the few clauses only PostgreSQL has (see {@link rowLock}). */
  readonly backend: 'sqlite' | 'postgres';
  all<R>(sql: string, params?: readonly SqlValue[]): SqlWork<R[]>;
  get<R>(sql: string, params?: readonly SqlValue[]): SqlWork<R | undefined>;
  /** Runs a statement; gives the number of rows it changed (or returned, with RETURNING). */
  run(sql: string, params?: readonly SqlValue[]): SqlWork<number>;
  /**
   * In a transaction: waits for, then holds until commit, the lock named `(scope, id)`, so that
   * what it guards runs one transaction at a time across connections and replicas. A PostgreSQL
   * advisory lock; nothing on SQLite, whose write transactions already run one at a time.
   */
  lock(scope: string, id: number): SqlWork<void>;
}

/**
 * The database the monitoring stores share (watches, alert state, incidents, the outbox, the
 * digest and reminder schedule): SQLite's file or PostgreSQL's pool behind one interface, so that
 * each store is written once, for both.
 */
export interface MonitoringDatabase {
  readonly backend: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (sql: MonitoringSql) => SqlWork<T>): Promise<T>;
  /** Runs `work` outside a transaction: each statement on its own (reads, single writes). */
  read<T>(work: (sql: MonitoringSql) => SqlWork<T>): Promise<T>;
  /** Closes what this database opened (a pool it was given is its owner's to close). */
  close(): Promise<void>;
}

/**
 * The statement builders for `backend`: each yields its statement and returns what the backend
 * answered, typed by the caller (the row shape it selected).
 * @example const statements = monitoringSql('sqlite'); const work = statements.get<{ one: number }>('SELECT 1 AS one');
 */
export function monitoringSql(backend: 'sqlite' | 'postgres'): MonitoringSql {
  return {
    backend,
    *all<R>(sql: string, params: readonly SqlValue[] = []): SqlWork<R[]> {
      return (yield { op: 'all', sql, params }) as R[];
    },
    *get<R>(sql: string, params: readonly SqlValue[] = []): SqlWork<R | undefined> {
      return (yield { op: 'get', sql, params }) as R | undefined;
    },
    *run(sql: string, params: readonly SqlValue[] = []): SqlWork<number> {
      return (yield { op: 'run', sql, params }) as number;
    },
    *lock(scope: string, id: number): SqlWork<void> {
      yield { op: 'lock', sql: scope, params: [id] };
    },
  };
}

/**
 * The clause that locks the selected rows for the rest of the transaction on PostgreSQL (with
 * `skip`: rows another transaction holds are left out, nobody waits); empty on SQLite, whose write
 * transactions hold the whole file.
 * @example yield* sql.all(`SELECT id FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 10${rowLock(sql, 'skip')}`)
 */
export function rowLock(sql: MonitoringSql, mode: 'wait' | 'skip' = 'wait'): string {
  if (sql.backend === 'sqlite') return '';
  return mode === 'skip' ? ' FOR UPDATE SKIP LOCKED' : ' FOR UPDATE';
}
