import { z } from 'zod';
import { badRequest } from '../api/api-error';
import { defineMethod } from '../api/method';
import { chatId } from '../api/params';

const ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

/** How long a chat action shows, as on Telegram. */
export const CHAT_ACTION_MS = 5000;

/** `sendChatAction`: "typing…" and friends, shown on the web page for 5 s or until the next message. */
export const sendChatAction = defineMethod({
  name: 'sendChatAction',
  params: z.object({
    chat_id: chatId,
    action: z.string({ error: () => 'Bad Request: parameter "action" is required' }),
  }),
  run: (params, { world, bot }) => {
    if (!ACTIONS.has(params.action)) throw badRequest('wrong parameter action in request');
    const conversation = world.conversationOfBot(bot, params.chat_id);
    conversation.chatAction = { action: params.action, by: bot.user.first_name, until: world.now() + CHAT_ACTION_MS };
    world.emit({ type: 'chat-action', key: conversation.key });
    return true;
  },
});
