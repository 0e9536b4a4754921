import { z } from 'zod';
import { ERRORS } from '../api/api-error';
import { defineMethod } from '../api/method';
import { chatId, int } from '../api/params';
import type { TelegramChatMember, TelegramUser } from '../types';
import type { Conversation } from '../world/conversations';

/** Every right, as the sandbox grants an administrator. */
const ADMIN_RIGHTS = {
  is_anonymous: false,
  can_be_edited: false,
  can_manage_chat: true,
  can_delete_messages: true,
  can_restrict_members: true,
  can_promote_members: true,
  can_change_info: true,
  can_invite_users: true,
  can_pin_messages: true,
  can_manage_topics: true,
} as const;

/** `user`'s standing in `conversation`: owner, administrator, member, or gone. */
export function memberOf(conversation: Conversation, user: TelegramUser): TelegramChatMember {
  if (conversation.chat.type === 'private') {
    return { status: conversation.chat.id === user.id || user.is_bot ? 'member' : 'left', user };
  }
  const role = conversation.admins.get(user.id);
  if (role === 'creator') return { status: 'creator', user, is_anonymous: false };
  if (role === 'administrator') return { status: 'administrator', user, ...ADMIN_RIGHTS };
  const inChat = conversation.memberIds.has(user.id) || user.is_bot;
  return { status: inChat ? 'member' : 'left', user };
}

/**
 * `getChatMember`: a user's standing in a chat (`creator`, `administrator` with every right,
 * `member` or `left`), as a bot checks who may configure it in a group. A group that became a
 * supergroup answers `group chat was upgraded to a supergroup chat`, as any other call to it.
 */
export const getChatMember = defineMethod({
  name: 'getChatMember',
  params: z.object({ chat_id: chatId, user_id: int('user_id', 'user_id is empty') }),
  run: (params, { world, bot }) => {
    const conversation = world.conversationOfBot(bot, params.chat_id);
    const user = world.users.get(params.user_id) ?? world.botById(params.user_id)?.user;
    if (user === undefined) throw ERRORS.userNotFound();
    if (user.is_bot && user.id !== bot.user.id) {
      const other = world.botById(user.id);
      const inChat = other !== undefined && conversation.botTokens.has(other.token);
      return { status: inChat ? 'member' : 'left', user } satisfies TelegramChatMember;
    }
    return memberOf(conversation, user);
  },
});
