import { z } from 'zod';
import { ERRORS } from '../api/api-error';
import { defineMethod } from '../api/method';
import { bool, int, text } from '../api/params';

/**
 * `answerCallbackQuery`: ends a button press' spinner, optionally with a notification (`text`,
 * `show_alert`). Each query can be answered once; unknown or answered ones get Telegram's
 * "query is too old and response timeout expired or query ID is invalid".
 */
export const answerCallbackQuery = defineMethod({
  name: 'answerCallbackQuery',
  params: z.object({
    callback_query_id: text('callback_query_id'),
    text: z.string().optional(),
    show_alert: bool('show_alert').optional(),
    url: z.string().optional(),
    cache_time: int('cache_time').optional(),
  }),
  run: (params, { world, bot }) => {
    const query = world.callbackQueries.get(params.callback_query_id);
    if (!query || query.botToken !== bot.token || query.answer) throw ERRORS.queryInvalid();
    query.answer = {
      show_alert: params.show_alert ?? false,
      ...(params.text ? { text: params.text } : {}),
      ...(params.url ? { url: params.url } : {}),
      ...(params.cache_time === undefined ? {} : { cache_time: params.cache_time }),
    };
    world.emit({ type: 'callback-answer', key: query.key, queryId: query.id });
    return true;
  },
});
