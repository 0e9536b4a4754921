import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createCipher } from '../security/cipher';
import type { TeamStore } from '../storage/team-store';
import type { BackendDatabase, StoreBackend } from './store-backends';
import { freshDatabases } from './fresh-databases';

const credentials = { authorization: 'Basic c2VjcmV0OnNlY3JldA==', partnerId: 'b'.repeat(24) };
const HOUR = 3_600_000;

/**
 * What every {@link TeamStore} does, whatever its database: workspaces and members, invites, team
 * chats and the audit log. Run inside a `describe` per backend; several stores on one database
 * stand for several connections or replicas.
 */
export function teamStoreContract(backend: StoreBackend): void {
  describe('TeamStore', () => {
    const cipher = createCipher(randomBytes(32));
    const database = freshDatabases(backend);
    async function open(clock?: () => number): Promise<{ db: BackendDatabase; team: TeamStore }> {
      const db = await database();
      await db.openUsers(cipher); // as the bot opens them: the user store first
      return { db, team: await db.openTeam(cipher, clock) };
    }
    /** A workspace of admin 1 with `others` joined by invite, each with the given role. */
    async function workspaceOf(team: TeamStore, others: Array<[number, 'viewer' | 'support' | 'admin']>) {
      const { workspaceId } = await team.saveCredentials(1, credentials);
      for (const [userId, role] of others) {
        await team.createInvite(workspaceId, role, 1, `hash-${userId}`, Date.now() + HOUR);
        expect(await team.redeemInvite(`hash-${userId}`, userId, Date.now())).toMatchObject({ outcome: 'joined' });
      }
      return workspaceId;
    }

    it('makes whoever sets up first the admin of a new workspace, its credentials sealed by the app', async () => {
      const { db, team } = await open();
      const first = await team.saveCredentials(1, credentials);
      expect(first.created).toBe(true);
      expect(await team.membership(1)).toEqual({ workspaceId: first.workspaceId, role: 'admin' });
      expect(await team.saveCredentials(1, { ...credentials, partnerId: 'c'.repeat(24) })).toEqual({
        workspaceId: first.workspaceId,
        created: false,
      });
      expect((await team.credentials(first.workspaceId))?.partnerId).toBe('c'.repeat(24));
      expect((await team.saveCredentials(2, credentials)).workspaceId).not.toBe(first.workspaceId);
      expect(JSON.stringify(await db.sql('SELECT credentials FROM workspaces'))).not.toContain('c2VjcmV0OnNlY3JldA');
      expect(await team.credentials(999)).toBeNull();
    });

    it('lists admins first, changes roles, and never demotes or removes the last admin', async () => {
      const { team } = await open();
      const workspaceId = await workspaceOf(team, [
        [2, 'viewer'],
        [3, 'support'],
      ]);
      expect((await team.members(workspaceId)).map((m) => [m.userId, m.role])).toEqual([
        [1, 'admin'],
        [2, 'viewer'],
        [3, 'support'],
      ]);
      expect(await team.setRole(workspaceId, 1, 'viewer')).toBe('last-admin');
      expect(await team.removeMember(workspaceId, 1)).toBe('last-admin');
      expect(await team.setRole(workspaceId, 9, 'viewer')).toBe('not-member');
      expect(await team.setRole(workspaceId, 3, 'admin')).toBe('done');
      expect(await team.setRole(workspaceId, 1, 'viewer')).toBe('done');
      expect(await team.removeMember(workspaceId, 2)).toBe('done');
      expect(await team.membership(2)).toBeNull();
      expect(await team.dissolve(workspaceId, 3)).toBe(false); // others are in it
    });

    it('dissolves a workspace only for its only member, with its invites and team chats', async () => {
      const { team } = await open();
      const { workspaceId } = await team.saveCredentials(1, credentials);
      await team.createInvite(workspaceId, 'viewer', 1, 'hash-x', Date.now() + HOUR);
      await team.bindChat(-100, workspaceId, 1, Date.now());
      expect(await team.dissolve(workspaceId, 2)).toBe(false);
      expect(await team.dissolve(workspaceId, 1)).toBe(true);
      expect(await team.membership(1)).toBeNull();
      expect(await team.credentials(workspaceId)).toBeNull();
      expect(await team.chatWorkspace(-100)).toBeNull();
      expect(await team.redeemInvite('hash-x', 5, Date.now())).toEqual({ outcome: 'unknown' });
    });

    it('uses an invite once, and says why one cannot be used', async () => {
      const now = Date.now();
      const { team } = await open();
      const { workspaceId } = await team.saveCredentials(1, credentials);
      const first = await team.createInvite(workspaceId, 'support', 1, 'h1', now + HOUR);
      const second = await team.createInvite(workspaceId, 'viewer', 1, 'h2', now + HOUR);
      await team.createInvite(workspaceId, 'viewer', 1, 'h3', now - 1);
      expect((await team.openInvites(workspaceId, now)).map((i) => i.inviteId)).toEqual([second, first]);
      expect(await team.redeemInvite('h1', 5, now)).toEqual({
        outcome: 'joined',
        workspaceId,
        role: 'support',
        inviteId: first,
        createdBy: 1,
      });
      expect(await team.redeemInvite('h1', 6, now)).toEqual({ outcome: 'used' });
      expect(await team.redeemInvite('h2', 5, now)).toEqual({ outcome: 'member' });
      expect(await team.redeemInvite('h3', 6, now)).toEqual({ outcome: 'expired' });
      expect(await team.redeemInvite('nope', 6, now)).toEqual({ outcome: 'unknown' });
      expect(await team.revokeInvite(workspaceId, first, now)).toBe(false); // used
      expect(await team.revokeByToken('h2', now)).toEqual({ inviteId: second, workspaceId });
      expect(await team.revokeByToken('h2', now)).toBeNull();
      expect(await team.redeemInvite('h2', 6, now)).toEqual({ outcome: 'revoked' });
      expect(await team.openInvites(workspaceId, now)).toEqual([]);
      await team.noteInviteFailure(6, now - 25 * HOUR);
      await team.noteInviteFailure(6, now);
      await team.noteInviteFailure(6, now);
      expect(await team.inviteFailures(6, now - 48 * HOUR)).toBe(2); // the day-old one was forgotten
      expect(await team.inviteFailures(7, 0)).toBe(0);
    });

    it('binds, rebinds and unbinds team chats, and tells each stranger once', async () => {
      const { team } = await open();
      await team.bindChat(-100, 1, 10, 1);
      await team.bindChat(-100, 2, 20, 2);
      expect(await team.chatWorkspace(-100)).toBe(2);
      expect(await team.unbindChat(-100, 1)).toBe(false);
      expect(await team.unbindChat(-100, 2)).toBe(true);
      expect(await team.chatWorkspace(-100)).toBeNull();
      expect(await team.noteChatRefusal(-100, 5)).toBe(true);
      expect(await team.noteChatRefusal(-100, 5)).toBe(false);
      expect(await team.noteChatRefusal(-101, 5)).toBe(true);
    });

    it('filters the audit log newest first, purges past the retention, and never lets an entry change', async () => {
      let now = Date.UTC(2026, 0, 1);
      const { db, team } = await open(() => now);
      await team.audit({ workspaceId: 1, actorId: 10, action: 'report.viewed', customerId: 'c1', purpose: 'pods' });
      now += 91 * 24 * HOUR;
      await team.audit({
        workspaceId: 1,
        actorId: 11,
        action: 'customer.searched',
        customerId: 'c2',
        purpose: 'search',
      });
      await team.audit({ workspaceId: 1, actorId: 10, action: 'member.invited', detail: 'viewer, invite #1' });
      await team.audit({ workspaceId: 2, actorId: 12, action: 'report.viewed', customerId: 'c1', purpose: 'pods' });
      expect((await team.auditEntries(1, {}, 100)).map((e) => e.action)).toEqual([
        'member.invited',
        'customer.searched',
        'report.viewed',
      ]);
      expect((await team.auditEntries(1, { actorId: 10 }, 1)).map((e) => e.action)).toEqual(['member.invited']);
      expect((await team.auditEntries(1, { customerId: 'c1' }, 100)).map((e) => e.actorId)).toEqual([10]);
      expect((await team.auditEntries(1, { action: 'customer.searched' }, 100))[0]).toMatchObject({
        workspaceId: 1,
        actorId: 11,
        customerId: 'c2',
        locationId: null,
        subjectId: null,
        detail: null,
        purpose: 'search',
        at: now,
      });
      expect(await team.customerLookups(1, 'c1')).toEqual([{ at: Date.UTC(2026, 0, 1), purpose: 'pods' }]);
      await expect(db.sql('UPDATE audit_log SET actor_id = 99')).rejects.toThrow(/append-only/);
      expect(await team.purgeAudit(now - 90 * 24 * HOUR)).toBe(1);
      expect((await team.auditEntries(1, {}, 100)).map((e) => e.customerId)).toEqual([null, 'c2']);
    });

    it('notes a member’s activity at most once a minute', async () => {
      const start = Date.UTC(2026, 0, 1); // a real epoch time: ms need 64 bits
      let now = start;
      const { team } = await open(() => now);
      const { workspaceId } = await team.saveCredentials(1, credentials);
      now += 30_000;
      await team.noteActivity(1);
      expect((await team.members(workspaceId))[0]?.lastActiveAt).toBe(start);
      now += 60_000;
      await team.noteActivity(1);
      expect((await team.members(workspaceId))[0]?.lastActiveAt).toBe(start + 90_000);
    });

    it('keeps a member’s display name while they are a member, and only theirs', async () => {
      const { team } = await open();
      const workspaceId = await workspaceOf(team, [[2, 'viewer']]);
      await team.noteActivity(1, 'Ada @ada');
      await team.noteActivity(2);
      await team.noteActivity(99, 'Stranger'); // not a member: not kept
      expect((await team.members(workspaceId)).map((m) => [m.userId, m.displayName])).toEqual([
        [1, 'Ada @ada'],
        [2, null],
      ]);
      await team.noteActivity(2, 'Bob');
      await team.noteActivity(2, 'Bob B.');
      expect((await team.members(workspaceId))[1]?.displayName).toBe('Bob B.');
      expect(await team.removeMember(workspaceId, 2)).toBe('done');
      await team.createInvite(workspaceId, 'viewer', 1, 'back', Date.now() + HOUR);
      await team.redeemInvite('back', 2, Date.now());
      expect((await team.members(workspaceId))[1]).toMatchObject({ userId: 2, displayName: null }); // deleted with the membership
    });

    it('keeps a member’s lookup purpose until it lapses or they leave', async () => {
      let now = Date.UTC(2026, 0, 1);
      const { team } = await open(() => now);
      const workspaceId = await workspaceOf(team, [[2, 'support']]);
      expect(await team.setPurpose(99, 'ticket 1', now + HOUR)).toBe(false); // in no workspace
      expect(await team.setPurpose(2, 'ticket 1', now + HOUR)).toBe(true);
      expect(await team.setPurpose(2, 'ticket 2', now + 2 * HOUR)).toBe(true);
      expect(await team.purpose(2)).toEqual({ purpose: 'ticket 2', until: now + 2 * HOUR });
      now += 2 * HOUR;
      expect(await team.purpose(2)).toBeNull(); // lapsed
      expect(await team.setPurpose(2, 'ticket 3', now + HOUR)).toBe(true);
      expect(await team.clearPurpose(2)).toBe(true);
      expect(await team.clearPurpose(2)).toBe(false);
      expect(await team.setPurpose(2, 'ticket 4', now + HOUR)).toBe(true);
      expect(await team.removeMember(workspaceId, 2)).toBe('done');
      expect(await team.purpose(2)).toBeNull(); // deleted with the membership
    });

    it('keeps an admin when the last two are removed at once from two stores', async () => {
      const { db, team } = await open();
      const other = await db.openTeam(cipher);
      const workspaceId = await workspaceOf(team, [
        [2, 'admin'],
        [3, 'viewer'],
      ]);
      for (let round = 0; round < 3; round += 1) {
        const results = await Promise.all([team.removeMember(workspaceId, 1), other.removeMember(workspaceId, 2)]);
        expect([...results].sort()).toEqual(['done', 'last-admin']);
        expect((await team.members(workspaceId)).filter((m) => m.role === 'admin')).toHaveLength(1);
        // Put the removed admin back for the next round.
        const removed = results[0] === 'done' ? 1 : 2;
        await team.createInvite(workspaceId, 'admin', 3, `again-${round}`, Date.now() + HOUR);
        expect(await team.redeemInvite(`again-${round}`, removed, Date.now())).toMatchObject({ outcome: 'joined' });
      }
    });

    it('lets one of two people opening one invite at once from two stores join', async () => {
      const { db, team } = await open();
      const other = await db.openTeam(cipher);
      const { workspaceId } = await team.saveCredentials(1, credentials);
      await team.createInvite(workspaceId, 'viewer', 1, 'shared', Date.now() + HOUR);
      const results = await Promise.all([
        team.redeemInvite('shared', 5, Date.now()),
        other.redeemInvite('shared', 6, Date.now()),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(['joined', 'used']);
      expect(await team.members(workspaceId)).toHaveLength(2);
    });
  });
}
