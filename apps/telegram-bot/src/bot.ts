import { Telegraf } from 'telegraf';
import { BotContext, type BotServices } from './context';
import { accountFeature } from './features/account';
import { helpFeature } from './features/help';
import { locationsFeature } from './features/locations';
import { reportsFeature } from './features/reports';
import { setupFeature } from './features/setup';
import { startFeature } from './features/start';
import { unhandledFeature } from './features/unhandled';
import { createUpdateDispatcher, type UpdateDispatcher } from './middleware/dispatcher';
import { errorBoundary } from './middleware/error-boundary';
import { ordinaryUpdates } from './middleware/ordinary-updates';
import { allowedUsers } from './security/allowed-users';
import { headerGuard } from './security/header-guard';
import { rateLimit } from './security/rate-limit';

export interface BotDeps {
  token: string;
  /** Bot API server; default Telegram's. */
  apiRoot?: string;
  services: BotServices;
  /** Unset: everyone may use the bot. */
  allowedUsers?: ReadonlySet<number>;
  rateLimitPerMinute: number;
}

export interface Bot {
  telegraf: Telegraf<BotContext>;
  /** Tracks updates still being handled, for a clean stop. */
  dispatcher: UpdateDispatcher;
}

/**
 * Builds the bot: the per-user dispatcher, the error boundary, the guard that deletes secrets
 * posted outside /setup (before the allow-list: a stranger's too), the filter of updates no person
 * sent (inline presses, channel posts, anonymous admins), the allow-list and the rate limit; then one Composer per
 * feature, and last the feature that answers whatever nobody else took.
 */
export function createBot(deps: BotDeps): Bot {
  const telegraf = new Telegraf<BotContext>(deps.token, {
    contextType: BotContext,
    telegram: { apiRoot: deps.apiRoot ?? 'https://api.telegram.org', webhookReply: false },
  });
  telegraf.context.services = deps.services;
  const dispatcher = createUpdateDispatcher((error) => deps.services.logger.error({ err: error }, 'Error escaped the error boundary'));

  telegraf.use(dispatcher.middleware);
  telegraf.use(errorBoundary());
  telegraf.use(headerGuard()); // first: a pasted secret is deleted even from a stranger or a user going too fast
  telegraf.use(ordinaryUpdates()); // inline presses and messages posted on behalf of a chat, before anyone reads `from`
  telegraf.use(allowedUsers(deps.allowedUsers));
  telegraf.use(rateLimit({ perMinute: deps.rateLimitPerMinute }));
  telegraf.use(startFeature(), helpFeature(), accountFeature(), setupFeature(), locationsFeature(), reportsFeature());
  telegraf.use(unhandledFeature());
  telegraf.catch((error) => deps.services.logger.error({ err: error }, 'Error escaped the bot'));
  return { telegraf, dispatcher };
}
