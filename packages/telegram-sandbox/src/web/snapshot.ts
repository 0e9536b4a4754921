import type { TelegramUser } from '../types';
import type { TelegramMessage } from '../types';
import { privateKey, type Conversation } from '../world/conversations';
import type { World } from '../world/world';
import type { ChatSnapshot, WebChat } from './protocol';

const ACTION_TEXT: Record<string, string> = {
  typing: 'is typing…',
  upload_photo: 'is sending a photo…',
  upload_document: 'is sending a file…',
  choose_sticker: 'is choosing a sticker…',
  find_location: 'is finding a location…',
};

const MAX_MESSAGES = 300;

function fileUrl(world: World, fileId: string | undefined): string | undefined {
  if (!fileId) return undefined;
  const file = world.files.get(fileId);
  return file?.url ?? `/web/files/${encodeURIComponent(fileId)}`;
}

/** The topic a forum message is in, and a service message's description, for the page. */
function topicAndService(conversation: Conversation, message: TelegramMessage): { topic?: string; service?: string } {
  const topic =
    message.message_thread_id === undefined ? undefined : conversation.topics.get(message.message_thread_id);
  const service = message.forum_topic_created
    ? `created the topic “${message.forum_topic_created.name}”`
    : message.migrate_to_chat_id !== undefined
      ? `upgraded this group to a supergroup (id ${message.migrate_to_chat_id})`
      : message.migrate_from_chat_id !== undefined
        ? `upgraded the group ${message.migrate_from_chat_id} to this supergroup`
        : undefined;
  return { ...(topic === undefined ? {} : { topic }), ...(service === undefined ? {} : { service }) };
}

/** The chats `user` can open: a private chat with each bot, and their groups. */
export function chatsOf(world: World, user: TelegramUser): WebChat[] {
  const chats: WebChat[] = [...world.bots.values()].map((bot) => ({
    key: privateKey(bot.user.id, user.id),
    title: `${bot.user.first_name} (@${bot.user.username})`,
    type: 'private',
  }));
  for (const conversation of world.conversations.values()) {
    if (conversation.chat.type !== 'private' && conversation.memberIds.has(user.id)) {
      chats.push({
        key: conversation.key,
        title: conversation.chat.title ?? String(conversation.chat.id),
        type: conversation.chat.type,
      });
    }
  }
  return chats;
}

/** What the page shows of `conversation` to `viewer`. */
export function chatSnapshot(world: World, conversation: Conversation, viewer: TelegramUser): ChatSnapshot {
  const bots = [...conversation.botTokens].map((token) => world.bots.get(token)).filter((bot) => bot !== undefined);
  const title =
    conversation.chat.type === 'private'
      ? bots.map((bot) => `${bot.user.first_name} (@${bot.user.username})`).join(', ')
      : (conversation.chat.title ?? String(conversation.chat.id));
  const action = conversation.chatAction;
  const remainingMs = action ? action.until - world.now() : 0;
  return {
    chat: { key: conversation.key, title, type: conversation.chat.type },
    viewer: { id: viewer.id, name: viewer.first_name },
    messages: [...conversation.messages.values()]
      .filter((stored) => !stored.deleted)
      .slice(-MAX_MESSAGES)
      .map(({ message, silent }) => ({
        ...message,
        sandbox: {
          ...(silent === true ? { silent: true } : {}),
          ...topicAndService(conversation, message),
          outgoing: message.from?.id === viewer.id,
          sender: message.from ? [message.from.first_name, message.from.last_name].filter(Boolean).join(' ') : '',
          ...(message.photo ? { photoUrl: fileUrl(world, message.photo.at(-1)?.file_id) } : {}),
          ...(message.document ? { documentUrl: fileUrl(world, message.document.file_id) } : {}),
        },
      })),
    replyKeyboard: conversation.replyKeyboard
      ? {
          rows: conversation.replyKeyboard.rows,
          ...(conversation.replyKeyboard.placeholder ? { placeholder: conversation.replyKeyboard.placeholder } : {}),
        }
      : null,
    action:
      action && remainingMs > 0
        ? {
            text: `${action.by} ${ACTION_TEXT[action.action] ?? `is ${action.action.replace(/_/g, ' ')}…`}`,
            remainingMs,
          }
        : null,
    commands: bots.flatMap((bot) => bot.commands.get('default|') ?? []),
  };
}
