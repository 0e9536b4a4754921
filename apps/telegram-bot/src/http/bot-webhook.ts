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
  /** Takes one update (telegraf's `handleUpdate`). */
  handleUpdate: (update: Update) => Promise<void>;
  logger: Logger;
  /** False while the bot starts and once it is stopping: posts are answered 503. */
  accepting: () => boolean;
}

/** The bot's webhook: the HTTP handler of its path, and the call that points Telegram at it. */
export interface BotWebhook {
  handler: WebhookHandler;
  /**
   * Points Telegram at the URL with the secret token.
   * @throws {Error} from the Bot API when Telegram refuses the webhook (e.g. a URL it cannot reach)
   */
  register(telegram: Pick<Telegram, 'setWebhook'>): Promise<void>;
}

/**
 * The bot's webhook on `url`: a handler for its path, which accepts only posts carrying the bot's
 * secret token, each holding one update of at most 1 MB, and answers 503 while `accepting` says no;
 * and `register`, which points Telegram at it. The token is derived from the bot token, so every
 * replica sets and expects the same one (a random one per replica would lock out all but the last
 * to start). (telegraf's createWebhook would force https, a local Bot API server may post over
 * http; and its callback caps no body and hands the bot whatever JSON it gets.)
 * @example const webhook = createBotWebhook({ url, token, handleUpdate: (u) => telegraf.handleUpdate(u), logger, accepting: () => running }); await webhook.register(telegraf.telegram);
 */
export function createBotWebhook(options: BotWebhookOptions): BotWebhook {
  const secretToken = createHmac('sha256', options.token).update('telegram webhook secret token').digest('hex');
  return {
    handler: createWebhookHandler({
      path: new URL(options.url).pathname,
      secretToken,
      logger: options.logger,
      accepting: options.accepting,
      handleUpdate: (update) => options.handleUpdate(update as unknown as Update),
    }),
    async register(telegram) {
      await telegram.setWebhook(options.url, { secret_token: secretToken });
    },
  };
}
