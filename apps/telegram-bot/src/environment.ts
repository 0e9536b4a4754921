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
