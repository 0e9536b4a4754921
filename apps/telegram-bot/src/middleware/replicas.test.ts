import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { BotContext, type BotServices } from '../context';
import { createCipher } from '../security/cipher';
import { openPgPool, preparePgDatabase } from '../storage/pg-database';
import { pgSettingsStore } from '../storage/pg-settings-store';
import { pgTeamStore } from '../storage/pg-team-store';
import { pgUpdateInbox } from '../storage/pg-update-inbox';
import { pgUserStore } from '../storage/pg-user-store';
import type { UpdateInbox } from '../storage/update-inbox';
import type { UserStore } from '../storage/user-store';
import { captureLogger } from '../testing/capture-logger';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { message } from '../testing/update-inbox-contract';
import { until } from '../testing/until';
import { keepClaims, type ClaimKeeper } from './claim-keeper';
import { createUpdateDispatcher, type UpdateDispatcher } from './dispatcher';

/** A gate a handler waits at until the test opens it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

interface Replica {
  name: string;
  telegraf: Telegraf<BotContext>;
  dispatcher: UpdateDispatcher;
  inbox: UpdateInbox;
  users: UserStore;
  /** The updates whose handler began here. */
  began: number[];
  /** Asks for the person's turn, as the dispatcher does (counted). */
  asked: number[];
}

