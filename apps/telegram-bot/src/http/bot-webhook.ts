import { createHmac } from 'node:crypto';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger';
import type { WebhookHandler } from './http-server';
import { createWebhookHandler } from './webhook';

export interface BotWebhookOptions {
  /** The public URL Telegram posts to (`WEBHOOK_URL`). */
  url: string;
  /** The bot token: the webhook's secret token is derived from it. */
  token: string;
  /** Sets the webhook (the bot's Bot API client). */
  telegram: Pick<Telegram, 'setWebhook'>;
  /** Takes one update (telegraf's `handleUpdate`). */
  handleUpdate: (update: Update) => Promise<void>;
  logger: Logger;
  /** False once the bot is stopping: posts are answered 503. */
  accepting: () => boolean;
}

/**
 * Points Telegram at `url` with the bot's secret token and returns the handler for its path, which
 * accepts only posts carrying that token, each holding one update of at most 1 MB, and answers 503
 * once `accepting` says no. The token is derived from the bot token, so every replica sets and
 * expects the same one (a random one per replica would lock out all but the last to start).
 * (telegraf's createWebhook would force https, a local Bot API server may post over http; and its
 * callback caps no body and hands the bot whatever JSON it gets.)
 * @throws {Error} from the Bot API when Telegram refuses the webhook (e.g. a URL it cannot reach)
 * @example const webhook = await setBotWebhook({ url, token, telegram: telegraf.telegram, handleUpdate: (u) => telegraf.handleUpdate(u), logger, accepting: () => true });
 */
export async function setBotWebhook(options: BotWebhookOptions): Promise<WebhookHandler> {
  const secretToken = createHmac('sha256', options.token).update('telegram webhook secret token').digest('hex');
  await options.telegram.setWebhook(options.url, { secret_token: secretToken });
  return createWebhookHandler({
    path: new URL(options.url).pathname,
    secretToken,
    logger: options.logger,
    accepting: options.accepting,
    handleUpdate: (update) => options.handleUpdate(update as unknown as Update),
  });
}
