import type { PlumeEndpoints } from './config';

/** Where the bot runs: Telegram and the configured Plume cloud, or the local sandbox. */
export interface Environment {
  token: string;
  apiRoot: string;
  plume: PlumeEndpoints;
  dataDir: string;
  /** The Bot API server numbers updates from 1 again at every start (the sandbox). */
  freshUpdateIds?: boolean;
  /** How often watched locations are checked when `WATCH_INTERVAL_SECONDS` is unset (the sandbox's is short). */
  watchIntervalSeconds?: number;
  /** Says where to find the bot once it runs. */
  announce(botUsername: string): void;
  /** Stops what the environment started (the sandbox and the simulator). */
  close(): Promise<void>;
}

/**
 * The local sandbox was asked to run on PostgreSQL. Its Bot API server numbers updates from 1 at
 * every start, so the bot empties its update inbox at start: on PostgreSQL that inbox is every
 * replica's, and the sandbox's made-up people would land in the real bot's database.
 * @example if (environment.freshUpdateIds === true && database !== undefined) throw new SandboxOnPostgresError();
 */
export class SandboxOnPostgresError extends Error {
  override readonly name = 'SandboxOnPostgresError';
  constructor() {
    super(
      'The local sandbox (TELEGRAM_BOT_TOKEN unset) does not run on PostgreSQL (DATABASE_URL): it numbers updates ' +
        'from 1 at every start and so empties the update inbox at start, which on PostgreSQL every replica shares, ' +
        'and its test users would go into that database. Set TELEGRAM_BOT_TOKEN, or unset DATABASE_URL to try the ' +
        'sandbox on SQLite.',
    );
  }
}