// Two bot replicas on one PostgreSQL database, each with its own pool, inbox and dispatcher, taking
// updates as a webhook would hand them over (`handleUpdate`), with the real stores behind the journal.
describe('the dispatcher on replicas sharing one PostgreSQL inbox', () => {
  const cipher = createCipher(randomBytes(32));
  const LEASE = 30_000;
  let now = 1_000_000;
  const clock = () => now;
  let database: TestDatabase | undefined;
  const pools: Pool[] = [];
  const keepers: ClaimKeeper[] = [];
  const gates = new Map<number, ReturnType<typeof gate>>();
  /** Everything the handlers did, in order: `<replica> <update id> start|end`. */
  const log: string[] = [];

  afterEach(async () => {
    for (const keeper of keepers.splice(0)) await keeper.stop();
    for (const g of gates.values()) g.open();
    gates.clear();
    log.splice(0);
    for (const pool of pools.splice(0)) await pool.end();
    await database?.drop();
    database = undefined;
  });

  async function replica(name: string): Promise<Replica> {
    database ??= await createTestDatabase();
    const { logger } = captureLogger();
    const pool = openPgPool({ url: database.url, name: database.name, logger, max: 4 });
    pools.push(pool);
    await preparePgDatabase(pool, cipher, database.name, clock());
    const shared = pgUpdateInbox({ pool, cipher, logger, replicaId: name, clock, leaseMs: LEASE });
    const asked: number[] = [];
    const inbox: UpdateInbox = { ...shared, begin: (id) => (asked.push(id), shared.begin(id)) };
    const users = pgUserStore(pool, cipher, logger, clock);
    const dispatcher = createUpdateDispatcher({
      inbox,
      logger,
      onError: (error) => logger.error({ err: error }, 'escaped'),
      deadline: { notify: () => Promise.resolve() },
      turnRetryMs: 20,
    });
    const telegraf = new Telegraf<BotContext>('1:test', { contextType: BotContext, telegram: { webhookReply: false } });
    // Only what the dispatcher's journal wraps; the handler below uses nothing else.
    telegraf.context.services = {
      store: users,
      team: pgTeamStore(pool, cipher, logger, clock),
      settings: pgSettingsStore(pool, logger, clock),
      logger,
    } as unknown as BotServices;
    // Known already, so that no update asks the Bot API (there is none here) who the bot is.
    telegraf.botInfo = {
      id: 1,
      is_bot: true,
      first_name: 'Bot',
      username: 'replica_test_bot',
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    const began: number[] = [];
    telegraf.use(dispatcher.middleware);
    telegraf.on('message', async (ctx) => {
      const id = ctx.update.update_id;
      began.push(id);
      log.push(`${name} ${id} start`);
      // One recorded effect: the person's state gains an entry per update handled.
      await ctx.services.store.update(ctx.from.id, (state) => ({
        ...state,
        recent: [...state.recent, { customerId: 'c', locationId: String(id), name }],
      }));
      await gates.get(id)?.opened;
      log.push(`${name} ${id} end`);
    });
    return { name, telegraf, dispatcher, inbox, users, began, asked };
  }

  const deliver = (to: Replica, update: Update) => to.telegraf.handleUpdate(update);

  it('handles an update delivered to both replicas once', async () => {
    const [a, b] = [await replica('bot-a'), await replica('bot-b')];
    await Promise.all([deliver(a, message(1, 7, '/status')), deliver(b, message(1, 7, '/status'))]);
    await Promise.all([a.dispatcher.idle(), b.dispatcher.idle()]);
    expect([...a.began, ...b.began]).toEqual([1]);
    expect((await a.users.get(7)).recent).toHaveLength(1);
    expect(await a.inbox.countPending()).toBe(0);
    // And once more after it was handled: still once.
    await deliver(b, message(1, 7, '/status'));
    await deliver(a, message(1, 7, '/status'));
    expect([...a.began, ...b.began]).toEqual([1]);
  });

  it("keeps one person's order when their updates reach different replicas; others don't wait", async () => {
    const [a, b] = [await replica('bot-a'), await replica('bot-b')];
    gates.set(1, gate());
    await deliver(a, message(1, 7, 'first'));
    await until(() => a.began.includes(1), 'the first update to start on bot-a');
    await deliver(b, message(2, 7, 'second'));
    await deliver(b, message(3, 8, 'someone else'));
    // bot-b asked for the second's turn and was refused (asked again), while someone else's ran.
    await until(() => b.asked.filter((id) => id === 2).length >= 2, 'bot-b to ask again for the turn');
    await until(() => log.includes('bot-b 3 end'), "someone else's update to run");
    expect(b.began).toEqual([3]);
    gates.get(1)?.open();
    await until(() => log.includes('bot-b 2 end'), 'the second update to run');
    expect(log.filter((line) => !line.includes(' 3 '))).toEqual([
      'bot-a 1 start',
      'bot-a 1 end',
      'bot-b 2 start',
      'bot-b 2 end',
    ]);
  });

  it("takes over a dead replica's update after its lease, without repeating what it had recorded", async () => {
    const [a, b] = [await replica('bot-a'), await replica('bot-b')];
    const stalled = gate(); // bot-a stops for good in the middle of update 1
    gates.set(1, stalled);
    await deliver(a, message(1, 7, '/status'));
    await until(() => a.began.includes(1), 'bot-a to start the update');
    await until(async () => (await a.users.get(7)).recent.length === 1, "bot-a's recorded effect");
    a.dispatcher.abandon(); // dead: it starts nothing more, renews nothing, hands nothing back
    gates.delete(1); // bot-b's run of it does not wait
    expect(await b.dispatcher.resume((update) => deliver(b, update))).toBe(0); // within the lease, bot-a holds it
    expect(await deliver(b, message(1, 7, '/status'))).toBeUndefined(); // a redelivery to bot-b is dropped
    expect(b.began).toEqual([]);
    now += LEASE + 1;
    const { logger } = captureLogger();
    keepers.push(
      keepClaims({ inbox: b.inbox, dispatcher: b.dispatcher, handle: (u) => deliver(b, u), everyMs: 20, logger }),
    );
    await until(() => log.includes('bot-b 1 end'), 'bot-b to take the update over and finish it');
    // The state write bot-a had recorded was replayed from the journal, not applied again.
    expect((await b.users.get(7)).recent.map((r) => r.name)).toEqual(['bot-a']);
    await until(async () => (await b.inbox.countPending()) === 0, 'the update to be finished');
    stalled.open(); // bot-a wakes up too late: it finishes nothing of bot-b's
    await a.dispatcher.idle();
    expect((await b.users.get(7)).recent).toHaveLength(1);
  });
});
