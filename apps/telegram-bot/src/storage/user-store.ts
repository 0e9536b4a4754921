import type { UserState } from './user-state';

/**
 * A user's sealed state (credentials, a /setup draft) does not open: damaged, or moved from another
 * row. It is never overwritten: reads and updates of that user fail with this error until the
 * row is repaired or the user deletes it (`/logout`).
 */
export class UnreadableStateError extends Error {
  override readonly name = 'UnreadableStateError';
  constructor(readonly userId: number) {
    super(`The stored credentials of user ${userId} cannot be decrypted; they were left untouched.`);
  }
}

/**
 * Per-user state behind one interface, so the embedded SQLite store can be swapped (Redis, Postgres…).
 * Implementations keep `update` atomic: the change function sees the latest state and its result is
 * written whole or not at all.
 */
export interface UserStore {
  /**
   * The user's state, or an empty one.
   * @throws {UnreadableStateError} when the user's sealed state does not open
   */
  get(userId: number): Promise<UserState>;
  /**
   * Reads, applies `change` (synchronous, pure) and writes, atomically. Returns the new state.
   * @throws {UnreadableStateError} when the user's sealed state does not open (nothing is written)
   */
  update(userId: number, change: (state: UserState) => UserState): Promise<UserState>;
  /** Forgets the user entirely (even one whose sealed state does not open). */
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
