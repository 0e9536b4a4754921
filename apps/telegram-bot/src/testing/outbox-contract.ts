import { describe, expect, it } from '@jest/globals';
import { createOutbox, type Outbox } from '../storage/outbox';
import type { BackendDatabase, StoreBackend } from './store-backends';
import { freshDatabases } from './fresh-databases';

const LEASE = 60_000;
const BODY = JSON.stringify({
  decision: {
    kind: 'unknown',
    key: 'L1:noData',
    condition: 'noData',
    since: '2026-01-01T00:00:00Z',
    at: '2026-01-01T00:00:00Z',
  },
});

/**
 * What the outbox does for relays sharing one database, whatever the backend: claims under a lease,
 * each row to one relay, a person's rows in order, a dead relay's rows taken over. Run inside a
 * `describe` per backend; each relay has its own connection, as on its own replica.
 */
export function outboxContract(backend: StoreBackend): void {
  describe('the outbox shared by relays', () => {
    const database = freshDatabases(backend);

    /** A database with one pending row per user id given (in that order, due at 0), and two relays. */
    async function relays(users: number[]): Promise<{ a: Outbox; b: Outbox; ids: number[]; db: BackendDatabase }> {
      const db = await database();
      const a = createOutbox(await db.openMonitoring(), { owner: 'relay-a', leaseMs: LEASE });
      const b = createOutbox(await db.openMonitoring(), { owner: 'relay-b', leaseMs: LEASE });
      for (const user of users)
        await db.sql(
          `INSERT INTO outbox (user_id, kind, body, state, created_at, next_attempt_at)
           VALUES (${user}, 'unknown', '${BODY}', 'pending', 0, 0)`,
        );
      const ids = (await db.sql('SELECT id FROM outbox ORDER BY id')).map((row) => Number(row.id));
      return { a, b, ids, db };
    }
    const idsOf = (rows: ReadonlyArray<{ id: number }>) => rows.map((row) => row.id);

    it('gives each row to one relay, and a person’s next row only once the one before is sent', async () => {
      const { a, b, ids } = await relays([1, 1, 2, 3]);
      const [first, second, third, fourth] = ids;
      expect(idsOf(await a.claim(1, 1))).toEqual([first]);
      // The second row is the same person's: it waits for the first, claimed by relay A.
      expect(idsOf(await b.claim(1, 10))).toEqual([third, fourth]);
      expect(await a.claim(1, 10)).toEqual([]);
      expect(await a.sending(first ?? 0, 1)).toBe(true);
      await a.sent(first ?? 0, 1, 11, 2);
      expect(idsOf(await a.claim(2, 10))).toEqual([second]);
    });

    it('splits the rows between two relays claiming at the same moment', async () => {
      const { a, b, ids } = await relays([1, 2, 3, 4, 5, 6]);
      const [mine, theirs] = await Promise.all([a.claim(1, 3), b.claim(1, 3)]);
      const claimed = [...idsOf(mine ?? []), ...idsOf(theirs ?? [])];
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.length).toBeGreaterThanOrEqual(3);
      expect(claimed.every((id) => ids.includes(id))).toBe(true);
    });

    it('hands a dead relay’s claim to another when the lease runs out: the row it was sending is sent again', async () => {
      const { a, b, ids } = await relays([1, 2]);
      const [sending, waiting] = ids;
      expect(idsOf(await a.claim(1, 10))).toEqual([sending, waiting]);
      // Relay A called Telegram for the first row, then died before marking it sent.
      expect(await a.sending(sending ?? 0, 1)).toBe(true);
      expect(await b.claim(2, 10)).toEqual([]);
      expect(await b.nextDueAt(2)).toBe(1 + LEASE);
      // The duplicate window: the first row reached Telegram once already and goes again.
      expect(idsOf(await b.claim(1 + LEASE, 10))).toEqual([sending, waiting]);
      expect(await b.sending(sending ?? 0, 1 + LEASE)).toBe(true);
      await b.sent(sending ?? 0, 1, 12, 2 + LEASE);
      // Relay A, back too late, no longer holds the second row: it must not send it, nor reschedule it.
      expect(await a.sending(waiting ?? 0, 3 + LEASE)).toBe(false);
      await a.retry(waiting ?? 0, 10 * LEASE, 'late');
      expect(await b.sending(waiting ?? 0, 3 + LEASE)).toBe(true);
      await b.sent(waiting ?? 0, 2, 13, 4 + LEASE);
      expect(await b.stats(5 + LEASE)).toMatchObject({ pending: 0, sent: 2 });
    });

    it('gives back at a restart what the relay had claimed, without waiting for the lease', async () => {
      const { a, b, ids, db } = await relays([1, 2]);
      expect(await a.claim(1, 10)).toHaveLength(2);
      expect(await a.sending(ids[0] ?? 0, 1)).toBe(true);
      const restarted = createOutbox(await db.openMonitoring(), { owner: 'relay-a', leaseMs: LEASE });
      expect(await restarted.recover()).toBe(1);
      expect(idsOf(await b.claim(2, 10))).toEqual(ids);
    });

    it('gives back a row not sent now (its chat waits) to any relay at once', async () => {
      const { a, b, ids } = await relays([1]);
      expect(await a.claim(1, 10)).toHaveLength(1);
      await a.release(ids[0] ?? 0);
      expect(idsOf(await b.claim(1, 10))).toEqual(ids);
      expect(await b.sending(ids[0] ?? 0, 1)).toBe(true);
      await b.retry(ids[0] ?? 0, 500, 'network');
      expect(await b.claim(2, 10)).toEqual([]);
      expect(await a.nextDueAt(2)).toBe(500);
      expect(idsOf(await a.claim(500, 10))).toEqual(ids);
    });
  });
}
