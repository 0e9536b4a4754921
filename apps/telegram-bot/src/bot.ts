import { Telegraf } from 'telegraf';
import { BotContext, type BotServices } from './context';
import { accountFeature } from './features/account';
import { alertsFeature } from './features/alerts';
import { alertButtonsFeature } from './features/alert-buttons';
import { chartsFeature } from './features/charts';
import { helpFeature } from './features/help';
import { invitesFeature } from './features/invites';
import { locationsFeature } from './features/locations';
import { purposeFeature } from './features/purpose';
import { reportsFeature } from './features/reports';
import { settingsFeature } from './features/settings';
import { setupFeature } from './features/setup';
import { startFeature } from './features/start';
import { teamFeature } from './features/team';
import { teamChatGuard, teamChatsFeature } from './features/team-chats';
import { teamWatchesFeature } from './features/team-watches';
import { auditFeature } from './features/audit';
import { unhandledFeature } from './features/unhandled';
import { chatMigrations } from './middleware/chat-migrations';
import { watchFeature } from './features/watch';
import { watchesFeature } from './features/watches';
import { planSpeedFeature } from './features/plan-speed';
import { createUpdateDispatcher, UpdateInboxError, type UpdateDispatcher } from './middleware/dispatcher';
import type { Timers } from './monitoring/timers';
import { errorBoundary } from './middleware/error-boundary';
import { ordinaryUpdates } from './middleware/ordinary-updates';
import { resumeDeliveries } from './middleware/resume-deliveries';
import { allowedUsers } from './security/allowed-users';
import { headerGuard } from './security/header-guard';
import { inviteGuard } from './security/invite-guard';
import { rateLimit } from './security/rate-limit';
import type { UpdateInbox } from './storage/update-inbox';
import type { TelegramTransport } from './telegram/telegram-transport';

export interface BotDeps {
  token: string;
  /** Bot API server; default Telegram's. */
  apiRoot?: string;
  services: BotServices;
  /** Where each update is stored before it is acknowledged, until it has been handled. */
  inbox: UpdateInbox;
  /** Unset: everyone may use the bot. */
  allowedUsers?: ReadonlySet<number> | undefined;
  rateLimitPerMinute: number;
  /** The Bot API connections: set on the bot's client and on each update's. */
  transport: TelegramTransport;
  /** How long one update may hold up its person's later ones (tests pass their timers). @default 120 s */
  updateDeadline?: { afterMs?: number | undefined; timers?: Timers | undefined } | undefined;
}

/** Said to a person whose update is overdue; its answer may still come. */
export const OVERDUE_TEXT =
  '⌛ Sorry, this is taking much longer than it should. I am going on with your next messages meanwhile; if its answer still comes, it will appear in this chat.';

export interface Bot {
  telegraf: Telegraf<BotContext>;
  /** Tracks updates still being handled, for a clean stop. */
  dispatcher: UpdateDispatcher;
}

/**
 * Builds the bot: every Bot API call through `transport`, the per-user dispatcher (which stores each update in the inbox first), the error
 * boundary, the guard that deletes secrets posted outside /setup (before the allow-list: a
 * stranger's too), the filter of updates no person sent (inline presses, channel posts, anonymous
 * admins), the allow-list and the rate limit; then one Composer per feature, and last the feature
 * that answers whatever nobody else took.
 */
export function createBot(deps: BotDeps): Bot {
  const telegraf = new Telegraf<BotContext>(deps.token, {
    contextType: BotContext,
    telegram: { apiRoot: deps.apiRoot ?? 'https://api.telegram.org', webhookReply: false },
  });
  telegraf.context.services = deps.services;
  deps.transport.attach(telegraf.telegram);
  const { logger } = deps.services;
  const dispatcher = createUpdateDispatcher({
    inbox: deps.inbox,
    logger,
    onError: (error) => logger.error({ err: error }, 'Error escaped the error boundary'),
    deadline: {
      ...deps.updateDeadline,
      // The bot's own client: the update's journal must not record a notice a resumed run would not repeat.
      notify: ({ chatId, messageId }) =>
        chatId === undefined
          ? Promise.resolve()
          : telegraf.telegram.sendMessage(chatId, OVERDUE_TEXT, {
              ...(messageId === undefined
                ? {}
                : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } }),
            }),
    },
  });

  // telegraf builds a client per update: it calls the Bot API through the same transport.
  telegraf.use((ctx, next) => {
    deps.transport.attach(ctx.telegram);
    return next();
  });
  telegraf.use(dispatcher.middleware);
  telegraf.use(errorBoundary());
  telegraf.use(headerGuard()); // first: a pasted secret is deleted even from a stranger or a user going too fast
  telegraf.use(chatMigrations()); // before the filters: a group's upgrade is followed whoever made it
  telegraf.use(inviteGuard()); // an invite pasted in a group is deleted and revoked, whoever posted it
  telegraf.use(ordinaryUpdates()); // inline presses and messages posted on behalf of a chat, before anyone reads `from`
  telegraf.use(allowedUsers(deps.allowedUsers));
  telegraf.use(resumeDeliveries()); // a person who had blocked the bot and writes again gets what was held back
  telegraf.use(rateLimit({ perMinute: deps.rateLimitPerMinute }));
  telegraf.use(teamChatGuard()); // in a team's chat, only its members
  telegraf.use(
    startFeature(),
    helpFeature(),
    accountFeature(),
    setupFeature(),
    settingsFeature(),
    alertsFeature(),
    invitesFeature(),
    teamFeature(),
    teamChatsFeature(),
    auditFeature(),
    purposeFeature(),
    locationsFeature(),
    reportsFeature(),
    chartsFeature(),
  );
  telegraf.use(watchFeature(), watchesFeature(), planSpeedFeature(), teamWatchesFeature(), alertButtonsFeature());
  telegraf.use(unhandledFeature());
  telegraf.catch((error) => {
    // An update that could not be stored must not be acknowledged: fail the polling loop (or the webhook post).
    if (error instanceof UpdateInboxError) throw error;
    logger.error({ err: error }, 'Error escaped the bot');
  });
  return { telegraf, dispatcher };
}
