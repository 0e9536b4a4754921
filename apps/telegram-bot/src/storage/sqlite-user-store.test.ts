import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { createSqliteUserStore } from './sqlite-user-store';

const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ=';
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the SQLite user store', () => {
  const key = randomBytes(32);
  const open = (dir: string, k = key) => createSqliteUserStore({ file: join(dir, 'bot.sqlite'), cipher: createCipher(k), logger: captureLogger().logger });

  it('keeps state across a reopen, and never writes the credentials in clear', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.update(7, (s) => ({ ...s, credentials: { authorization: HEADER, partnerId: 'a'.repeat(24) }, selection: { customerId: 'c', locationId: 'l', name: 'Home' } }));
    await store.close();

    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes).not.toContain('c2VjcmV0LWNsaWVudDpzZWNyZXQtcGFzc3dvcmQ');
      expect(bytes).not.toContain('Basic ');
    }
    expect(statSync(join(dir, 'bot.sqlite')).mode & 0o077).toBe(0);

    const again = open(dir);
    const state = await again.get(7);
    expect(state.credentials?.authorization).toBe(HEADER);
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

  it('drops credentials it cannot decrypt (another key) but keeps the rest', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.update(3, (s) => ({ ...s, credentials: { authorization: HEADER, partnerId: 'p' }, selection: { customerId: 'c', locationId: 'l', name: 'Home' } }));
    await store.close();
    const other = open(dir, randomBytes(32));
    const state = await other.get(3);
    expect(state.credentials).toBeUndefined();
    expect(state.selection?.name).toBe('Home');
    await other.close();
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
    await store.update(5, (s) => ({ ...s, credentials: { authorization: HEADER, partnerId: 'p' } }));
    await store.delete(5);
    expect(await store.get(5)).toEqual({ recent: [], refs: { next: 0, items: [] } });
    expect(await store.count()).toBe(0);
    await store.close();
  });
});
