import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { rotateEncryptionKey } from './rotate-key';
import { SCHEMA_VERSION } from './schema';
import { openSqliteTeamStore } from './sqlite-team-store';
import { createSqliteUserStore } from './sqlite-user-store';

/**
 * `fixtures/schema-v3.sqlite` was written by the bot's own store as it was before workspaces
 * (schema version 3, key 0x11 × 32): user 101 set up on the default cloud with a selection, 102 on
 * another cloud, 103 in the middle of /setup (a draft header), 104 searching for a location, and
 * the stranger 999 refused once.
 */
const FIXTURE = join(__dirname, 'fixtures', 'schema-v3.sqlite');
const FIXTURE_KEY = Buffer.from('11'.repeat(32), 'hex');
const SIMULATOR_HEADER = 'Basic MG9hU2ltdWxhdG9yQ2xpZW50MDAwMTpzaW11bGF0b3Itc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg==';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-team-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function open(file: string, key: Buffer) {
  const { logger, lines } = captureLogger();
  const cipher = createCipher(key);
  const store = createSqliteUserStore({ file, cipher, logger });
  const team = openSqliteTeamStore({ file, cipher, logger });
  return { store, team, lines, close: async () => (await team.close(), await store.close()) };
}

function rows(file: string, query: string): Array<Record<string, unknown>> {
  const db = new DatabaseSync(file, { readOnly: true });
  const result = db.prepare(query).all() as Array<Record<string, unknown>>;
  db.close();
  return result;
}

describe('the migration to workspaces', () => {
  it('makes everyone set up the admin of a one-person workspace holding their credentials, and nobody else', async () => {
    const file = join(tempDir(), 'bot.sqlite');
    copyFileSync(FIXTURE, file);
    expect(rows(file, 'PRAGMA user_version')).toEqual([{ user_version: 3 }]);

    const opened = open(file, FIXTURE_KEY);
    const { team, store } = opened;
    expect(await team.membership(101)).toEqual({ workspaceId: 101, role: 'admin' });
    expect(await team.credentials(101)).toEqual({
      authorization: SIMULATOR_HEADER,
      partnerId: '64a1f2c3d4e5f60718293a4b',
    });
    expect(await team.membership(102)).toEqual({ workspaceId: 102, role: 'admin' });
    expect(await team.credentials(102)).toMatchObject({
      partnerId: 'a'.repeat(24),
      ssoUrl: 'https://sso.example.com/oauth2/x/v1/token',
      apiBase: 'https://api.example.com/api/',
    });
    // Someone who had only begun /setup keeps their draft and joins no workspace until they finish.
    expect(await team.membership(103)).toBeNull();
    expect(await store.get(103)).toMatchObject({
      dialog: { kind: 'setup', step: 'partnerId' },
      draft: { authorization: 'Basic ZHJhZnQtY2xpZW50OmRyYWZ0LXNlY3JldA==' },
    });
    expect(await team.membership(104)).toBeNull();
    expect((await store.get(101)).selection?.name).toBe('Home');
    expect(await store.noteRefusal(999)).toBe(false);
    expect(await team.members(101)).toEqual([expect.objectContaining({ userId: 101, role: 'admin' }) as unknown]);
    await opened.close();

    // The credentials left the people's rows: only the draft of 103 is still sealed there.
    expect(rows(file, 'SELECT user_id FROM users WHERE secret_state IS NOT NULL')).toEqual([{ user_id: 103 }]);
    expect(rows(file, 'SELECT workspace_id FROM workspaces ORDER BY 1')).toEqual([
      { workspace_id: 101 },
      { workspace_id: 102 },
    ]);
    expect(rows(file, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSION }]);
    expect(readFileSync(file).toString('latin1')).not.toContain('MG9hU2ltdWxhdG9y');

    // A second open finds nothing left to move and changes nothing.
    const sealed = rows(file, 'SELECT credentials FROM workspaces ORDER BY workspace_id');
    const again = open(file, FIXTURE_KEY);
    expect(await again.team.credentials(101)).toMatchObject({ authorization: SIMULATOR_HEADER });
    await again.close();
    expect(rows(file, 'SELECT credentials FROM workspaces ORDER BY workspace_id')).toEqual(sealed);
    expect(again.lines().filter((line) => line.includes('Moved stored credentials'))).toEqual([]);
  });

  it('leaves a founder whose row does not open as it was, and tries again at the next open', async () => {
    const file = join(tempDir(), 'bot.sqlite');
    copyFileSync(FIXTURE, file);
    const db = new DatabaseSync(file);
    const [original] = db.prepare('SELECT secret_state FROM users WHERE user_id = 102').all() as Array<{
      secret_state: string;
    }>;
    db.prepare("UPDATE users SET secret_state = 'v1.AAAA.AAAA.AAAA' WHERE user_id = 102").run();
    db.close();
    const first = open(file, FIXTURE_KEY);
    expect(await first.team.credentials(101)).not.toBeNull();
    expect(await first.team.credentials(102)).toBeNull();
    await first.close();
    // Repaired by the operator (say, from a backup): the next open moves it.
    const repair = new DatabaseSync(file);
    repair.prepare('UPDATE users SET secret_state = ? WHERE user_id = 102').run(original?.secret_state ?? null);
    repair.close();
    const second = open(file, FIXTURE_KEY);
    expect(await second.team.credentials(102)).toMatchObject({ partnerId: 'a'.repeat(24) });
    await second.close();
  });
});

