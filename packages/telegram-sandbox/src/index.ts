// Public surface of @org/telegram-sandbox. Internals (the world model, method table, parsers,
// HTTP plumbing) stay private so that they can change without a breaking release.

// Commonly used: start a sandbox, act as users, wait for the bot.
export { startSandbox } from './start';
export type { Sandbox } from './sandbox';
export type { SandboxOptions } from './options';
export { createHarness, withSandbox } from './harness';
export type { SandboxHarness, BotLauncher, BotEnvironment } from './harness';
export type { SandboxUser, CreateUserOptions } from './users/user';
export type { SandboxGroup, SandboxTopic, CreateGroupOptions } from './users/group';
export type {
  ChatActor,
  WaitOptions,
  PressOptions,
  PressResult,
  MessageMatcher,
  SendPhotoOptions,
} from './users/actor';

// Errors.
export { SandboxError, SandboxTimeoutError, isSandboxError } from './errors';
export type { SandboxErrorCode } from './errors';

// Configuration and inspection.
export type { BotOptions } from './world/bots';
export type { RateLimitOptions } from './api/rate-limit';
export type { InjectedFailure } from './api/failures';
export type { RecordedCall } from './api/call-log';
export type { SandboxFile } from './file-info';

// Helpers.
export { buttonLabels, describeMessage } from './users/describe';
export { parseTelegramText } from './text/public';
export type { TelegramTextResult } from './text/public';

// Telegram's objects as the sandbox sends them.
export type {
  TelegramUser,
  TelegramChat,
  TelegramMessage,
  TelegramMessageEntity,
  TelegramMessageEntityType,
  TelegramInlineKeyboardButton,
  TelegramInlineKeyboardMarkup,
  TelegramPhotoSize,
  TelegramDocument,
  TelegramCallbackQuery,
  TelegramUpdate,
  TelegramBotCommand,
  TelegramResponse,
  TelegramResponseParameters,
  TelegramChatMember,
  CallbackAnswer,
} from './types';
