import { z } from 'zod';
import { ERRORS } from '../api/api-error';
import { defineMethod } from '../api/method';
import { chatId, int, json } from '../api/params';
import { findLive } from '../world/conversations';

/**
 * `deleteMessage`: removes a message (the bot's own, or any in chats the sandbox lets it manage);
 * `Bad Request: message to delete not found` when it does not exist (any more).
 */
export const deleteMessage = defineMethod({
  name: 'deleteMessage',
  params: z.object({ chat_id: chatId, message_id: int('message_id', 'message identifier is not specified') }),
  run: (params, { world, bot }) => {
    const conversation = world.conversationOfBot(bot, params.chat_id);
    const stored = findLive(conversation, params.message_id);
    if (!stored) throw ERRORS.deleteNotFound();
    world.remove(conversation, stored);
    return true;
  },
});

/** `deleteMessages`: deletes those of `message_ids` that exist; fails only if none does. */
export const deleteMessages = defineMethod({
  name: 'deleteMessages',
  params: z.object({ chat_id: chatId, message_ids: json(z.array(z.number().int()).min(1).max(100)) }),
  run: (params, { world, bot }) => {
    const conversation = world.conversationOfBot(bot, params.chat_id);
    const found = params.message_ids.map((id) => findLive(conversation, id)).filter((stored) => stored !== undefined);
    if (found.length === 0) throw ERRORS.deleteNotFound();
    for (const stored of found) world.remove(conversation, stored);
    return true;
  },
});
