import type { UserState } from './user-state';

/**
 * Per-user state behind one interface, so the embedded SQLite store can be swapped (Redis, Postgres…).
 * Implementations keep `update` atomic: the change function sees the latest state and its result is
 * written whole or not at all.
 */
export interface UserStore {
  /** The user's state, or an empty one. */
  get(userId: number): Promise<UserState>;
  /** Reads, applies `change` (synchronous, pure) and writes, atomically. Returns the new state. */
  update(userId: number, change: (state: UserState) => UserState): Promise<UserState>;
  /** Forgets the user entirely. */
  delete(userId: number): Promise<void>;
  /**
   * Records that a stranger (outside `ALLOWED_USERS`) was refused. True only the first time for
   * this user, across restarts, so each stranger is told once.
   */
  noteRefusal(userId: number): Promise<boolean>;
  /** How many users are stored. */
  count(): Promise<number>;
  close(): Promise<void>;
}