describe('the SQLite team store', () => {
  const key = randomBytes(32);
  const credentials = { authorization: 'Basic c2VjcmV0OnNlY3JldA==', partnerId: 'b'.repeat(24) };

  it('makes whoever sets up first the admin of a new workspace, and an admin replaces its credentials', async () => {
    const file = join(tempDir(), 'bot.sqlite');
    const { team, close } = open(file, key);
    const first = await team.saveCredentials(1, credentials);
    expect(first.created).toBe(true);
    expect(await team.membership(1)).toEqual({ workspaceId: first.workspaceId, role: 'admin' });
    const again = await team.saveCredentials(1, { ...credentials, partnerId: 'c'.repeat(24) });
    expect(again).toEqual({ workspaceId: first.workspaceId, created: false });
    expect((await team.credentials(first.workspaceId))?.partnerId).toBe('c'.repeat(24));
    const other = await team.saveCredentials(2, credentials);
    expect(other.workspaceId).not.toBe(first.workspaceId);
    await close();
  });

  it('never demotes or removes the last admin, and dissolves a workspace only for its only member', async () => {
    const file = join(tempDir(), 'bot.sqlite');
    const { team, close } = open(file, key);
    const { workspaceId } = await team.saveCredentials(1, credentials);
    expect(await team.setRole(workspaceId, 1, 'viewer')).toBe('last-admin');
    expect(await team.removeMember(workspaceId, 1)).toBe('last-admin');
    expect(await team.setRole(workspaceId, 2, 'viewer')).toBe('not-member');
    expect(await team.dissolve(workspaceId, 1)).toBe(true);
    expect(await team.membership(1)).toBeNull();
    expect(await team.credentials(workspaceId)).toBeNull();
    await close();
  });

  it('re-seals workspace credentials in a key rotation', async () => {
    const file = join(tempDir(), 'bot.sqlite');
    const first = open(file, key);
    const { workspaceId } = await first.team.saveCredentials(1, credentials);
    await first.close();
    const next = randomBytes(32);
    expect(rotateEncryptionKey({ file, from: key, to: next })).toEqual({ resealed: 0, workspaces: 1 });
    const rotated = open(file, next);
    expect(await rotated.team.credentials(workspaceId)).toEqual(credentials);
    await rotated.close();
  });
});

describe('the audit log', () => {
  const key = randomBytes(32);

  it('filters by member, customer and action, newest first, and never lets an entry change', async () => {
    const file = join(tempDir(), 'bot.sqlite');
    const { team, close } = open(file, key);
    await team.audit({ workspaceId: 1, actorId: 10, action: 'report.viewed', customerId: 'c1', purpose: 'pods' });
    await team.audit({
      workspaceId: 1,
      actorId: 11,
      action: 'customer.searched',
      customerId: 'c2',
      purpose: 'customer search',
    });
    await team.audit({ workspaceId: 1, actorId: 10, action: 'member.invited', detail: 'viewer, invite #1' });
    await team.audit({ workspaceId: 2, actorId: 12, action: 'report.viewed', customerId: 'c1', purpose: 'pods' });
    const all = await team.auditEntries(1, {}, 100);
    expect(all.map((e) => e.action)).toEqual(['member.invited', 'customer.searched', 'report.viewed']);
    expect((await team.auditEntries(1, { actorId: 10 }, 100)).map((e) => e.action)).toEqual([
      'member.invited',
      'report.viewed',
    ]);
    expect((await team.auditEntries(1, { customerId: 'c1' }, 100)).map((e) => e.actorId)).toEqual([10]);
    expect((await team.auditEntries(1, { action: 'customer.searched' }, 100)).map((e) => e.actorId)).toEqual([11]);
    expect(await team.customerLookups(1, 'c1')).toEqual([{ at: expect.any(Number) as unknown, purpose: 'pods' }]);
    await close();
    const db = new DatabaseSync(file);
    expect(() => db.exec('UPDATE audit_log SET actor_id = 99')).toThrow(/append-only/);
    db.close();
  });

  it('deletes only the entries past the retention', async () => {
    let now = Date.UTC(2026, 0, 1);
    const file = join(tempDir(), 'bot.sqlite');
    const { logger } = captureLogger();
    const cipher = createCipher(key);
    const store = createSqliteUserStore({ file, cipher, logger });
    const team = openSqliteTeamStore({ file, cipher, logger, clock: () => now });
    await team.audit({ workspaceId: 1, actorId: 10, action: 'report.viewed', customerId: 'old', purpose: 'pods' });
    now += 91 * 86_400_000;
    await team.audit({ workspaceId: 1, actorId: 10, action: 'report.viewed', customerId: 'new', purpose: 'pods' });
    expect(await team.purgeAudit(now - 90 * 86_400_000)).toBe(1);
    expect((await team.auditEntries(1, {}, 10)).map((e) => e.customerId)).toEqual(['new']);
    await team.close();
    await store.close();
  });
});
