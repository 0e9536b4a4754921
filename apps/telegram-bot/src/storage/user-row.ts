import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { secretContext } from './key-check';
import { UnreadableStateError } from './user-store';
import {
  emptyUserState,
  publicStateSchema,
  secretStateSchema,
  splitUserState,
  type SecretState,
  type UserState,
} from './user-state';

/** A user's row as every store keeps it: the public part as JSON, the secret part sealed (or null). */
export interface UserRow {
  public_state: string;
  secret_state: string | null;
}

/**
 * The state a stored row holds. A public part of an unexpected shape starts the user afresh (logged);
 * a secret part that does not open is never guessed at.
 * @throws {UnreadableStateError} when the sealed part does not open (the key was checked at open, so the row is damaged)
 * @example decodeUserRow(row, 7, cipher, logger).selection?.name
 */
export function decodeUserRow(row: UserRow | undefined, userId: number, cipher: Cipher, logger: Logger): UserState {
  if (row === undefined) return emptyUserState();
  const publicPart = publicStateSchema.safeParse(JSON.parse(row.public_state));
  if (!publicPart.success) logger.warn({ userId }, 'Stored state has an unexpected shape; starting this user afresh.');
  return { ...(publicPart.success ? publicPart.data : emptyUserState()), ...openSecrets(row.secret_state) };

  function openSecrets(sealed: string | null): SecretState {
    if (sealed === null) return {};
    try {
      return secretStateSchema.parse(JSON.parse(cipher.open(sealed, secretContext(userId))));
    } catch {
      // Keep the row as it is, never overwrite it.
      logger.warn({ userId }, 'Stored credentials cannot be decrypted; left untouched.');
      throw new UnreadableStateError(userId);
    }
  }
}

/**
 * The row that stores `state`: the secret part (a /setup draft) sealed, bound to the user id, so a
 * database never holds a header or token in clear.
 * @example encodeUserRow({ recent: [], refs: { next: 0, items: [] } }, 7, cipher).secret_state // null
 */
export function encodeUserRow(state: UserState, userId: number, cipher: Cipher): UserRow {
  const { publicPart, secretPart } = splitUserState(state);
  const sealed = secretPart.draft === undefined ? null : cipher.seal(JSON.stringify(secretPart), secretContext(userId));
  return { public_state: JSON.stringify(publicPart), secret_state: sealed };
}
