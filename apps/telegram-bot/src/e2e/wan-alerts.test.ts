import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { acceleratedClock, fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

// WAN saturation and the plan speed end to end: the real bot, the sandbox and the simulator on a
// clock 240 times faster than real time (Plume's WAN data comes in 15-minute intervals: an hour
// passes in 15 s), starting on a quiet morning. The bot's monitoring reads the same clock.

const FACTOR = 240;
const MINUTE = 60_000;
const WAIT = { timeoutMs: 60_000 };
const home = fixtures.locations.adaHome; // a gateway speed test of about 480/98 Mbps
const store = fixtures.locations.chainStore01;

describe('WAN alerts', () => {
  const clock = acceleratedClock(FACTOR, '2026-03-01T07:00:00Z');
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld({
      simulatorClock: clock,
      monitoring: { intervalMs: 5 * MINUTE, tickMs: 100, clock: () => clock.now() },
    });
    // Tokens outlive the test on the fast clock; no outage but the ones a test loads.
    world.simulator.faults.setTokenLifetime(30 * 86_400);
    world.simulator.scenarios.load({ locations: { flakyHome: [] } });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  const wanCalls = (locationId: string) =>
    world.simulator.log.requests('reports.wanStats').filter((r) => r.params['locationId'] === locationId);

  async function watch(user: SandboxUser, query: string, name: string): Promise<void> {
    await selectLocation(user, query, name);
    await user.send('/watch');
    await user.waitForMessage('Now watching', WAIT);
  }

  it('alerts once on a saturated line, against its speed test, and replies with the recovery', async () => {
    const ann = world.harness.createUser({ firstName: 'Ann' });
    await completeSetup(world, ann);
    await watch(ann, fixtures.customers.ada.email, 'Home');
    world.simulator.scenarios.load({
      locations: { flakyHome: [], adaHome: [{ kind: 'wanSaturation', at: '20m', for: '30m', mbps: 950 }] },
    });

    const alert = await ann.waitForMessage('Internet line saturated', WAIT);
    expect(alert.text).toContain('🏠 Home');
    expect(alert.text).toContain('👤 Ada Lovelace');
    expect(alert.text).toMatch(/Download peaks reached \d+% of \d+ Mbps \(the latest speed test\)/);
    expect(alert.text).toContain('Next:');

    const recovery = await ann.waitForMessage('no longer saturated', WAIT);
    expect(recovery.reply_to_message?.message_id).toBe(alert.message_id);
    expect(recovery.text).toMatch(/It lasted \d/);
    const texts = ann.messages().map((m) => m.text ?? '');
    expect(texts.filter((t) => t.includes('Internet line saturated'))).toHaveLength(1);

    // WAN stats at most every 15 minutes of the simulator's clock. The monitor spaces its decisions
    // exactly (observe.test.ts checks the minutes on a manual clock); here calls are timed when they
    // arrive, after the cycle's earlier calls, whose real milliseconds this clock stretches 240-fold:
    // a few ms of jitter under load is a simulated second. One simulated minute (250 ms real) of
    // arrival jitter is allowed; a second fetch within the 15 minutes would still be far below it.
    const ARRIVAL_JITTER = MINUTE;
    const calls = wanCalls(home.id).map((r) => r.receivedAt);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i]! - calls[i - 1]!).toBeGreaterThanOrEqual(15 * MINUTE - ARRIVAL_JITTER);
  }, 180_000);

  it('asks for a plan speed again with the reason, and shows it in the watch’s settings', async () => {
    const bob = world.harness.createUser({ firstName: 'Bob' });
    await completeSetup(world, bob);
    await watch(bob, fixtures.customers.ada.email, 'Beach House 🏖️');
    await bob.send('/watches');
    await bob.waitForMessage('Watching 1 location');
    await bob.press('⚙️ 1. Beach House 🏖️');
    const settings = await bob.waitForMessage('No plan speed set');
    expect(settings.text).toContain('latest speed test');
    await bob.press('📶 Plan speed');
    await bob.waitForMessage('What is the plan speed of Beach House');
    await bob.send('fast');
    expect((await bob.waitForMessage('is not a plan speed')).text).toContain('Please send it again, or /cancel.');
    await bob.send('500 / 50');
    const saved = await bob.waitForMessage('✅ Plan speed saved.');
    expect(saved.text).toContain('📶 Plan speed 500/50 Mbps');
  });

  it('makes no WAN call for a location whose watcher switched WAN alerts off', async () => {
    const cy = world.harness.createUser({ firstName: 'Cy' });
    await completeSetup(world, cy);
    await selectLocation(cy, fixtures.customers.chain.accountId, store.name);
    await cy.send('/watch');
    await cy.waitForMessage('Now watching');
    await cy.send('/watches');
    await cy.waitForMessage('Watching 1 location');
    await cy.press(`⚙️ 1. ${store.name}`);
    await cy.press('✅ WAN');
    await cy.waitForMessage('Off now: WAN');
    // A check already under way when the switch was pressed may still ask once: count from the next interval.
    const since = clock.now() + 5 * MINUTE;
    const nodeCalls = () =>
      world.simulator.log
        .requests('nodes.list')
        .filter((r) => r.params['locationId'] === store.id && r.receivedAt > since);
    // An hour on the simulator's clock (its store has a speed test, so WAN could be judged): the
    // location is polled, its WAN never asked for.
    while (clock.now() < since + 60 * MINUTE) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(nodeCalls().length).toBeGreaterThanOrEqual(3);
    expect(wanCalls(store.id).filter((r) => r.receivedAt > since)).toEqual([]);
  }, 60_000);
});
