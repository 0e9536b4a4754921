import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createCipher } from '../security/cipher';
import { captureLogger } from '../testing/capture-logger';
import { openSqliteTeamStore } from './sqlite-team-store';
import { createSqliteUserStore } from './sqlite-user-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function open(clock: () => number) {
  const dir = mkdtempSync(join(tmpdir(), 'bot-purpose-'));
  dirs.push(dir);
  const file = join(dir, 'bot.sqlite');
  const { logger } = captureLogger();
  const cipher = createCipher(randomBytes(32));
  const store = createSqliteUserStore({ file, cipher, logger });
  const team = openSqliteTeamStore({ file, cipher, logger, clock });
  return { team, close: async () => (await team.close(), await store.close()) };
}

describe("an agent's purpose", () => {
  it('holds until it lapses, only for members, and goes with the membership', async () => {
    let now = 1_000_000;
    const { team, close } = open(() => now);
    const credentials = { authorization: 'Basic eDp5', partnerId: 'a'.repeat(24) };
    const { workspaceId } = await team.saveCredentials(1, credentials);
    expect(await team.setPurpose(99, 'ticket 1', now + 1000)).toBe(false); // in no workspace
    expect(await team.purpose(99)).toBeNull();

    expect(await team.setPurpose(1, 'ticket 4711', now + 3_600_000)).toBe(true);
    expect(await team.purpose(1)).toEqual({ purpose: 'ticket 4711', until: now + 3_600_000 });
    now += 3_600_000;
    expect(await team.purpose(1)).toBeNull();

    await team.setPurpose(1, 'ticket 4712', now + 3_600_000);
    expect(await team.clearPurpose(1)).toBe(true);
    expect(await team.purpose(1)).toBeNull();
    expect(await team.clearPurpose(1)).toBe(false);

    await team.setPurpose(1, 'ticket 4713', now + 3_600_000);
    expect(await team.dissolve(workspaceId, 1)).toBe(true);
    await team.saveCredentials(1, credentials);
    expect(await team.purpose(1)).toBeNull(); // the old membership's purpose did not come back
    await close();
  });
});
