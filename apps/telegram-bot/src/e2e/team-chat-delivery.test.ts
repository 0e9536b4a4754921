import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

// An alert actually delivered to a team's bound group and to a forum topic of it: the admin binds
// the group, two support agents (neither an administrator of the group) route their alerts there
// with /alerts here, the simulator takes the watched location down, and the group and the topic
// show the alert and, as a reply to it, the recovery.

const WAIT = { timeoutMs: 30_000 };
const FLAT = fixtures.locations.flakyHome;
const TOKEN = /\?start=([A-Za-z0-9_-]{22})\b/;

describe("alerts in a team's chat", () => {
  let world: BotWorld;
  let ada: SandboxUser; // admin
  let sue: SandboxUser; // support, alerts to the group
  let tom: SandboxUser; // support, alerts to a topic
  const inviteAs = async (user: SandboxUser, role: string) => {
    await ada.send('/invite');
    await ada.press(`Invite a ${role}`);
    const token = TOKEN.exec((await ada.waitForMessage(TOKEN)).text ?? '')?.[1] ?? '';
    await user.send(`/start ${token}`);
    await user.waitForMessage(`You joined the workspace as ${role}`);
  };

  beforeAll(async () => {
    world = await createBotWorld({ monitoring: { intervalMs: 1000, tickMs: 100 } });
    world.simulator.scenarios.load({ locations: { flakyHome: [] } });
    await world.startBot();
    ada = world.harness.createUser({ firstName: 'Ada' });
    sue = world.harness.createUser({ firstName: 'Sue' });
    tom = world.harness.createUser({ firstName: 'Tom' });
    await completeSetup(world, ada);
    await inviteAs(sue, 'support');
    await inviteAs(tom, 'support');
  }, 60_000);
  afterAll(() => world.close());

  it('delivers an alert and its recovery to the bound group and to a forum topic of it, where teammates mute it', async () => {
    const noc = world.harness.createGroup({ title: 'NOC', forum: true, owner: ada, members: [sue, tom] });
    const topic = noc.createTopic('Alerts', tom);
    await noc.as(ada).send('/bind');
    await noc.as(ada).waitForMessage('This group is now your team’s chat');
    await noc.as(sue).send('/alerts here');
    await noc.as(sue).waitForMessage("Sue's alerts now come to this group");
    await topic.as(tom).send('/alerts here');
    await topic.as(tom).waitForMessage("Tom's alerts now come to this topic");

    for (const member of [sue, tom]) {
      await selectLocation(member, fixtures.customers.flaky.email, 'Flaky Flat');
      await member.send('/watch');
      await member.waitForMessage('Now watching');
    }
    world.simulator.scenarios.load({ locations: { flakyHome: [{ kind: 'offline', at: '2s', for: '6s' }] } });

    const inGroup = await noc
      .as(sue)
      .waitForMessage((m) => m.message_thread_id === undefined && /🔴 Offline/.test(m.text ?? ''), WAIT);
    expect(inGroup.chat.id).toBe(noc.id);
    expect(inGroup.text).toContain('Flaky Flat');
    const inTopic = await topic.as(tom).waitForMessage('🔴 Offline', WAIT);
    expect(inTopic.message_thread_id).toBe(topic.id);
    expect(inTopic.message_id).not.toBe(inGroup.message_id);

    const groupRecovery = await noc
      .as(sue)
      .waitForMessage((m) => m.message_thread_id === undefined && /✅ Back online/.test(m.text ?? ''), WAIT);
    expect(groupRecovery.reply_to_message?.message_id).toBe(inGroup.message_id);
    const topicRecovery = await topic.as(tom).waitForMessage('✅ Back online', WAIT);
    expect(topicRecovery.message_thread_id).toBe(topic.id);
    expect(topicRecovery.reply_to_message?.message_id).toBe(inTopic.message_id);

    // A teammate who does not watch the location mutes it from the group: that mutes the watches
    // whose alerts come to the group (Sue's), not those routed to the topic (Tom's).
    await noc.as(ada).press('🔕 Mute…', { messageId: inGroup.message_id });
    const muted = await noc.as(ada).press('🔕 8 h', { messageId: inGroup.message_id });
    expect((await muted.answer()).text).toBe('🔕 Flaky Flat muted for 8 h for 1 person whose alerts come here');
    await sue.send('/watches');
    expect((await sue.waitForMessage('👁 Watching 1 location')).text).toContain('🔕 muted until');
    await tom.send('/watches');
    expect((await tom.waitForMessage('👁 Watching 1 location')).text).not.toContain('muted');

    // 📊 Status under the alert is a lookup like any report: audited.
    await (await noc.as(sue).press('📊 Status', { messageId: inGroup.message_id })).answer();
    await ada.send('/audit action report.viewed');
    expect((await ada.waitForMessage('audit entries')).text).toContain(
      `by ${sue.id} · report.viewed · customer ${FLAT.customerId} · location ${FLAT.id} · purpose: health report`,
    );

    // Nothing went to their private chats instead.
    for (const member of [sue, tom])
      expect(member.messages().some((m) => /🔴 Offline|✅ Back online/.test(m.text ?? ''))).toBe(false);
  }, 90_000);
});
