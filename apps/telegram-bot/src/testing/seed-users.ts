import type { DatabaseUrl } from '../database-url';
import { newInviteToken } from '../team/invite-token';
import { openStorage } from '../storage/open-storage';
import type { Credentials, LocationRef } from '../storage/user-state';
import { captureLogger } from './capture-logger';

/**
 * Stores people as the bot would after each ran /setup (each the admin of a one-person workspace
 * with `credentials`; with `team`, the first one's workspace and the others invited to it) and, with `selection`, picked that location: for tests and benchmarks that
 * start with many people set up. In the SQLite database of `dataDir`, or with `database` in PostgreSQL.
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
  database?: DatabaseUrl | undefined;
}): Promise<void> {
  const { logger } = captureLogger({ level: 'silent' });
  const storage = await openStorage({
    dataDir: options.dataDir,
    database: options.database,
    encryptionKey: options.key,
    logger,
  });
  const { users: store, team } = storage;
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
  await storage.close();
}
