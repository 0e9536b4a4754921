import { describe, expect, it } from '@jest/globals';
import { defaultAlertSettings, type AlertSettings } from '../settings/settings';
import { captureLogger } from './capture-logger';
import type { StoreBackend } from './store-backends';
import { freshDatabases } from './fresh-databases';

/** 2024-12-04 09:30 UTC */
const NINE_THIRTY = Date.UTC(2024, 11, 4, 9, 30);

/**
 * What every {@link SettingsStore} does, whatever its database: run inside a `describe` per backend.
 * Several stores on one database stand for several connections or replicas.
 */
export function settingsStoreContract(backend: StoreBackend): void {
  describe('SettingsStore', () => {
    const database = freshDatabases(backend);
    const quiet = () => captureLogger().logger;

    it('gives a person who set nothing the defaults, and keeps an update for another store on the database', async () => {
      const db = await database();
      const one = await db.openSettings(quiet());
      expect(await one.get(1)).toEqual(defaultAlertSettings());
      const written = await one.update(1, (s) => ({ ...s, reminders: true, timeZone: 'Europe/Berlin' }));
      expect(written).toEqual({ ...defaultAlertSettings(), reminders: true, timeZone: 'Europe/Berlin' });
      await one.close();
      const two = await db.openSettings(quiet());
      expect(await two.get(1)).toEqual(written);
      expect(await two.get(2)).toEqual(defaultAlertSettings());
    });

    it('writes nothing when a change throws or gives settings of the wrong shape', async () => {
      const db = await database();
      const store = await db.openSettings(quiet());
      await store.update(1, (s) => ({ ...s, digestHour: 8 }));
      await expect(
        store.update(1, () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await expect(store.update(1, (s) => ({ ...s, digestHour: 24 }))).rejects.toThrow();
      await expect(store.update(2, (s) => ({ ...s, timeZone: '' }))).rejects.toThrow();
      expect((await store.get(1)).digestHour).toBe(8);
      expect(await db.sql('SELECT CAST(user_id AS INTEGER) AS user_id FROM alert_settings')).toEqual([{ user_id: 1 }]);
    });

    it('starts a digest set to an hour already past today tomorrow, and keeps that when other settings change', async () => {
      const db = await database();
      const store = await db.openSettings(quiet(), () => NINE_THIRTY);
      await store.update(1, (s) => ({ ...s, digestHour: 8 }));
      await store.update(2, (s) => ({ ...s, digestHour: 10 }));
      await store.update(1, (s) => ({ ...s, reminders: true }));
      const rows = await db.sql(
        'SELECT CAST(user_id AS INTEGER) AS user_id, digest_date FROM alert_settings ORDER BY user_id',
      );
      expect(rows).toEqual([
        { user_id: 1, digest_date: '2024-12-04' },
        { user_id: 2, digest_date: null },
      ]);
    });

    it('reads a stored row that no longer parses as the defaults, logs it, and lets the next change replace it', async () => {
      const db = await database();
      const log = captureLogger();
      const store = await db.openSettings(log.logger);
      await store.update(5, (s) => ({ ...s, reminders: true }));
      await store.update(6, (s) => ({ ...s, reminders: true }));
      await db.sql(`UPDATE alert_settings SET settings = '{"digestHour":"eight"}' WHERE user_id = 5`);
      await db.sql(`UPDATE alert_settings SET settings = 'not json' WHERE user_id = 6`);
      expect(await store.get(5)).toEqual(defaultAlertSettings());
      expect(await store.get(6)).toEqual(defaultAlertSettings());
      const warnings = log.lines().filter((line) => line.includes('unexpected shape'));
      expect(warnings.map((line) => (JSON.parse(line) as { userId: number }).userId)).toEqual([5, 6]);
      expect(await store.update(5, (s) => ({ ...s, digestHour: 7 }))).toEqual({
        ...defaultAlertSettings(),
        digestHour: 7,
      });
      expect((await store.get(5)).digestHour).toBe(7);
    });

    it('routes alerts to a group or a topic, and back to the private chat', async () => {
      const db = await database();
      const store = await db.openSettings(quiet());
      expect(await store.route(1)).toBeUndefined();
      await store.setRoute(1, { chatId: -1001, chatTitle: 'NOC' });
      expect(await store.route(1)).toEqual({ chatId: -1001, chatTitle: 'NOC' });
      await store.setRoute(1, { chatId: -1002, threadId: 7, chatTitle: 'Ops' });
      expect(await store.route(1)).toEqual({ chatId: -1002, threadId: 7, chatTitle: 'Ops' });
      expect(await store.clearRoute(1)).toBe(true);
      expect(await store.clearRoute(1)).toBe(false);
      expect(await store.route(1)).toBeUndefined();
    });

    it('moves every route to a group that became a supergroup, once, and no other route', async () => {
      const db = await database();
      const [one, two] = [await db.openSettings(quiet()), await db.openSettings(quiet())];
      await one.setRoute(1, { chatId: -500, chatTitle: 'Depot' });
      await one.setRoute(2, { chatId: -500, threadId: 3, chatTitle: 'Depot' });
      await one.setRoute(3, { chatId: -600, chatTitle: 'Other' });
      expect(await one.moveChat(-500, -100500)).toBe(2);
      expect(await two.moveChat(-500, -100500)).toBe(0);
      expect(await two.route(1)).toEqual({ chatId: -100500, chatTitle: 'Depot' });
      expect(await two.route(2)).toEqual({ chatId: -100500, threadId: 3, chatTitle: 'Depot' });
      expect(await two.route(3)).toEqual({ chatId: -600, chatTitle: 'Other' });
    });

    it('applies every one of many concurrent updates of one person from two stores, none lost', async () => {
      const db = await database();
      const [one, two] = [await db.openSettings(quiet()), await db.openSettings(quiet())];
      const bump = (s: AlertSettings): AlertSettings => ({ ...s, digestHour: (s.digestHour ?? 0) + 1 });
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one : two).update(42, bump)));
      expect((await one.get(42)).digestHour).toBe(20);
      const both = await Promise.all([
        one.update(43, (s) => ({ ...s, reminders: true })),
        two.update(43, (s) => ({ ...s, timeZone: 'Asia/Tokyo' })),
      ]);
      expect(both).toHaveLength(2);
      expect(await two.get(43)).toEqual({ ...defaultAlertSettings(), reminders: true, timeZone: 'Asia/Tokyo' });
    });
  });
}
