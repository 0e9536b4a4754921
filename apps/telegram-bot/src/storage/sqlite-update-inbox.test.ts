import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { message } from '../testing/update-inbox-contract';
import { rotateEncryptionKey } from './rotate-key';
import { SCHEMA_VERSION } from './schema';
import { createSqliteUserStore } from './sqlite-user-store';
import { openSqliteUpdateInbox } from './sqlite-update-inbox';

const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ=';
const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-inbox-'));
  dirs.push(dir);
  return join(dir, 'bot.sqlite');
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the SQLite update inbox', () => {
  const key = randomBytes(32);
  const open = (file: string, options: { clock?: () => number; k?: Buffer } = {}) =>
    openSqliteUpdateInbox({
      file,
      cipher: createCipher(options.k ?? key),
      logger: captureLogger().logger,
      ...(options.clock ? { clock: options.clock } : {}),
    });

  it('never writes an update in clear to any of its files, the write-ahead log included', async () => {
    const file = tempFile();
    const inbox = open(file);
    await inbox.admit(message(1, 1, HEADER), '1');
    await inbox.record(1, { index: 0, effect: 'store:get:1', result: { credentials: { authorization: HEADER } } });
    for (const name of readdirSync(join(file, '..')))
      expect(readFileSync(join(file, '..', name)).toString('latin1')).not.toContain('c2VjcmV0');
    await inbox.close();
  });

  it('moves its pending updates to a new key when the key is rotated, so the next start still resumes them', async () => {
    const file = tempFile();
    const store = createSqliteUserStore({ file, cipher: createCipher(key), logger: captureLogger().logger });
    await store.close();
    const inbox = open(file);
    await inbox.admit(message(4, 1, '/status'), '1');
    await inbox.record(4, { index: 0, effect: 'telegram:sendChatAction:x', result: true });
    await inbox.admit(message(5, 1, '/help'), '1');
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
    expect(await inbox.admit(message(1, 4, '/status'), '4')).toEqual({ status: 'new' });
    await inbox.close();
    await store.close();
    const db = new DatabaseSync(file);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    db.close();
  });
});
