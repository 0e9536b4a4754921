import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

// Who hears what: a muted watch, a person who blocked the bot, a flapping location. The real bot,
// the sandbox and the simulator's scenarios, with a 1 s check interval.
const flaky = fixtures.locations.flakyHome;
const WAIT = { timeoutMs: 30_000 };

describe('delivering alerts', () => {
  let world: BotWorld;
  let ann: SandboxUser;
  let bob: SandboxUser;
  let cat: SandboxUser;

  const watchFlaky = async (user: SandboxUser) => {
    await completeSetup(world, user);
    await selectLocation(user, fixtures.customers.flaky.email, 'Flaky Flat');
    await user.send('/watch');
    await user.waitForMessage('Now watching');
  };
  const texts = (user: SandboxUser) => user.messages().map((m) => m.text ?? '');

  beforeAll(async () => {
    // No early confirmation checks: the flapping test needs exactly one check a second.
    world = await createBotWorld({ monitoring: { intervalMs: 1000, tickMs: 50, confirmMs: 60_000 } });
    world.simulator.scenarios.load({ locations: { flakyHome: [] } });
    await world.startBot();
    ann = world.harness.createUser({ firstName: 'Ann' });
    bob = world.harness.createUser({ firstName: 'Bob' });
    cat = world.harness.createUser({ firstName: 'Cat' });
    for (const user of [ann, bob, cat]) await watchFlaky(user);
  }, 90_000);
  afterAll(() => world.close());

  it('holds back a muted watch, and pauses a person who blocked the bot until they write again', async () => {
    await ann.send('/watches');
    await ann.waitForMessage('Watching 1 location');
    await ann.press('⚙️ 1. Flaky Flat');
    await ann.waitForMessage('⚙️ Flaky Flat');
    expect((await (await ann.press('🔕 1 h')).answer()).text).toBe('🔕 Flaky Flat muted for 1 h');
    expect((await ann.waitForMessage('Muted until')).text).toContain('Flaky Flat');
    cat.blockBot();

    world.simulator.scenarios.load({ locations: { flakyHome: [{ kind: 'offline', at: '1s', for: '5s' }] } });
    const alert = await bob.waitForMessage('🔴 Offline', WAIT);
    expect((await bob.waitForMessage('✅ Back online', WAIT)).reply_to_message?.message_id).toBe(alert.message_id);
    expect(texts(ann).some((t) => t.includes('🔴 Offline'))).toBe(false);

    // Cat's alert met a 403 once and was not retried; it waits, with its recovery, until Cat writes.
    const refusedForCat = () =>
      world.harness.sandbox
        .calls('sendMessage')
        .filter((call) => !call.ok && Number(call.params['chat_id']) === cat.id && call.errorCode === 403).length;
    expect(refusedForCat()).toBe(1);
    cat.unblockBot();
    await cat.send('/watches');
    const held = await cat.waitForMessage('🔴 Offline', WAIT);
    const recovery = await cat.waitForMessage('✅ Back online', WAIT);
    expect(recovery.reply_to_message?.message_id).toBe(held.message_id);
    expect(refusedForCat()).toBe(1);
  }, 120_000);

  it('says once that a location flaps, then nothing about it while it does', async () => {
    // Put the location's changes half-way between two checks, so that each check sees the other state.
    const checks = world.simulator.log
      .requests('locations.list')
      .filter((r) => r.params['customerId'] === flaky.customerId);
    const last = checks[checks.length - 1]?.receivedAt ?? Date.now();
    const start = last + 500 + 2000;
    const end = start + 30_000;
    world.simulator.scenarios.load({
      locations: { flakyHome: [{ kind: 'flapping', at: new Date(start).toISOString(), every: '1s', for: '30s' }] },
    });
    const before = texts(bob).length;
    const flapping = await bob.waitForMessage('〰️ Flapping', { timeoutMs: 40_000 });
    expect(flapping.text).toContain('Flaky Flat');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, end - Date.now())));
    const during = texts(bob).slice(before);
    expect(during.filter((t) => t.includes('Flapping'))).toHaveLength(1);
    const afterFlapping = during.slice(during.findIndex((t) => t.includes('Flapping')) + 1);
    expect(afterFlapping.filter((t) => /🔴 Offline|Back online/.test(t))).toEqual([]);
  }, 120_000);
});
