import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { buttonLabels } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

// Monitoring end to end: the real bot, the sandbox and the simulator's scenarios, with a 1 s interval.

const flaky = fixtures.locations.flakyHome;
const WAIT = { timeoutMs: 30_000 };

describe('watching a location', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld({ monitoring: { intervalMs: 1000, tickMs: 100 } });
    // No outage until the test asks for one (the built-in timeline drops it every 5 minutes).
    world.simulator.scenarios.load({ locations: { flakyHome: [] } });
    await world.startBot();
  });
  afterAll(() => world.close());

  it('alerts once when the location goes offline, then replies to that alert with its recovery', async () => {
    const ann = world.harness.createUser({ firstName: 'Ann' });
    await completeSetup(world, ann);
    await selectLocation(ann, fixtures.customers.flaky.email, 'Flaky Flat');
    await ann.send('/watch');
    expect((await ann.waitForMessage('Now watching')).text).toContain('Flaky Flat (Fiona Flaky)');

    world.simulator.scenarios.load({ locations: { flakyHome: [{ kind: 'offline', at: '2s', for: '6s' }] } });
    const alert = await ann.waitForMessage('🔴 Offline', WAIT);
    expect(alert.text).toContain('Flaky Flat');
    expect(alert.text).toContain('Fiona Flaky');
    expect(alert.text).toMatch(/Since .*ago/);
    expect(alert.text).toContain('Next:');
    expect(buttonLabels(alert)).toEqual(['📊 Status', '🔕 Mute…', '✅ Acknowledge']);

    const recovery = await ann.waitForMessage('✅ Back online', WAIT);
    expect(recovery.reply_to_message?.message_id).toBe(alert.message_id);
    expect(recovery.text).toMatch(/It lasted \d/);

    // An offline location mutes its pods' alerts; and each message came once.
    const texts = ann.messages().map((m) => m.text ?? '');
    expect(texts.filter((t) => t.includes('🔴 Offline'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('✅ Back online'))).toHaveLength(1);
    expect(texts.some((t) => /Pod disconnected/.test(t))).toBe(false);
  }, 90_000);

  it('polls a location once however many people watch it', async () => {
    const bob = world.harness.createUser({ firstName: 'Bob' });
    await completeSetup(world, bob);
    await selectLocation(bob, fixtures.customers.flaky.email, 'Flaky Flat');
    await bob.send('/watch');
    await bob.waitForMessage('Now watching');
    const statusCalls = () =>
      world.simulator.log
        .requests('locations.list')
        .filter((r) => r.params['customerId'] === flaky.customerId && r.receivedAt > start).length;
    const start = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const calls = statusCalls();
    // Two watchers, one location, a 1 s interval: about 5 polls in 5 s, not 10.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(7);
  }, 60_000);
});
