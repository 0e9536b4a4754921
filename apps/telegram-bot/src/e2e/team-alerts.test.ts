import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { openSettingsStore } from '../storage/settings-store';
import { DATABASE_FILE_NAME } from '../storage/sqlite-user-store';
import { captureLogger } from '../testing/capture-logger';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

const WAIT = { timeoutMs: 30_000 };
const TOKEN = /\?start=([A-Za-z0-9_-]{22})\b/;

describe("a team's watches and alerts", () => {
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

  /** Where `userId`'s alerts go, as the relay reads it. */
  const storedRoute = async (userId: number) => {
    const store = openSettingsStore({ file: join(world.dataDir, DATABASE_FILE_NAME), logger: captureLogger().logger });
    try {
      return await store.route(userId);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    world = await createBotWorld({ monitoring: { intervalMs: 1000, tickMs: 100 } });
    world.simulator.scenarios.load({ locations: { flakyHome: [] } });
    await world.startBot();
    ada = world.harness.createUser({ firstName: 'Ada' });
    sue = world.harness.createUser({ firstName: 'Sue' });
    vic = world.harness.createUser({ firstName: 'Vic' });
    await completeSetup(world, ada);
    await inviteAs(sue, 'support');
    await inviteAs(vic, 'viewer');
  }, 60_000);
  afterAll(() => world.close());

  it('lets support route alerts to the team chat; a viewer may watch but neither route, mute nor acknowledge', async () => {
    const noc = world.harness.createGroup({ title: 'NOC', owner: ada, members: [sue, vic] });
    await ada.in(noc).send('/bind');
    await ada.in(noc).waitForMessage('This group is now your team’s chat');
    // In the team's own chat, support routes alerts without being a group administrator; a viewer may not.
    await vic.in(noc).send('/alerts here');
    await vic.in(noc).waitForMessage('Your role in this workspace (viewer) does not allow this');
    await sue.in(noc).send('/alerts here');
    await sue.in(noc).waitForMessage("Sue's alerts now come to this group");
    expect(await storedRoute(sue.id)).toEqual({ chatId: noc.id, chatTitle: 'NOC' });
    expect(await storedRoute(vic.id)).toBeUndefined();

    for (const member of [ada, vic]) {
      await selectLocation(member, fixtures.customers.flaky.email, 'Flaky Flat');
      await member.send('/watch');
      await member.waitForMessage('Now watching');
    }
    world.simulator.scenarios.load({ locations: { flakyHome: [{ kind: 'offline', at: '2s', for: '30s' }] } });
    const toVic = await vic.waitForMessage('🔴 Offline', WAIT);
    const toAda = await ada.waitForMessage('🔴 Offline', WAIT);

    const mute = await vic.press('🔕 Mute…', { messageId: toVic.message_id });
    expect((await mute.answer()).text).toContain('Your role in this workspace (viewer) does not allow this');
    const ack = await vic.press('✅ Acknowledge', { messageId: toVic.message_id });
    expect((await ack.answer()).text).toContain('Your role in this workspace (viewer) does not allow this');
    const acknowledged = await ada.press('✅ Acknowledge', { messageId: toAda.message_id });
    expect((await acknowledged.answer()).text).toContain('Acknowledged');

    // Each watch added is in the audit log, ids only.
    await ada.send('/audit action watch.added');
    const listed = await ada.waitForMessage('audit entries');
    const customer = fixtures.locations.flakyHome.customerId;
    expect(listed.text).toContain(`by ${vic.id} · watch.added · customer ${customer}`);
    expect(listed.text).toContain(`by ${ada.id} · watch.added · customer ${customer}`);
  }, 90_000);
});
