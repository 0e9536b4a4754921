import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import type { AlertSettings } from '../settings/settings';
import { migrate } from './schema';
import { decodeRoute, decodeSettings, settingsWrite, type RouteRow } from './settings-row';
import { settle } from './settle';

/** Where a person's alerts go instead of their private chat: a group, or a topic of a forum. */
export interface AlertRoute {
  chatId: number;
  /** The forum topic (`message_thread_id`), when the route was set in one. */
  threadId?: number;
  /** The group's title when the route was set, to show in /settings. */
  chatTitle: string;
}

/**
 * Each person's alert settings and alert route, in the bot's database (SQLite, or PostgreSQL shared
 * by replicas: pg-settings-store.ts). Reads of a person who set nothing give the defaults, and so
 * does a stored row that no longer parses (logged); every write commits before it resolves.
 */
export interface SettingsStore {
  get(userId: number): Promise<AlertSettings>;
  /** Applies `change` (pure) to the stored settings atomically; returns the new settings. */
  update(userId: number, change: (settings: AlertSettings) => AlertSettings): Promise<AlertSettings>;
  /** Where the person's alerts go, or undefined for their private chat. */
  route(userId: number): Promise<AlertRoute | undefined>;
  /** Sends the person's alerts to `route` from now on. */
  setRoute(userId: number, route: AlertRoute): Promise<void>;
  /** Sends the person's alerts to their private chat again; true when a route was removed. */
  clearRoute(userId: number): Promise<boolean>;
  /** A group became a supergroup: every route to `fromChatId` follows it. Returns how many did. */
  moveChat(fromChatId: number, toChatId: number): Promise<number>;
  close(): Promise<void>;
}

export interface SettingsStoreOptions {
  /** The bot's database file. */
  file: string;
  logger: Logger;
  clock?: () => number;
}

interface SettingsRow {
  settings: string;
}

/**
 * The SQLite {@link SettingsStore}, on a connection of its own to the bot's database file. A stored
 * row that no longer parses reads as the defaults (and is logged), never as an error.
 * @example const settings = openSettingsStore({ file: 'data/bot.sqlite', logger }); await settings.get(42) // the defaults
 */
export function openSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const { logger } = options;
  const clock = options.clock ?? Date.now;
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(options.file);
  chmodSync(options.file, 0o600);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  migrate(db);
  const select = db.prepare('SELECT settings FROM alert_settings WHERE user_id = ?');
  const upsert = db.prepare(
    `INSERT INTO alert_settings (user_id, settings, digest_date, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
       digest_date = CASE WHEN excluded.digest_date IS NULL THEN digest_date ELSE excluded.digest_date END`,
  );
  const selectRoute = db.prepare('SELECT chat_id, thread_id, chat_title FROM alert_routes WHERE user_id = ?');
  const upsertRoute = db.prepare(
    `INSERT INTO alert_routes (user_id, chat_id, thread_id, chat_title, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET chat_id = excluded.chat_id, thread_id = excluded.thread_id,
       chat_title = excluded.chat_title, set_at = excluded.set_at`,
  );
  const deleteRoute = db.prepare('DELETE FROM alert_routes WHERE user_id = ?');
  const moveRoutes = db.prepare('UPDATE alert_routes SET chat_id = ? WHERE chat_id = ?');

  function read(userId: number): AlertSettings {
    const row = select.get(userId) as SettingsRow | undefined;
    return decodeSettings(row?.settings, userId, logger);
  }

  return {
    get(userId) {
      return settle(() => read(userId));
    },
    update(userId, change) {
      return settle(() => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const now = clock();
          const write = settingsWrite(read(userId), change, now);
          upsert.run(userId, write.json, write.digestDate, now);
          db.exec('COMMIT');
          return write.settings;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    route(userId) {
      return settle(() => decodeRoute(selectRoute.get(userId) as RouteRow | undefined));
    },
    setRoute(userId, route) {
      return settle(() => {
        upsertRoute.run(userId, route.chatId, route.threadId ?? null, route.chatTitle, clock());
      });
    },
    clearRoute(userId) {
      return settle(() => Number(deleteRoute.run(userId).changes) > 0);
    },
    moveChat(fromChatId, toChatId) {
      return settle(() => Number(moveRoutes.run(toChatId, fromChatId).changes));
    },
    close() {
      return settle(() => {
        if (db.isOpen) db.close();
      });
    },
  };
}
