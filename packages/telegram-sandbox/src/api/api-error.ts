import type { TelegramResponseParameters } from '../types';
import type { WorldError, WorldErrorCode } from '../world/world-error';

/**
 * A Bot API call that Telegram would refuse. Methods throw it; the dispatcher turns it into
 * `{ ok: false, error_code, description, parameters }` with the same HTTP status.
 */
export class TelegramApiError extends Error {
  override name = 'TelegramApiError';
  readonly errorCode: number;
  readonly description: string;
  readonly parameters: TelegramResponseParameters | undefined;

  constructor(errorCode: number, description: string, parameters?: TelegramResponseParameters) {
    super(description);
    this.errorCode = errorCode;
    this.description = description;
    this.parameters = parameters;
  }
}

/** `400 Bad Request: <detail>`. */
export function badRequest(detail: string): TelegramApiError {
  return new TelegramApiError(400, `Bad Request: ${detail}`);
}

/** `403 Forbidden: <detail>`. */
export function forbidden(detail: string): TelegramApiError {
  return new TelegramApiError(403, `Forbidden: ${detail}`);
}

/** `409 Conflict: <detail>`. */
export function conflict(detail: string): TelegramApiError {
  return new TelegramApiError(409, `Conflict: ${detail}`);
}

/** `429 Too Many Requests: retry after N` with `parameters.retry_after`. */
export function tooManyRequests(retryAfter: number): TelegramApiError {
  return new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}

/** Telegram's texts for the rules bots trip over, in one place. */
export const ERRORS = {
  unauthorized: () => new TelegramApiError(401, 'Unauthorized'),
  notFound: () => new TelegramApiError(404, 'Not Found'),
  chatNotFound: () => badRequest('chat not found'),
  textEmpty: () => badRequest('message text is empty'),
  textTooLong: () => badRequest('message is too long'),
  captionTooLong: () => badRequest('message caption is too long'),
  buttonDataInvalid: () => badRequest('BUTTON_DATA_INVALID'),
  notModified: () =>
    badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    ),
  editNotFound: () => badRequest('message to edit not found'),
  deleteNotFound: () => badRequest('message to delete not found'),
  cantBeEdited: () => badRequest("message can't be edited"),
  cantBeDeleted: () => badRequest("message can't be deleted"),
  noTextToEdit: () => badRequest('there is no text in the message to edit'),
  replyNotFound: () => badRequest('message to be replied not found'),
  queryInvalid: () => badRequest('query is too old and response timeout expired or query ID is invalid'),
  cantParseEntities: (detail: string) => badRequest(`can't parse entities: ${detail}`),
  webhookActive: () =>
    conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
  terminatedByOtherPoll: () =>
    conflict('terminated by other getUpdates request; make sure that only one bot instance is running'),
  blocked: () => forbidden('bot was blocked by the user'),
  wrongFile: () => badRequest('wrong file identifier/HTTP URL specified'),
  threadNotFound: () => badRequest('message thread not found'),
  userNotFound: () => badRequest('user not found'),
  upgraded: (migrateToChatId: number) =>
    new TelegramApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
      migrate_to_chat_id: migrateToChatId,
    }),
} as const;

/** The Bot API error Telegram gives for each rule of the world (one line per {@link WorldErrorCode}). */
const WORLD_ERRORS: Record<WorldErrorCode, (error: WorldError) => TelegramApiError> = {
  CHAT_NOT_FOUND: ERRORS.chatNotFound,
  CHAT_UPGRADED: (error) => ERRORS.upgraded(error.migrateToChatId ?? 0),
  THREAD_NOT_FOUND: ERRORS.threadNotFound,
  USER_NOT_FOUND: ERRORS.userNotFound,
};

/** What a bot receives when the world refuses its call. */
export function fromWorldError(error: WorldError): TelegramApiError {
  return WORLD_ERRORS[error.code](error);
}
