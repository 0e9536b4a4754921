import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openSettingsStore } from '../storage/settings-store';
import { DATABASE_FILE_NAME } from '../storage/sqlite-user-store';
import { captureLogger } from '../testing/capture-logger';
import { completeSetup, createBotWorld, type BotWorld } from '../testing/bot-world';

describe('/alerts here and /alerts off', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  /** The route the bot stored for `userId`, read from its database as the relay reads it. */
  const storedRoute = async (userId: number) => {
    const store = openSettingsStore({ file: join(world.dataDir, DATABASE_FILE_NAME), logger: captureLogger().logger });
    try {
      return await store.route(userId);
    } finally {
      await store.close();
    }
  };

  it('routes an administrator’s alerts to the forum topic the command was sent in, and back', async () => {
    const ann = world.harness.createUser({ firstName: 'Ann' });
    await completeSetup(world, ann);
    const noc = world.harness.createGroup({ title: 'NOC', forum: true, admins: [ann] });
    const topic = noc.createTopic('Alerts', ann);
    await topic.as(ann).send('/alerts here');
    const done = await topic.as(ann).waitForMessage('Done');
    expect(done.text).toBe(
      "Done: Ann's alerts now come to this topic. /alerts off sends them back to the private chat.",
    );
    expect(done.message_thread_id).toBe(topic.id);
    expect(await storedRoute(ann.id)).toEqual({ chatId: noc.id, threadId: topic.id, chatTitle: 'NOC' });

    await ann.send('/settings');
    expect((await ann.waitForMessage('Your alert settings')).text).toContain(
      '📍 Alerts go to: the group “NOC” (its topic where /alerts here was sent)',
    );
    await ann.send('/alerts off');
    expect((await ann.lastMessage()).text).toBe("Done: Ann's alerts go to the private chat with me again.");
    expect(await storedRoute(ann.id)).toBeUndefined();
  });

  it('refuses a member who is not an administrator, and a person who has not set up the bot', async () => {
    const bob = world.harness.createUser({ firstName: 'Bob' });
    await completeSetup(world, bob);
    const cy = world.harness.createUser({ firstName: 'Cy' });
    const group = world.harness.createGroup({ title: 'Field', members: [bob], admins: [cy] });
    await group.as(bob).send('/alerts here');
    expect((await group.as(bob).lastMessage()).text).toBe(
      'Only an administrator of this group can send their alerts here.',
    );
    await group.as(cy).send('/alerts here');
    expect((await group.as(cy).lastMessage()).text).toContain('/setup');
    expect(await storedRoute(bob.id)).toBeUndefined();
    expect(await storedRoute(cy.id)).toBeUndefined();
  });

  it('follows a group that becomes a supergroup', async () => {
    const dee = world.harness.createUser({ firstName: 'Dee' });
    await completeSetup(world, dee);
    const group = world.harness.createGroup({ title: 'Ops', owner: dee });
    await group.as(dee).send('/alerts here');
    await group.as(dee).waitForMessage('Done');
    expect((await storedRoute(dee.id))?.chatId).toBe(group.id);
    const supergroup = group.migrateToSupergroup(dee);
    const deadline = Date.now() + 10_000;
    while ((await storedRoute(dee.id))?.chatId !== supergroup.id && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await storedRoute(dee.id)).toEqual({ chatId: supergroup.id, chatTitle: 'Ops' });
  });
});
