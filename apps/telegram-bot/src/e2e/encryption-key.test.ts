import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigError } from '../config';
import { rotateKeyCommand } from '../rotate-key-command';
import { captureLogger } from '../testing/capture-logger';
import { completeSetup, createBotWorld, type BotWorld } from '../testing/bot-world';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('hex');

describe('the encryption key', () => {
  let world: BotWorld;
  const database = () => new DatabaseSync(join(world.dataDir, 'bot.sqlite'));
  const sealedOf = (userId: number) => {
    const db = database();
    const row = db.prepare('SELECT secret_state FROM users WHERE user_id = ?').get(userId) as
      { secret_state: string | null } | undefined;
    db.close();
    return row?.secret_state;
  };
  /** The sealed credentials of the workspace `userId` belongs to. */
  const workspaceSealOf = (userId: number) => {
    const db = database();
    const row = db
      .prepare('SELECT w.credentials FROM workspaces w JOIN members m USING (workspace_id) WHERE m.user_id = ?')
      .get(userId) as { credentials: string | null } | undefined;
    db.close();
    return row?.credentials;
  };
  const rotate = (env: Record<string, string>) =>
    rotateKeyCommand({ DATA_DIR: world.dataDir, ...env }, captureLogger().logger);

  beforeAll(async () => {
    world = await createBotWorld({ env: { BOT_ENCRYPTION_KEY: keyA } });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('is checked at start: a wrong key stops the bot with the fix, and a rotation moves every user to a new key', async () => {
    const ann = world.harness.createUser({ firstName: 'Ann' });
    await completeSetup(world, ann);
    await world.stopBot();
    const sealed = workspaceSealOf(ann.id);
    expect(sealed).toMatch(/^v1\./);

    await expect(world.startBot({ env: { BOT_ENCRYPTION_KEY: keyB } })).rejects.toThrow(
      /BOT_ENCRYPTION_KEY is not the key that sealed the credentials.*npm run rotate-key/s,
    );
    expect(workspaceSealOf(ann.id)).toBe(sealed);

    await expect(rotate({ BOT_ENCRYPTION_KEY: keyA })).rejects.toThrow(ConfigError);
    await expect(rotate({ BOT_ENCRYPTION_KEY: keyA })).rejects.toThrow(/BOT_NEW_ENCRYPTION_KEY is required/);
    await expect(rotate({ BOT_ENCRYPTION_KEY: keyB, BOT_NEW_ENCRYPTION_KEY: keyA })).rejects.toThrow(
      /BOT_ENCRYPTION_KEY is not the key/,
    );
    const told = await rotate({ BOT_ENCRYPTION_KEY: keyA, BOT_NEW_ENCRYPTION_KEY: keyB });
    expect(told).toContain("Re-sealed 0 users' stored state and 1 workspace's credentials under the new key");
    expect(told).not.toContain(keyA);
    expect(told).not.toContain(keyB);

    await expect(world.startBot()).rejects.toThrow(/BOT_ENCRYPTION_KEY is not the key/);
    await world.startBot({ env: { BOT_ENCRYPTION_KEY: keyB } });
    await ann.send('/start');
    expect((await ann.lastMessage()).text).toContain('Your Plume account is connected');
  });

  it('never lets /setup and /cancel overwrite credentials that do not open', async () => {
    const bo = world.harness.createUser({ firstName: 'Bo' });
    await completeSetup(world, bo);
    const db = database();
    db.prepare('UPDATE users SET secret_state = ? WHERE user_id = ?').run(
      `v1.${'A'.repeat(16)}.${'A'.repeat(22)}.AAAA`,
      bo.id,
    );
    db.close();
    const damaged = sealedOf(bo.id);
    await bo.send('/setup');
    await bo.waitForMessage('I cannot decrypt your stored credentials');
    await bo.send('/cancel');
    await bo.waitForMessage('I cannot decrypt your stored credentials');
    expect(sealedOf(bo.id)).toBe(damaged);
    expect(bo.messages().some((m) => m.text?.includes('error id'))).toBe(false);
    await bo.send('/logout');
    await bo.waitForMessage('I erased your Plume credentials');
    expect(sealedOf(bo.id)).toBeUndefined();
  });
});
