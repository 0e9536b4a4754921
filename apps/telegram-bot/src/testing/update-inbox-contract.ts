import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Update } from 'telegraf/types';
import { createCipher } from '../security/cipher';
import type { StoreBackend } from './store-backends';
import { freshDatabases } from './fresh-databases';

const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ=';

/**
 * A private message from `userId`, as Telegram sends it.
 * @example message(10, 1, '/status').update_id // 10
 */
export const message = (updateId: number, userId: number, text: string) =>
  ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: userId, type: 'private', first_name: 'A' },
      from: { id: userId, is_bot: false, first_name: 'A' },
      text,
    },
  }) as unknown as Update;

/**
 * What every {@link UpdateInbox} does, whatever its database: run inside a `describe` per backend.
 * A second inbox on the database stands for the next start (SQLite) or another replica (PostgreSQL).
 */
export function updateInboxContract(backend: StoreBackend): void {
  describe('UpdateInbox', () => {
    const cipher = createCipher(randomBytes(32));
    const database = freshDatabases(backend);

    it('stores an update once: a second delivery is pending while unhandled and done afterwards', async () => {
      const db = await database();
      const inbox = await db.openInbox(cipher);
      expect(await inbox.admit(message(10, 1, '/status'), '1')).toEqual({ status: 'new' });
      expect(await inbox.admit(message(10, 1, '/status'), '1')).toEqual({ status: 'pending', journal: [] });
      expect(await inbox.record(10, { index: 0, effect: 'telegram:sendMessage', result: { message_id: 5 } })).toBe(
        true,
      );
      expect(await inbox.admit(message(10, 1, '/status'), '1')).toEqual({
        status: 'pending',
        journal: [{ index: 0, effect: 'telegram:sendMessage', result: { message_id: 5 } }],
      });
      expect(await inbox.countPending()).toBe(1);
      await inbox.finish(10);
      expect(await inbox.admit(message(10, 1, '/status'), '1')).toEqual({ status: 'done' });
      expect(await inbox.countPending()).toBe(0);
    });

    it('hands what a stopped inbox left to the next, oldest first, with the effects recorded so far', async () => {
      const db = await database();
      const first = await db.openInbox(cipher);
      for (const id of [7, 3, 5]) await first.admit(message(id, id, `/status ${id}`), String(id));
      await first.record(3, { index: 0, effect: 'store:get:3', result: { recent: [] } });
      await first.record(3, { index: 1, effect: 'telegram:sendMessage', result: true });
      await first.record(3, { index: 2, effect: 'telegram:sendMessage', result: true });
      await first.forget(3, 2);
      await first.finish(5);
      expect(await first.pending()).toEqual([]); // it holds them itself
      expect(await first.release()).toBe(2);
      await first.close();

      const next = await db.openInbox(cipher);
      const pending = await next.pending();
      expect(pending.map((p) => p.update.update_id)).toEqual([3, 7]);
      expect(pending[0]?.journal.map((entry) => entry.effect)).toEqual(['store:get:3', 'telegram:sendMessage']);
      expect(await next.pending()).toEqual([]); // taken: now held by `next`
      expect(await next.begin(3)).toBe(true);
    });

    it('never holds an update in clear (it may carry a pasted header), and keeps nothing of a handled one but its id', async () => {
      const db = await database();
      const inbox = await db.openInbox(cipher);
      await inbox.admit(message(1, 1, HEADER), '1');
      await inbox.record(1, { index: 0, effect: 'store:get:1', result: { credentials: { authorization: HEADER } } });
      const stored = JSON.stringify([
        await db.sql('SELECT * FROM update_inbox'),
        await db.sql('SELECT * FROM update_effects'),
      ]);
      expect(stored).toContain('store:get:1');
      expect(stored).not.toContain('c2VjcmV0');
      await inbox.finish(1);
      // A call that outlived its handler ("typing…") records nothing, and is no reason to stop.
      expect(await inbox.record(1, { index: 1, effect: 'telegram:sendChatAction', result: true })).toBe(true);
      expect(await db.sql('SELECT update_body FROM update_inbox')).toEqual([{ update_body: null }]);
      expect(await db.sql('SELECT position FROM update_effects')).toEqual([]);
    });

    it('drops what another key sealed, and forgets handled ids after two days', async () => {
      const db = await database();
      let now = 1_000_000;
      const inbox = await db.openInbox(cipher, { clock: () => now });
      await inbox.admit(message(1, 1, 'a'), '1');
      await inbox.admit(message(2, 1, 'b'), '1');
      await inbox.finish(2);
      await inbox.release();

      const wrongKey = await db.openInbox(createCipher(randomBytes(32)), { clock: () => now });
      expect(await wrongKey.pending()).toEqual([]);
      expect(await inbox.countPending()).toBe(0);
      now += 49 * 3_600_000;
      await inbox.admit(message(3, 1, 'c'), '1');
      await inbox.finish(3); // forgets ids handled more than two days ago
      expect(await inbox.admit(message(2, 1, 'b'), '1')).toEqual({ status: 'new' });
    });

    it('forgets every update when told the update ids start again', async () => {
      const db = await database();
      const inbox = await db.openInbox(cipher);
      await inbox.admit(message(1, 1, 'a'), '1');
      await inbox.admit(message(2, 2, 'b'), '2');
      await inbox.finish(2);
      await inbox.clear();
      expect(await inbox.countPending()).toBe(0);
      expect(await inbox.admit(message(2, 2, 'b'), '2')).toEqual({ status: 'new' });
    });
  });
}
