import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { secretContext, workspaceContext } from './key-check';
import { inTransaction } from './sqlite-workspaces';
import { credentialsDraftSchema, credentialsSchema } from './user-state';

/** A person's sealed state as bots before workspaces wrote it: their own credentials beside a /setup draft. */
const legacySecretSchema = z.object({
  credentials: credentialsSchema.optional(),
  draft: credentialsDraftSchema.optional(),
});

/**
 * Finishes schema step 4, which made everyone stored with sealed state the admin of a one-person
 * workspace (same id as the person) without credentials: in one transaction, each such workspace
 * gets the credentials from its founder's row, sealed for the workspace, and the row keeps only its
 * /setup draft. A workspace whose founder had only begun /setup is dropped (finishing /setup makes
 * a new one). A row that does not open is left as it was and tried again at the next open. Needs
 * the key checked first. Returns how many workspaces got their credentials.
 * @example moveLegacyCredentials(db, cipher, logger) // 2
 */
export function moveLegacyCredentials(db: DatabaseSync, cipher: Cipher, logger: Logger): number {
  const pending = db
    .prepare(
      `SELECT w.workspace_id, u.secret_state FROM workspaces w JOIN users u ON u.user_id = w.workspace_id
       WHERE w.credentials IS NULL AND u.secret_state IS NOT NULL`,
    )
    .all() as Array<{ workspace_id: number; secret_state: string }>;
  if (pending.length === 0) return 0;
  const writeCredentials = db.prepare('UPDATE workspaces SET credentials = ? WHERE workspace_id = ?');
  const writeSecret = db.prepare('UPDATE users SET secret_state = ? WHERE user_id = ?');
  const dropMembers = db.prepare('DELETE FROM members WHERE workspace_id = ?');
  const dropWorkspace = db.prepare('DELETE FROM workspaces WHERE workspace_id = ?');
  return inTransaction(db, () => {
    let moved = 0;
    for (const { workspace_id: id, secret_state: sealed } of pending) {
      let secret: z.infer<typeof legacySecretSchema>;
      try {
        secret = legacySecretSchema.parse(JSON.parse(cipher.open(sealed, secretContext(id))));
      } catch {
        logger.warn({ userId: id }, 'Stored credentials cannot be decrypted; left untouched.');
        continue;
      }
      const { credentials, draft } = secret;
      writeSecret.run(draft === undefined ? null : cipher.seal(JSON.stringify({ draft }), secretContext(id)), id);
      if (credentials === undefined) {
        dropMembers.run(id);
        dropWorkspace.run(id);
        continue;
      }
      writeCredentials.run(cipher.seal(JSON.stringify(credentials), workspaceContext(id)), id);
      moved += 1;
    }
    if (moved > 0) logger.info({ workspaces: moved }, 'Moved stored credentials into one-person workspaces.');
    return moved;
  });
}
