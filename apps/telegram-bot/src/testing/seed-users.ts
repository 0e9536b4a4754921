import { join } from 'node:path';
import { createCipher } from '../security/cipher';
import { newInviteToken } from '../team/invite-token';
import { openSqliteTeamStore } from '../storage/sqlite-team-store';
import { createSqliteUserStore, DATABASE_FILE_NAME } from '../storage/sqlite-user-store';
import type { Credentials, LocationRef } from '../storage/user-state';
import { captureLogger } from './capture-logger';

/**
 * Stores people as the bot would after each ran /setup (each the admin of a one-person workspace
 * with `credentials`; with `team`, the first one's workspace and the others invited to it) and, with `selection`, picked that location: for tests and benchmarks that
 * start with many people set up.
 * @example await seedUsers({ dataDir, key, ids: [1, 2], credentials, selection });
 */
export async function seedUsers(options: {
  dataDir: string;
  key: Buffer;
  ids: readonly number[];
  credentials: Credentials;
  selection?: LocationRef;
  /** One workspace for all: the first id sets it up, the others join it as viewers by invite. */
  team?: boolean;
}): Promise<void> {
  const file = join(options.dataDir, DATABASE_FILE_NAME);
  const cipher = createCipher(options.key);
  const { logger } = captureLogger({ level: 'silent' });
  const store = createSqliteUserStore({ file, cipher, logger });
  const team = openSqliteTeamStore({ file, cipher, logger });
  const { selection } = options;
  let workspaceId: number | undefined;
  for (const id of options.ids) {
    if (options.team === true && workspaceId !== undefined) {
      const { hash } = newInviteToken();
      await team.createInvite(workspaceId, 'viewer', options.ids[0] ?? 0, hash, Date.now() + 60_000);
      await team.redeemInvite(hash, id, Date.now());
    } else workspaceId = (await team.saveCredentials(id, options.credentials)).workspaceId;
    if (selection !== undefined) await store.update(id, (state) => ({ ...state, selection, recent: [selection] }));
  }
  await team.close();
  await store.close();
}
