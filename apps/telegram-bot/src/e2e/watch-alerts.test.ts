import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { acceleratedClock, fixtures } from '@org/plume-simulator';
import { buttonLabels } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';
import { seriesValue } from '../testing/metrics-text';

// Monitoring end to end: the real bot, the sandbox and the simulator's scenarios, with a 1 s interval.
// The simulator and the monitor run in real time from a quiet morning: the simulator's WAN data
// follows its clock, and in the evening hours it saturates Flaky Flat's line, whose alert would
// count in /metrics beside the offline one.

const flaky = fixtures.locations.flakyHome;
const WAIT = { timeoutMs: 30_000 };

describe('watching a location', () => {
  const clock = acceleratedClock(1, '2026-03-01T07:00:00Z');
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld({
      env: { PORT: '0', HOST: '127.0.0.1', MAX_WATCHES_PER_PERSON: '3' },
      simulatorClock: clock,
      monitoring: { intervalMs: 1000, tickMs: 100, clock: () => clock.now() },
    });
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

  it('counts watched locations, checks, budget and alerts in /metrics', async () => {
    const metrics = await (await fetch(`${world.app().http?.url}/metrics`)).text();
    const value = (series: string) => seriesValue(metrics, series);
    expect(value('telegram_bot_watched_locations')).toBe(1);
    expect(value('telegram_bot_watch_checks_total{outcome="ok"}')).toBeGreaterThan(3);
    expect(value('telegram_bot_alerts_sent_total{kind="firing"}')).toBe(1);
    expect(value('telegram_bot_alerts_sent_total{kind="resolved"}')).toBe(1);
    expect(value('telegram_bot_plume_budget_background_calls')).toBeGreaterThan(3);
    expect(value('telegram_bot_plume_budget_interactive_calls')).toBeGreaterThan(0);
    expect(value('telegram_bot_notifications_pending')).toBe(0);
    expect(value('telegram_bot_notification_oldest_pending_seconds')).toBe(0);
  });

  it('says how to select a location, refuses past the cap, and answers buttons of a removed watch', async () => {
    const eve = world.harness.createUser({ firstName: 'Eve' });
    await completeSetup(world, eve);
    await eve.send('/watch');
    expect((await eve.waitForMessage('Which location?')).text).toContain('/locations');

    await eve.send('/locations');
    await eve.waitForMessage('Which customer?');
    await eve.send(fixtures.customers.chain.accountId);
    await eve.waitForMessage('Pick one');
    await eve.press('👁 Watch all locations');
    const capped = await eve.waitForMessage('not added');
    expect(capped.text).toContain('Now watching 3 of the 14 locations of Café Bäckerei Chain ☕');
    expect(capped.text).toContain('11 locations were not added: you watch 3, the most one person may (3)');

    await eve.send('/watches');
    const list = await eve.waitForMessage('Watching 3 locations');
    await eve.send('/watches');
    await eve.waitForMessage('Watching 3 locations');
    await eve.press('⚙️ 1. Store 01 · Mitte');
    await eve.press('🗑 Unwatch');
    await eve.waitForMessage('Stopped watching');
    const stale = await eve.press('⚙️ 1. Store 01 · Mitte', { messageId: list?.message_id ?? 0 });
    expect((await stale.answer()).text).toBe('You no longer watch this location. Send /watches for the current list.');
  });

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
    const start = clock.now(); // the simulator's clock, which stamps its log
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const calls = statusCalls();
    // Two watchers, one location, a 1 s interval: about 5 polls in 5 s, not 10.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(7);
  }, 60_000);
});
