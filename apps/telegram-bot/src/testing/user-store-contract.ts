import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createCipher } from '../security/cipher';
import { EncryptionKeyMismatchError } from '../storage/key-check';
import { UnreadableStateError } from '../storage/user-store';
import type { UserState } from '../storage/user-state';
import type { StoreBackend } from './store-backends';
import { freshDatabases } from './fresh-databases';

const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ=';
const draft = (partnerId = 'p') => ({ authorization: HEADER, partnerId });

/**
 * What every {@link UserStore} does, whatever its database: run inside a `describe` per backend.
 * Several stores on one database stand for several connections or replicas.
 */
export function userStoreContract(backend: StoreBackend): void {
  describe('UserStore', () => {
    const key = randomBytes(32);
    const cipher = createCipher(key);
    const database = freshDatabases(backend);

    it('gives an unknown user an empty state, and keeps what an update wrote for another store on the database', async () => {
      const db = await database();
      const one = await db.openUsers(cipher);
      expect(await one.get(1)).toEqual({ recent: [], refs: { next: 0, items: [] } });
      const written = await one.update(1, (s) => ({
        ...s,
        selection: { customerId: 'c', locationId: 'l', name: 'Home' },
      }));
      expect(written.selection?.name).toBe('Home');
      await one.close();
      const two = await db.openUsers(cipher);
      expect((await two.get(1)).selection?.name).toBe('Home');
      expect(await two.count()).toBe(1);
    });

    it('stores a /setup draft sealed by the app, never in clear', async () => {
      const db = await database();
      const store = await db.openUsers(cipher);
      await store.update(7, (s) => ({ ...s, draft: draft() }));
      const [row] = await db.sql('SELECT public_state, secret_state FROM users WHERE user_id = 7');
      expect(JSON.stringify(row)).not.toContain('c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ');
      expect(String(row?.secret_state)).toMatch(/^v1\./);
      expect((await store.get(7)).draft?.authorization).toBe(HEADER);
    });

    it('writes all of an update or nothing', async () => {
      const db = await database();
      const store = await db.openUsers(cipher);
      await store.update(1, (s) => ({ ...s, selection: { customerId: 'c', locationId: 'l1', name: 'One' } }));
      const boom = () => {
        throw new Error('boom');
      };
      await expect(store.update(1, boom)).rejects.toThrow('boom');
      await expect(store.update(2, boom)).rejects.toThrow('boom');
      expect((await store.get(1)).selection?.locationId).toBe('l1');
      expect(await store.count()).toBe(1);
    });

    it('never overwrites a sealed value that does not open, and still lets the user delete it', async () => {
      const db = await database();
      const store = await db.openUsers(cipher);
      await store.update(6, (s) => ({ ...s, draft: draft() }));
      await db.sql("UPDATE users SET secret_state = 'v1.AAAA.AAAA.AAAA' WHERE user_id = 6");
      await expect(store.get(6)).rejects.toThrow(UnreadableStateError);
      await expect(store.update(6, ({ draft: _d, ...rest }) => rest)).rejects.toThrow(UnreadableStateError);
      expect(await db.sql('SELECT secret_state FROM users WHERE user_id = 6')).toEqual([
        { secret_state: 'v1.AAAA.AAAA.AAAA' },
      ]);
      await store.delete(6);
      expect(await store.count()).toBe(0);
      expect(await store.get(6)).toEqual({ recent: [], refs: { next: 0, items: [] } });
    });

    it('refuses to open under another key', async () => {
      const db = await database();
      const store = await db.openUsers(cipher);
      await store.update(3, (s) => ({ ...s, draft: draft() }));
      await expect(db.openUsers(createCipher(randomBytes(32)))).rejects.toThrow(EncryptionKeyMismatchError);
      expect((await (await db.openUsers(cipher)).get(3)).draft?.partnerId).toBe('p');
    });

    it('notes a refusal once per user, whichever store notes it', async () => {
      const db = await database();
      const [one, two] = [await db.openUsers(cipher), await db.openUsers(cipher)];
      expect(await one.noteRefusal(9)).toBe(true);
      expect(await two.noteRefusal(9)).toBe(false);
      expect(await two.noteRefusal(10)).toBe(true);
      expect(await one.count()).toBe(0);
    });

    it('applies every one of many concurrent updates of one user from two stores, none lost', async () => {
      const db = await database();
      const [one, two] = [await db.openUsers(cipher), await db.openUsers(cipher)];
      const bump = (s: UserState): UserState => ({ ...s, refs: { ...s.refs, next: s.refs.next + 1 } });
      await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? one : two).update(42, bump)));
      expect((await one.get(42)).refs.next).toBe(24);
      expect(await two.count()).toBe(1);
    });
  });
}
