import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { openSettingsStore } from '../storage/settings-store';
import { DATABASE_FILE_NAME } from '../storage/sqlite-user-store';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';
import { captureLogger } from '../testing/capture-logger';

// Where and how alerts arrive: quiet hours, a forum topic, a group that became a supergroup, and
// the daily digest at its hour. The real bot, the sandbox and the simulator's flaky location, with
// a 1 s interval; the bot's clock can be moved ahead (`offsetMs`) to reach a digest hour.

const WAIT = { timeoutMs: 30_000 };
const hhmm = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('alert delivery', () => {
  let world: BotWorld;
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  beforeAll(async () => {
    world = await createBotWorld({ monitoring: { intervalMs: 1000, tickMs: 100, clock: now } });
    world.simulator.scenarios.load({ locations: { flakyHome: [] } });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  async function watchFlaky(user: SandboxUser): Promise<void> {
    await completeSetup(world, user);
    await selectLocation(user, fixtures.customers.flaky.email, 'Flaky Flat');
    await user.send('/watch');
    await user.waitForMessage('Now watching');
  }

  async function setting(user: SandboxUser, button: string, answer: string): Promise<void> {
    await user.send('/settings');
    await user.press(button);
    await user.send(answer);
    await user.waitForMessage('✅ Saved.');
  }

  it('is silent in quiet hours, goes to a forum topic, and follows a group that became a supergroup (announced or refused)', async () => {
    const ann = world.harness.createUser({ firstName: 'Ann' });
    await watchFlaky(ann);
    const minute = Math.floor((now() % 86_400_000) / 60_000); // UTC, Ann's default zone
    await setting(ann, '🌙 Quiet hours', `${hhmm(minute - 60)}-${hhmm(minute + 120)}`);

    const bob = world.harness.createUser({ firstName: 'Bob' });
    await watchFlaky(bob);
    const noc = world.harness.createGroup({ title: 'NOC', forum: true, owner: bob });
    const topic = noc.createTopic('Alerts', bob);
    await topic.as(bob).send('/alerts here');
    await topic.as(bob).waitForMessage('Done');

    const cy = world.harness.createUser({ firstName: 'Cy' });
    await watchFlaky(cy);
    const field = world.harness.createGroup({ title: 'Field', admins: [cy] });
    await field.as(cy).send('/alerts here');
    await field.as(cy).waitForMessage('Done');
    const supergroup = field.migrateToSupergroup(cy);

    // Fay's route still names an upgraded group (as if its announcement had been missed): the relay
    // learns of the upgrade from Telegram's refusal and follows it.
    const fay = world.harness.createUser({ firstName: 'Fay' });
    await watchFlaky(fay);
    const depot = world.harness.createGroup({ title: 'Depot', owner: fay });
    const depotSupergroup = depot.migrateToSupergroup(fay);
    const announced = () => world.logs().filter((line) => line.includes(`"from":${depot.id},`)).length;
    while (announced() < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    const settings = openSettingsStore({
      file: join(world.dataDir, DATABASE_FILE_NAME),
      logger: captureLogger().logger,
    });
    await settings.setRoute(fay.id, { chatId: depot.id, chatTitle: 'Depot' });
    await settings.close();

    world.simulator.scenarios.load({ locations: { flakyHome: [{ kind: 'offline', at: '2s', for: '6s' }] } });

    const quietAlert = await ann.waitForMessage('🔴 Offline', WAIT);
    expect(ann.isSilent(quietAlert.message_id)).toBe(true);
    const quietRecovery = await ann.waitForMessage('✅ Back online', WAIT);
    expect(ann.isSilent(quietRecovery.message_id)).toBe(true);

    const inTopic = await topic.as(bob).waitForMessage('🔴 Offline', WAIT);
    expect(inTopic.message_thread_id).toBe(topic.id);
    expect(noc.as(bob).isSilent(inTopic.message_id)).toBe(false);
    const topicRecovery = await topic.as(bob).waitForMessage('✅ Back online', WAIT);
    expect(topicRecovery.message_thread_id).toBe(topic.id);
    expect(topicRecovery.reply_to_message?.message_id).toBe(inTopic.message_id);
    expect(bob.messages().some((m) => (m.text ?? '').includes('🔴 Offline'))).toBe(false);

    const upgraded = await supergroup.as(cy).waitForMessage('🔴 Offline', WAIT);
    expect(upgraded.chat.id).toBe(supergroup.id);
    expect(cy.messages().some((m) => (m.text ?? '').includes('🔴 Offline'))).toBe(false);

    const followed = await depotSupergroup.as(fay).waitForMessage('🔴 Offline', WAIT);
    expect(followed.chat.id).toBe(depotSupergroup.id);
    const refused = world.harness.sandbox.calls('sendMessage').filter((call) => call.params.chat_id === depot.id);
    expect(refused.map((call) => call.description)).toEqual([
      'Bad Request: group chat was upgraded to a supergroup chat',
    ]);
  }, 120_000);

  it('sends the daily digest at its hour in the person’s zone, once', async () => {
    const dee = world.harness.createUser({ firstName: 'Dee' });
    await watchFlaky(dee);
    const hour = new Date(now()).getUTCHours();
    await setting(dee, '🌍 Time zone', 'UTC');
    await setting(dee, '🗞 Digest', hhmm(((hour + 2) % 24) * 60));
    world.simulator.scenarios.load({ locations: { flakyHome: [{ kind: 'offline', at: '1s', for: '6s' }] } });
    await dee.waitForMessage('✅ Back online', WAIT);

    offsetMs += 2 * 3_600_000 + 60_000;
    const digest = await dee.waitForMessage(/^🗞 Daily digest ·/, WAIT);
    expect(digest.text).toContain('1 watched location');
    expect(digest.text).toMatch(/📉 Outages \(\d\)/);
    expect(digest.text).toMatch(/• Flaky Flat · Fiona Flaky: \d\d:\d\d–\d\d:\d\d \(\d+ s\)/);
    expect(digest.text).toMatch(/Flaky Flat · Fiona Flaky\s+\d+\.\d\d%/);
    expect(digest.text).toContain('Times in UTC.');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(dee.messages().filter((m) => (m.text ?? '').startsWith('🗞 Daily digest ·'))).toHaveLength(1);
  }, 120_000);

  it('reminds of an open alert every 4 hours when asked to, until it is acknowledged', async () => {
    const eve = world.harness.createUser({ firstName: 'Eve' });
    await watchFlaky(eve);
    await eve.send('/settings');
    await eve.press('🔁 Reminders: turn on');
    await eve.waitForMessage('Reminders: on');
    world.simulator.scenarios.load({ locations: { flakyHome: [{ kind: 'offline', at: '1s', for: '600s' }] } });
    const alert = await eve.waitForMessage('🔴 Offline', WAIT);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the relay records it sent, at the bot's time

    offsetMs += 4 * 3_600_000 + 60_000;
    const reminder = await eve.waitForMessage('🔁 Reminder 1 of 3', WAIT);
    expect(reminder.text).toContain('🔴 Offline');
    expect(reminder.text).toContain('Flaky Flat');
    await eve.press('✅ Acknowledge', { messageId: alert.message_id });
    await new Promise((resolve) => setTimeout(resolve, 500));

    offsetMs += 4 * 3_600_000 + 60_000;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(eve.messages().filter((m) => (m.text ?? '').startsWith('🔁 Reminder'))).toHaveLength(1);
    world.simulator.scenarios.load({ locations: { flakyHome: [] } });
  }, 120_000);
});
