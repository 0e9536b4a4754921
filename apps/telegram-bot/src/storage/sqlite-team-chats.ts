import type { DatabaseSync } from 'node:sqlite';
import { settle } from './settle';
import type { ChatStore } from './team-store';

/** The {@link ChatStore} on the bot's SQLite database (schema step 8). */
export function sqliteTeamChats(db: DatabaseSync): ChatStore {
  const bind = db.prepare(
    `INSERT INTO team_chats (chat_id, workspace_id, bound_by, bound_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (chat_id) DO UPDATE SET workspace_id = excluded.workspace_id, bound_by = excluded.bound_by, bound_at = excluded.bound_at`,
  );
  const unbind = db.prepare('DELETE FROM team_chats WHERE chat_id = ? AND workspace_id = ?');
  const select = db.prepare('SELECT workspace_id FROM team_chats WHERE chat_id = ?');
  const refuse = db.prepare('INSERT OR IGNORE INTO chat_refusals (chat_id, user_id) VALUES (?, ?)');
  return {
    bindChat: (chatId, workspaceId, boundBy, now) =>
      settle(() => {
        bind.run(chatId, workspaceId, boundBy, now);
      }),
    unbindChat: (chatId, workspaceId) =>
      settle(() => {
        return Number(unbind.run(chatId, workspaceId).changes) === 1;
      }),
    chatWorkspace: (chatId) =>
      settle(() => {
        return (select.get(chatId) as { workspace_id: number } | undefined)?.workspace_id ?? null;
      }),
    noteChatRefusal: (chatId, userId) =>
      settle(() => {
        return Number(refuse.run(chatId, userId).changes) === 1;
      }),
  };
}
