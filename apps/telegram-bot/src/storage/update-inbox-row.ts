import type { Update } from 'telegraf/types';
import { z } from 'zod';
import type { Cipher } from '../security/cipher';
import type { JournalEntry } from './update-inbox';

const updateSchema = z.looseObject({ update_id: z.number().int() });

/** What a sealed update, and a sealed effect result, are bound to. */
const updateContext = (id: number) => `update:${id}`;
const effectContext = (id: number, position: number) => `update:${id}:effect:${position}`;

/** One recorded effect as every inbox stores it: the result sealed, bound to the update and position. */
export interface EffectRow {
  position: number;
  effect: string;
  result: string;
}

/**
 * The sealed body of an update: it may hold a pasted header, so no database holds it in clear.
 * @example sealUpdate(update, cipher) // 'v1.…'
 */
export function sealUpdate(update: Update, cipher: Cipher): string {
  return cipher.seal(JSON.stringify(update), updateContext(update.update_id));
}

/**
 * The update a sealed body holds.
 * @throws {Error} when the body does not open with the cipher's key or is not an update
 * @example openUpdate(row.update_body, row.update_id, cipher).update_id
 */
export function openUpdate(sealed: string, updateId: number, cipher: Cipher): Update {
  return updateSchema.parse(JSON.parse(cipher.open(sealed, updateContext(updateId)))) as unknown as Update;
}

/**
 * The sealed result of one effect (it may hold the user's state).
 * @example sealEffect(7, { index: 0, effect: 'store:get:1', result: {} }, cipher)
 */
export function sealEffect(updateId: number, entry: JournalEntry, cipher: Cipher): string {
  return cipher.seal(JSON.stringify(entry.result), effectContext(updateId, entry.index));
}

/**
 * The journal entry a stored effect row holds.
 * @throws {Error} when the result does not open with the cipher's key
 * @example openEffect(7, row, cipher).effect // 'store:get:1'
 */
export function openEffect(updateId: number, row: EffectRow, cipher: Cipher): JournalEntry {
  const result = JSON.parse(cipher.open(row.result, effectContext(updateId, row.position))) as unknown;
  return { index: row.position, effect: row.effect, result };
}

/** Seals a stored value under another key, for key rotation. */
export interface InboxResealer {
  /**
   * @throws {Error} naming the update when the value does not open with the old key
   */
  update(sealed: string, updateId: number): string;
  /**
   * @throws {Error} naming the update when the value does not open with the old key
   */
  effect(sealed: string, updateId: number, position: number): string;
}

/**
 * Moves sealed inbox values from one key to another (each stays bound to its update and position).
 * @example inboxResealer(oldCipher, newCipher).update(row.update_body, row.update_id)
 */
export function inboxResealer(from: Cipher, to: Cipher): InboxResealer {
  const reseal = (sealed: string, context: string, updateId: number) => {
    try {
      return to.seal(from.open(sealed, context), context);
    } catch {
      throw new Error(`The stored update ${updateId} does not open with the current key (damaged?)`);
    }
  };
  return {
    update: (sealed, updateId) => reseal(sealed, updateContext(updateId), updateId),
    effect: (sealed, updateId, position) => reseal(sealed, effectContext(updateId, position), updateId),
  };
}
