import { z } from 'zod';
import { badRequest } from '../api/api-error';
import { defineMethod, Described } from '../api/method';
import { bool, int, json } from '../api/params';
import { startWebhookDelivery } from '../updates/webhook';
import type { BotRecord } from '../world/bots';
import { markConnected } from './get-updates';

function removeWebhook(bot: BotRecord, dropPending: boolean | undefined): Described {
  if (dropPending) bot.queue.clear();
  if (!bot.webhook) return new Described(true, 'Webhook is already deleted');
  bot.webhook.stop();
  bot.webhook = undefined;
  return new Described(true, 'Webhook was deleted');
}

/**
 * `setWebhook`: from now on updates are POSTed to `url` (with the
 * `X-Telegram-Bot-Api-Secret-Token` header when `secret_token` is set), up to `max_connections`
 * (1–100, default 40) at once, one at a time per chat. An empty `url` removes the webhook. Plain `http://` is accepted, and `https://` to a loopback host is delivered over
 * `http://`, since a local bot has no certificate.
 */
export const setWebhook = defineMethod({
  name: 'setWebhook',
  params: z.object({
    url: z.string({ error: () => 'Bad Request: parameter "url" is required' }),
    secret_token: z.string().optional(),
    max_connections: int('max_connections').optional(),
    allowed_updates: json(z.array(z.string())).optional(),
    drop_pending_updates: bool('drop_pending_updates').optional(),
  }),
  run: (params, context) => {
    const { bot, world } = context;
    if (params.url === '') return removeWebhook(bot, params.drop_pending_updates);
    let url: URL;
    try {
      url = new URL(params.url);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    if (params.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(params.secret_token)) {
      throw badRequest('bad webhook: secret token contains unallowed characters');
    }
    if (params.drop_pending_updates) bot.queue.clear();
    if (params.allowed_updates)
      bot.queue.allowedUpdates = params.allowed_updates.length ? params.allowed_updates : undefined;
    markConnected(context);
    // As Telegram: 40 by default, and a value out of 1–100 is brought into it, not refused.
    const maxConnections = Math.min(100, Math.max(1, params.max_connections ?? 40));
    const { webhook } = bot;
    if (
      webhook?.url === params.url &&
      webhook.secretToken === params.secret_token &&
      webhook.maxConnections === maxConnections
    )
      return new Described(true, 'Webhook is already set');
    bot.activePoll?.terminate();
    bot.webhook?.stop();
    const settings = { url: params.url, secretToken: params.secret_token, maxConnections };
    bot.webhook = startWebhookDelivery(world, bot, settings, context.callAsBot);
    return new Described(true, 'Webhook was set');
  },
});

/** `deleteWebhook`: back to getUpdates; `drop_pending_updates` empties the queue. */
export const deleteWebhook = defineMethod({
  name: 'deleteWebhook',
  params: z.object({ drop_pending_updates: bool('drop_pending_updates').optional() }),
  run: (params, { bot }) => removeWebhook(bot, params.drop_pending_updates),
});

/** `getWebhookInfo`: the URL, pending updates and the last delivery error. */
export const getWebhookInfo = defineMethod({
  name: 'getWebhookInfo',
  params: z.object({}),
  run: (_params, { bot }) => ({
    url: bot.webhook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: bot.queue.size,
    ...(bot.webhook
      ? {
          max_connections: bot.webhook.maxConnections,
          ...(bot.webhook.lastErrorDate
            ? { last_error_date: bot.webhook.lastErrorDate, last_error_message: bot.webhook.lastErrorMessage }
            : {}),
        }
      : {}),
    ...(bot.queue.allowedUpdates ? { allowed_updates: bot.queue.allowedUpdates } : {}),
  }),
});
