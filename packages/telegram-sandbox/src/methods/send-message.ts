import { z } from 'zod';
import { checkMarkup, replyMarkup } from '../api/markup';
import { defineMethod } from '../api/method';
import { bool, chatId, entities, int, replyParameters, replyTarget } from '../api/params';
import { formatText } from '../text/format';
import { postBotMessage, resolveTarget, withEntities } from './outgoing';

/** Parameters shared by the send methods besides their content. */
export const sendOptions = {
  chat_id: chatId,
  reply_markup: replyMarkup,
  reply_parameters: replyParameters,
  reply_to_message_id: int('reply_to_message_id').optional(),
  allow_sending_without_reply: bool('allow_sending_without_reply').optional(),
  disable_notification: bool('disable_notification').optional(),
  protect_content: bool('protect_content').optional(),
  message_thread_id: int('message_thread_id').optional(),
};

/**
 * `sendMessage`: text with `entities` or `parse_mode` (HTML, MarkdownV2, Markdown), an optional
 * keyboard and reply. Enforces "message text is empty", "message is too long" (4096 UTF-16 code
 * units after parsing), entity and keyboard rules.
 */
export const sendMessage = defineMethod({
  name: 'sendMessage',
  limited: true,
  params: z.object({
    ...sendOptions,
    text: z.string({ error: () => 'Bad Request: message text is empty' }).optional(),
    parse_mode: z.string().optional(),
    entities,
    link_preview_options: z.unknown().optional(),
    disable_web_page_preview: z.unknown().optional(),
  }),
  run: (params, context) => {
    const formatted = formatText(
      { text: params.text, parseMode: params.parse_mode, entities: params.entities },
      'text',
    );
    const markup = checkMarkup(params.reply_markup);
    const target = resolveTarget(context, params.chat_id, replyTarget(params), {
      threadId: params.message_thread_id,
      silent: params.disable_notification,
    });
    return postBotMessage(
      context,
      target,
      { text: formatted.text, ...withEntities('entities', formatted.entities) },
      markup,
    );
  },
});
