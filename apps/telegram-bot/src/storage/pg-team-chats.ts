import type { Pool } from 'pg';
import type { ChatStore } from './team-store';

/** The {@link ChatStore} on PostgreSQL: each change is one statement, atomic on its own. */
export function pgTeamChats(pool: Pool): ChatStore {
  return {
    async bindChat(chatId, workspaceId, boundBy, now) {
      await pool.query(
        `INSERT INTO team_chats (chat_id, workspace_id, bound_by, bound_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (chat_id) DO UPDATE SET workspace_id = excluded.workspace_id, bound_by = excluded.bound_by, bound_at = excluded.bound_at`,
        [chatId, workspaceId, boundBy, now],
      );
    },
    async unbindChat(chatId, workspaceId) {
      const result = await pool.query('DELETE FROM team_chats WHERE chat_id = $1 AND workspace_id = $2', [
        chatId,
        workspaceId,
      ]);
      return result.rowCount === 1;
    },
    async chatWorkspace(chatId) {
      const { rows } = await pool.query<{ workspace_id: number }>(
        'SELECT workspace_id FROM team_chats WHERE chat_id = $1',
        [chatId],
      );
      return rows[0]?.workspace_id ?? null;
    },
    async noteChatRefusal(chatId, userId) {
      const result = await pool.query(
        'INSERT INTO chat_refusals (chat_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [chatId, userId],
      );
      return result.rowCount === 1;
    },
  };
}
