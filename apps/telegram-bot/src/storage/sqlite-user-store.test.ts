import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { EncryptionKeyMismatchError } from './key-check';
import { rotateEncryptionKey } from './rotate-key';
import { createSqliteUserStore } from './sqlite-user-store';
import { UnreadableStateError } from './user-store';

const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ=';
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs one statement on the database file, as an operator's sqlite3 would. */
function sql(dir: string, statement: string): void {
  const db = new DatabaseSync(join(dir, 'bot.sqlite'));
  db.exec(statement);
  db.close();
}

function sealedOf(dir: string, userId: number): string {
  const db = new DatabaseSync(join(dir, 'bot.sqlite'));
  const row = db.prepare('SELECT secret_state FROM users WHERE user_id = ?').get(userId) as { secret_state: string };
  db.close();
  return row.secret_state;
}

describe('the SQLite user store', () => {
  const key = randomBytes(32);
  const open = (dir: string, k = key) =>
    createSqliteUserStore({ file: join(dir, 'bot.sqlite'), cipher: createCipher(k), logger: captureLogger().logger });

  it('keeps state across a reopen, and never writes a /setup draft in clear', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.update(7, (s) => ({
      ...s,
      draft: { authorization: HEADER, partnerId: 'a'.repeat(24) },
      selection: { customerId: 'c', locationId: 'l', name: 'Home' },
    }));
    await store.close();

    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes).not.toContain('c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ');
      expect(bytes).not.toContain('Basic ');
    }
    expect(statSync(join(dir, 'bot.sqlite')).mode & 0o077).toBe(0);

    const again = open(dir);
    const state = await again.get(7);
    expect(state.draft?.authorization).toBe(HEADER);
    expect(state.selection?.name).toBe('Home');
    expect(await again.count()).toBe(1);
    await again.close();
  });

  it('writes all of an update or nothing', async () => {
    const store = open(tempDir());
    await store.update(1, (s) => ({ ...s, selection: { customerId: 'c', locationId: 'l1', name: 'One' } }));
    await expect(
      store.update(1, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.get(1)).selection?.locationId).toBe('l1');
    await store.close();
  });

  it('refuses to open under another key, naming BOT_ENCRYPTION_KEY, and changes nothing', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.update(3, (s) => ({
      ...s,
      draft: { authorization: HEADER, partnerId: 'p' },
      selection: { customerId: 'c', locationId: 'l', name: 'Home' },
    }));
    await store.close();
    const before = sealedOf(dir, 3);
    expect(() => open(dir, randomBytes(32))).toThrow(EncryptionKeyMismatchError);
    expect(() => open(dir, randomBytes(32))).toThrow(/BOT_ENCRYPTION_KEY is not the key that sealed/);
    expect(sealedOf(dir, 3)).toBe(before);
    const again = open(dir);
    expect((await again.get(3)).draft?.authorization).toBe(HEADER);
    await again.close();
  });

  it('checks the key of a database from before the key check against its sealed rows', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.update(4, (s) => ({ ...s, draft: { authorization: HEADER, partnerId: 'p' } }));
    await store.close();
    sql(dir, 'DROP TABLE key_check; PRAGMA user_version = 2'); // as an older bot left it
    expect(() => open(dir, randomBytes(32))).toThrow(EncryptionKeyMismatchError);
    const again = open(dir);
    await again.close();
    expect(() => open(dir, randomBytes(32))).toThrow(EncryptionKeyMismatchError);
  });

  it('never overwrites a sealed value that does not open, and still lets the user delete it', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.update(6, (s) => ({ ...s, draft: { authorization: HEADER, partnerId: 'p' } }));
    const [v, iv, tag, body = ''] = sealedOf(dir, 6).split('.');
    const damaged = `${v}.${iv}.${tag}.${body.startsWith('A') ? 'B' : 'A'}${body.slice(1)}`;
    sql(dir, `UPDATE users SET secret_state = '${damaged}' WHERE user_id = 6`);
    await expect(store.get(6)).rejects.toThrow(UnreadableStateError);
    await expect(store.update(6, ({ draft: _d, ...rest }) => rest)).rejects.toThrow(UnreadableStateError);
    expect(sealedOf(dir, 6)).toBe(damaged);
    await store.delete(6);
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it('re-seals every row under a new key in one go; then only the new key opens the database', async () => {
    const dir = tempDir();
    const store = open(dir);
    for (const id of [1, 2, 3])
      await store.update(id, (s) => ({ ...s, draft: { authorization: HEADER, partnerId: `p${id}` } }));
    await store.update(4, (s) => ({ ...s, selection: { customerId: 'c', locationId: 'l', name: 'No secrets' } }));
    await store.close();
    const file = join(dir, 'bot.sqlite');
    const next = randomBytes(32);
    expect(() => rotateEncryptionKey({ file, from: randomBytes(32), to: next })).toThrow(EncryptionKeyMismatchError);
    expect(rotateEncryptionKey({ file, from: key, to: next })).toEqual({ resealed: 3, workspaces: 0 });
    expect(() => open(dir)).toThrow(EncryptionKeyMismatchError);
    const rotated = open(dir, next);
    expect((await rotated.get(2)).draft?.partnerId).toBe('p2');
    expect((await rotated.get(4)).selection?.name).toBe('No secrets');
    await rotated.close();
  });

  it('notes a refusal once per user, across a reopen', async () => {
    const dir = tempDir();
    const store = open(dir);
    expect(await store.noteRefusal(9)).toBe(true);
    expect(await store.noteRefusal(9)).toBe(false);
    await store.close();
    const again = open(dir);
    expect(await again.noteRefusal(9)).toBe(false);
    expect(await again.noteRefusal(10)).toBe(true);
    expect(await again.count()).toBe(0);
    await again.close();
  });

  it('forgets a deleted user', async () => {
    const store = open(tempDir());
    await store.update(5, (s) => ({ ...s, draft: { authorization: HEADER, partnerId: 'p' } }));
    await store.delete(5);
    expect(await store.get(5)).toEqual({ recent: [], refs: { next: 0, items: [] } });
    expect(await store.count()).toBe(0);
    await store.close();
  });
});
