import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Update } from 'telegraf/types';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { rotateEncryptionKey } from './rotate-key';
import { SCHEMA_VERSION } from './schema';
import { createSqliteUserStore } from './sqlite-user-store';
import { openUpdateInbox } from './update-inbox';

const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ=';
const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-inbox-'));
  dirs.push(dir);
  return join(dir, 'bot.sqlite');
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const message = (updateId: number, userId: number, text: string) =>
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

describe('the update inbox', () => {
  const key = randomBytes(32);
  const open = (file: string, options: { clock?: () => number; k?: Buffer } = {}) =>
    openUpdateInbox({
      file,
      cipher: createCipher(options.k ?? key),
      logger: captureLogger().logger,
      ...(options.clock ? { clock: options.clock } : {}),
    });

  it('stores an update once: a second delivery is pending while unhandled and done afterwards', async () => {
    const inbox = open(tempFile());
    expect(await inbox.admit(message(10, 1, '/status'))).toEqual({ status: 'new' });
    expect(await inbox.admit(message(10, 1, '/status'))).toEqual({ status: 'pending', journal: [] });
    await inbox.record(10, { index: 0, effect: 'telegram:sendMessage', result: { message_id: 5 } });
    expect(await inbox.admit(message(10, 1, '/status'))).toEqual({
      status: 'pending',
      journal: [{ index: 0, effect: 'telegram:sendMessage', result: { message_id: 5 } }],
    });
    await inbox.finish(10);
    expect(await inbox.admit(message(10, 1, '/status'))).toEqual({ status: 'done' });
    expect(await inbox.countPending()).toBe(0);
    await inbox.close();
  });

  it('hands back pending updates after a reopen, oldest first, with the effects recorded so far', async () => {
    const file = tempFile();
    const inbox = open(file);
    for (const id of [7, 3, 5]) await inbox.admit(message(id, id, `/status ${id}`));
    await inbox.record(3, { index: 0, effect: 'store:get:3', result: { recent: [] } });
    await inbox.record(3, { index: 1, effect: 'telegram:sendMessage', result: true });
    await inbox.record(3, { index: 2, effect: 'telegram:sendMessage', result: true });
    await inbox.forget(3, 2);
    await inbox.finish(5);
    await inbox.close();

    const again = open(file);
    const pending = await again.pending();
    expect(pending.map((p) => p.update.update_id)).toEqual([3, 7]);
    expect(pending[0]?.journal.map((entry) => entry.effect)).toEqual(['store:get:3', 'telegram:sendMessage']);
    await again.close();
  });

  it('never holds an update in clear (it may carry a pasted header), and keeps nothing of a handled one but its id', async () => {
    const file = tempFile();
    const inbox = open(file);
    await inbox.admit(message(1, 1, HEADER));
    await inbox.record(1, { index: 0, effect: 'store:get:1', result: { credentials: { authorization: HEADER } } });
    for (const name of readdirSync(join(file, '..')))
      expect(readFileSync(join(file, '..', name)).toString('latin1')).not.toContain('c2VjcmV0');
    await inbox.finish(1);
    await inbox.record(1, { index: 1, effect: 'telegram:sendChatAction', result: true }); // a call that outlived its handler
    await inbox.close();
    const db = new DatabaseSync(file);
    expect(db.prepare('SELECT update_body FROM update_inbox').all()).toEqual([{ update_body: null }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM update_effects').get()).toEqual({ n: 0 });
    db.close();
  });

  it('drops what another key sealed, and forgets handled ids after two days', async () => {
    const file = tempFile();
    let now = 1_000_000;
    const inbox = open(file, { clock: () => now });
    await inbox.admit(message(1, 1, 'a'));
    await inbox.admit(message(2, 1, 'b'));
    await inbox.finish(2);
    await inbox.close();

    const wrongKey = open(file, { k: randomBytes(32) });
    expect(await wrongKey.pending()).toEqual([]);
    await wrongKey.close();
    now += 49 * 3_600_000;
    const later = open(file, { clock: () => now });
    expect(await later.admit(message(2, 1, 'b'))).toEqual({ status: 'new' });
    await later.close();
  });

  it('moves its pending updates to a new key when the key is rotated, so the next start still resumes them', async () => {
    const file = tempFile();
    const store = createSqliteUserStore({ file, cipher: createCipher(key), logger: captureLogger().logger });
    await store.close();
    const inbox = open(file);
    await inbox.admit(message(4, 1, '/status'));
    await inbox.record(4, { index: 0, effect: 'telegram:sendChatAction:x', result: true });
    await inbox.admit(message(5, 1, '/help'));
    await inbox.finish(5);
    await inbox.close();

    const next = randomBytes(32);
    rotateEncryptionKey({ file, from: key, to: next });
    const rotated = open(file, { k: next });
    expect(await rotated.pending()).toEqual([
      { update: message(4, 1, '/status'), journal: [{ index: 0, effect: 'telegram:sendChatAction:x', result: true }] },
    ]);
    await rotated.close();
  });

  it('adds its tables to a database of the first schema, keeping the users', async () => {
    const file = tempFile();
    const old = new DatabaseSync(file);
    old.exec(
      'CREATE TABLE users (user_id INTEGER PRIMARY KEY, public_state TEXT NOT NULL, secret_state TEXT, updated_at INTEGER NOT NULL) STRICT;',
    );
    old
      .prepare('INSERT INTO users VALUES (?, ?, NULL, 0)')
      .run(4, JSON.stringify({ selection: { customerId: 'c', locationId: 'l', name: 'Home' } }));
    old.close();

    const store = createSqliteUserStore({ file, cipher: createCipher(key), logger: captureLogger().logger });
    const inbox = open(file);
    expect((await store.get(4)).selection?.name).toBe('Home');
    expect(await inbox.admit(message(1, 4, '/status'))).toEqual({ status: 'new' });
    await inbox.close();
    await store.close();
    const db = new DatabaseSync(file);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    db.close();
  });
});
