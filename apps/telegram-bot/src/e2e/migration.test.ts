import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DATABASE_FILE_NAME } from '../storage/sqlite-user-store';
import { createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

/** Made by the bot before workspaces (see storage/sqlite-team-store.test.ts): user 101 set up with the simulator's credentials. */
const FIXTURE = join(__dirname, '..', 'storage', 'fixtures', 'schema-v3.sqlite');

describe('upgrading a database from before workspaces', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld({ env: { BOT_ENCRYPTION_KEY: '11'.repeat(32) } });
    copyFileSync(FIXTURE, join(world.dataDir, DATABASE_FILE_NAME));
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('lets someone set up before the upgrade carry on without /setup, as the admin of their workspace', async () => {
    const ann = world.harness.createUser({ id: 101, firstName: 'Ann' });
    await ann.send('/start');
    expect((await ann.lastMessage()).text).toContain("You're looking at “Home”");
    await selectLocation(ann, 'ada@example.com', 'Beach House 🏖️');
    await ann.send('/status');
    await ann.waitForMessage('Beach House');
    // Someone who had only begun /setup is still asked the question they were at.
    const cy = world.harness.createUser({ id: 103, firstName: 'Cy' });
    await cy.send('/start');
    expect((await cy.lastMessage()).text).toContain('Step 1: connect your Plume partner account with /setup');
  });
});
