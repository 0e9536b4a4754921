import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import { createCipher, type Cipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { message } from '../testing/update-inbox-contract';
import { openPgPool, pgTransaction } from './pg-database';
import { migratePostgres } from './pg-schema';
import { pgUpdateInbox, resealPgUpdateInbox } from './pg-update-inbox';
import type { UpdateInbox } from './update-inbox';

// Several replicas on one database: each inbox here has its own pool and replica id.
describe('the PostgreSQL update inbox, shared by replicas', () => {
  const cipher = createCipher(randomBytes(32));
  const LEASE = 30_000;
  let now = 1_000_000;
  const clock = () => now;
  const databases: TestDatabase[] = [];
  const pools: Pool[] = [];
  afterEach(async () => {
    for (const pool of pools.splice(0)) await pool.end();
    for (const db of databases.splice(0)) await db.drop();
  });

  async function database(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  }
  async function pool(db: TestDatabase): Promise<Pool> {
    const opened = openPgPool({ url: db.url, name: db.name, logger: captureLogger().logger, max: 3 });
    pools.push(opened);
    await migratePostgres(opened);
    return opened;
  }
  /** Another replica: its own pool and id. */
  const replica = async (db: TestDatabase, id: string, key: Cipher = cipher): Promise<UpdateInbox> =>
    pgUpdateInbox({
      pool: await pool(db),
      cipher: key,
      logger: captureLogger().logger,
      replicaId: id,
      clock,
      leaseMs: LEASE,
    });
  async function replicas(): Promise<[UpdateInbox, UpdateInbox]> {
    const db = await database();
    return [await replica(db, 'bot-a'), await replica(db, 'bot-b')];
  }

  it('admits an update delivered to two replicas at once only once: the other is told another replica holds it', async () => {
    const [a, b] = await replicas();
    const answers = await Promise.all([a.admit(message(1, 7, '/status'), '7'), b.admit(message(1, 7, '/status'), '7')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(['held', 'new']);
    const holder = answers[0]?.status === 'new' ? a : b;
    await holder.finish(1);
    expect((await a.admit(message(1, 7, '/status'), '7')).status).toBe('done');
    expect((await b.admit(message(1, 7, '/status'), '7')).status).toBe('done');
  });

  it("starts one person's updates one at a time, oldest first, whichever replicas hold them", async () => {
    const [a, b] = await replicas();
    await a.admit(message(1, 7, 'first'), '7');
    await b.admit(message(2, 7, 'second'), '7');
    await b.admit(message(3, 8, 'someone else'), '8');
    expect(await b.begin(2)).toBe(false); // the first is pending on the other replica
    expect(await b.begin(3)).toBe(true); // another person never waits
    expect(await a.begin(1)).toBe(true);
    expect(await b.begin(2)).toBe(false); // the first is running
    await a.finish(1);
    expect(await b.begin(2)).toBe(true);
  });

  it("lets a person's next update start once the running one is overdue", async () => {
    const [a, b] = await replicas();
    await a.admit(message(1, 7, 'slow'), '7');
    await b.admit(message(2, 7, 'next'), '7');
    expect(await a.begin(1)).toBe(true);
    expect(await b.begin(2)).toBe(false);
    await a.overdue(1);
    expect(await b.begin(2)).toBe(true);
  });

  it("takes over a dead replica's updates once its lease ran out, with their journals; the dead one can record nothing more", async () => {
    const [a, b] = await replicas();
    await a.admit(message(1, 7, '/status'), '7');
    expect(await a.begin(1)).toBe(true);
    await a.record(1, { index: 0, effect: 'telegram:sendMessage:x', result: { message_id: 3 } });
    // a dies: it renews nothing more. Within the lease, a redelivery to b is a duplicate and b takes nothing.
    now += LEASE - 1;
    expect(await b.admit(message(1, 7, '/status'), '7')).toEqual({ status: 'held' });
    expect(await b.pending()).toEqual([]);
    now += 2;
    const taken = await b.pending();
    expect(taken).toEqual([
      {
        update: message(1, 7, '/status'),
        journal: [{ index: 0, effect: 'telegram:sendMessage:x', result: { message_id: 3 } }],
      },
    ]);
    expect(await b.begin(1)).toBe(true);
    // a was only stalled: what it still does is not recorded, and it cannot finish b's update.
    expect(await a.record(1, { index: 1, effect: 'telegram:sendMessage:y', result: true })).toBe(false);
    await a.finish(1);
    expect(await b.countPending()).toBe(1);
    await b.finish(1);
    expect(await b.countPending()).toBe(0);
  });

  it("keeps a live replica's updates while it renews its lease, and hands them over at once when it stops", async () => {
    const [a, b] = await replicas();
    await a.admit(message(1, 7, '/status'), '7');
    await a.admit(message(2, 8, '/help'), '8');
    now += LEASE - 1;
    await a.renew();
    now += LEASE - 1;
    expect(await b.pending()).toEqual([]);
    expect(await a.release()).toBe(2);
    expect((await b.pending()).map((p) => p.update.update_id)).toEqual([1, 2]);
    expect(await a.pending()).toEqual([]); // b holds them now
  });

  it('re-seals pending updates and their effects under a new key (key rotation)', async () => {
    const db = await database();
    const a = await replica(db, 'bot-a');
    await a.admit(message(4, 1, '/status'), '1');
    await a.record(4, { index: 0, effect: 'telegram:sendChatAction:x', result: true });
    await a.admit(message(5, 1, '/help'), '1');
    await a.finish(5);
    await a.release();
    const next = createCipher(randomBytes(32));
    expect(await pgTransaction(await pool(db), (client) => resealPgUpdateInbox(client, cipher, next))).toBe(2);
    const rotated = await replica(db, 'bot-a', next);
    expect(await rotated.pending()).toEqual([
      { update: message(4, 1, '/status'), journal: [{ index: 0, effect: 'telegram:sendChatAction:x', result: true }] },
    ]);
  });
});
