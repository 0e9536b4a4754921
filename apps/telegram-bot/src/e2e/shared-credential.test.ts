import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { seedUsers } from '../testing/seed-users';
import { createBotWorld, type BotWorld } from '../testing/bot-world';

const KEY = '00'.repeat(32);
const USERS = 90;
const BUSY = /^This Plume account is busy with other people's requests right now: try again in \d+ s\.$/;
const location = fixtures.locations.adaBeach;
/**
 * Plume holds the answers to the first requests the queue runs (its concurrency, 6) this long, so
 * that everyone's request reaches the queue before any finishes, however slow the machine: the
 * queue then fills by its own estimate, not by a race between arrivals and answers.
 */
const HOLD_MS = 15_000;
const RUNNING = 6;

/** Stores `ids` as users who finished /setup with the same credential and picked `location`. */
async function seedSharedUsers(world: BotWorld, ids: readonly number[]): Promise<void> {
  const { authorization, partnerId } = world.simulator.credentials;
  const selection = { customerId: location.customerId, locationId: location.id, name: location.name };
  await seedUsers({
    dataDir: world.dataDir,
    key: Buffer.from(KEY, 'hex'),
    ids,
    credentials: { authorization, partnerId },
    selection,
  });
}

describe('many people on one Plume credential', () => {
  let world: BotWorld;
  const ids = Array.from({ length: USERS }, (_, i) => 7000 + i);
  let users: SandboxUser[] = [];
  beforeAll(async () => {
    // The SDK's default limiter (6 calls/s, 3 reports/s); a 20 s queue holds about 53 reports waiting, so that many wait long enough to see their place edited.
    world = await createBotWorld({
      env: { BOT_ENCRYPTION_KEY: KEY, PLUME_QUEUE_MAX_WAIT_SECONDS: '20' },
      // Timeouts well beyond the hold: a held or slow answer must not time out (a retry would be a second call).
      plumeClient: { timeoutMs: HOLD_MS * 3, retry: { limit: 1, baseDelayMs: 10, maxTotalMs: HOLD_MS * 6 } },
    });
    await seedSharedUsers(world, ids);
    await world.startBot();
    world.simulator.faults.setLatency(50);
    users = ids.map((id) => world.harness.createUser({ id, firstName: `User ${id}` }));
  }, 60_000);
  afterAll(() => world.close());

  it('answers each at once as busy or with a report in turn, shows waiting people their place, and wastes no Plume call', async () => {
    world.simulator.faults.delayNext('locations.get', HOLD_MS, RUNNING);
    await Promise.all(users.map((user) => user.send('/status')));
    const answers = await Promise.all(
      users.map(async (user) => {
        const answer = await user.waitForMessage(
          (m) => BUSY.test(m.text ?? '') || (m.text ?? '').includes(location.name),
          { timeoutMs: 90_000 },
        );
        return { id: user.id, busy: BUSY.test(answer.text ?? '') };
      }),
    );
    while (world.simulator.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));

    const reports = answers.filter((a) => !a.busy).length;
    const busy = answers.filter((a) => a.busy).length;
    // Each person got one answer; the queue could not serve all within 20 s, and said so instead of failing.
    expect(reports + busy).toBe(USERS);
    expect(reports).toBeGreaterThanOrEqual(10);
    expect(busy).toBeGreaterThanOrEqual(5);
    // Every Plume call made went into a report: two per /status, none for a busy answer.
    expect(world.simulator.log.count('locations.get')).toBe(reports);
    expect(world.simulator.log.count('nodes.list')).toBe(reports);

    const sandbox = world.harness.sandbox;
    const texts = sandbox.calls('sendMessage').map((call) => String(call.params.text));
    expect(texts.filter((text) => /Plume is taking too long/.test(text))).toEqual([]);
    // People who waited saw their place, edited as the queue moved, and the place went once their turn came.
    const PLACE = /^⏳ (\d[\d,]* requests? ahead of yours|Yours is next), about \d+ s$/;
    expect(texts.filter((text) => PLACE.test(text)).length).toBeGreaterThan(0);
    expect(
      sandbox.calls('editMessageText').filter((call) => PLACE.test(String(call.params.text))).length,
    ).toBeGreaterThan(0);
    for (const user of users) expect(user.messages().filter((m) => (m.text ?? '').startsWith('⏳'))).toEqual([]);
    // A busy answer came at once: nobody who got one had been shown a place first.
    const placed = new Set(
      sandbox
        .calls('sendMessage')
        .filter((call) => PLACE.test(String(call.params.text)))
        .map((call) => Number(call.params.chat_id)),
    );
    expect(answers.filter((a) => a.busy && placed.has(a.id))).toEqual([]);
  }, 120_000);

  it('makes a customer search take its turn too: a busy answer or the result, never a Plume timeout', async () => {
    world.simulator.log.clear();
    await Promise.all(
      users.map(async (user) => (await user.send('/locations'), await user.waitForMessage('Which customer?'))),
    );
    const sent = world.harness.sandbox.calls('sendMessage').length;
    world.simulator.faults.delayNext('customers.search', HOLD_MS, RUNNING);
    await Promise.all(users.map((user) => user.send(fixtures.customers.ada.accountId)));
    const answers = await Promise.all(
      users.map(
        async (user) =>
          (
            await user.waitForMessage((m) => BUSY.test(m.text ?? '') || /Pick one:$/.test(m.text ?? ''), {
              timeoutMs: 90_000,
            })
          ).text ?? '',
      ),
    );
    while (world.simulator.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const busy = answers.filter((text) => BUSY.test(text)).length;
    expect(busy).toBeGreaterThan(0);
    expect(answers.length - busy).toBeGreaterThan(0);
    // A loaded machine may take long: the waits above are generous, nothing below is timed.
    // The search (one call) and the customer's locations (one call) each took a turn: every list shown cost exactly those two.
    expect(world.simulator.log.count('locations.list')).toBe(answers.length - busy);
    const texts = world.harness.sandbox
      .calls('sendMessage')
      .slice(sent)
      .map((call) => String(call.params.text));
    expect(texts.filter((text) => /Plume is taking too long/.test(text))).toEqual([]);
  }, 120_000);
});
