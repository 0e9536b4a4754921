import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

const TOKEN = /\?start=([A-Za-z0-9_-]{22})\b/;
const FLAT = fixtures.locations.flakyHome;

describe("the team's watches", () => {
  let world: BotWorld;
  let ada: SandboxUser; // admin
  let sue: SandboxUser; // support
  let vic: SandboxUser; // viewer
  const inviteAs = async (user: SandboxUser, role: string) => {
    await ada.send('/invite');
    await ada.press(`Invite a ${role}`);
    const token = TOKEN.exec((await ada.waitForMessage(TOKEN)).text ?? '')?.[1] ?? '';
    await user.send(`/start ${token}`);
    await user.waitForMessage(`You joined the workspace as ${role}`);
  };
  const auditLines = async (action: string) => {
    await ada.send(`/audit action ${action}`);
    return (await ada.waitForMessage('audit entries')).text ?? '';
  };

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    ada = world.harness.createUser({ firstName: 'Ada' });
    sue = world.harness.createUser({ firstName: 'Sue' });
    vic = world.harness.createUser({ firstName: 'Vic' });
    await completeSetup(world, ada);
    await inviteAs(sue, 'support');
    await inviteAs(vic, 'viewer');
    await selectLocation(vic, fixtures.customers.flaky.email, 'Flaky Flat');
    await vic.send('/watch');
    await vic.waitForMessage('Now watching');
  }, 60_000);
  afterAll(() => world.close());

  it("shows support who watches what, by member, and lets them mute and change a member's watch", async () => {
    await vic.send('/teamwatch');
    await vic.waitForMessage('Your role in this workspace (viewer) does not allow this');

    await sue.send('/teamwatch');
    const overview = await sue.waitForMessage("👥 The team's watches");
    expect(overview.text).toContain('1. Ada (admin): no location');
    expect(overview.text).toContain('3. Vic (viewer): 1 location');
    await sue.press('👤 3. Vic');
    const list = await sue.waitForMessage('👁 Vic watches 1 location');
    expect(list.text).toContain('Flaky Flat · Fiona Flaky');
    await sue.press('⚙️ 1. Flaky Flat');
    await sue.waitForMessage('👤 Vic (viewer)\n⚙️ Flaky Flat');
    await sue.press('✅ Pods');
    await sue.waitForMessage('Off now: Pods');
    await sue.press('🔕 8 h');
    await sue.waitForMessage('🔕 Muted until');

    // It is Vic's own watch that changed.
    await vic.send('/watches');
    const own = await vic.waitForMessage('👁 Watching 1 location');
    expect(own.text).toContain('🔕 muted until');
    expect(own.text).toContain('off: Pods');
    expect(await auditLines('watch.muted')).toContain(
      `by ${sue.id} · watch.muted · customer ${FLAT.customerId} · location ${FLAT.id} · about ${vic.id} · 8 h`,
    );
  });

  it('takes the team view away at once from someone downgraded, on old buttons too', async () => {
    await sue.send('/teamwatch');
    await sue.waitForMessage("👥 The team's watches");
    await sue.press('👤 3. Vic');
    const settings = await sue.press('⚙️ 1. Flaky Flat');
    await sue.waitForMessage('👤 Vic (viewer)');

    await ada.send('/team');
    await ada.waitForMessage('Your workspace has 3 members');
    await ada.press('Sue → viewer');
    await sue.waitForMessage('An admin made you a viewer');

    const refused = await sue.press('🗑 Unwatch', { messageId: settings.message.message_id });
    expect((await refused.answer()).text).toContain('Your role in this workspace (viewer) does not allow this');
    await vic.send('/watches');
    await vic.waitForMessage('👁 Watching 1 location');
  });

  it("lets an admin stop a member's watch, telling them, and refuses presses about someone who left", async () => {
    await ada.send('/teamwatch');
    await ada.waitForMessage("👥 The team's watches");
    await ada.press('👤 3. Vic');
    const settings = await ada.press('⚙️ 1. Flaky Flat');
    await ada.waitForMessage('👤 Vic (viewer)');
    await ada.press('🗑 Unwatch', { messageId: settings.message.message_id });
    await ada.waitForMessage('🗑 Vic no longer watches Flaky Flat · Fiona Flaky');
    await vic.waitForMessage('🗑 Ada (admin) stopped your watch of Flaky Flat · Fiona Flaky.');
    await vic.send('/watches');
    await vic.waitForMessage('You are not watching any location');
    expect(await auditLines('watch.removed')).toContain(
      `by ${ada.id} · watch.removed · customer ${FLAT.customerId} · location ${FLAT.id} · about ${vic.id}`,
    );

    await vic.send('/leave');
    await vic.waitForMessage('You left the workspace');
    const gone = await ada.press('‹ Their watches');
    expect((await gone.answer()).text).toContain('no longer in your team');
  });
});
