import { z } from 'zod';
import type { TelegramMessageEntity, TelegramUser } from '../types';

/**
 * zod building blocks for Bot API parameters. Bots send JSON, urlencoded forms, multipart forms or
 * query strings, so numbers, booleans and objects may arrive as strings: each block accepts both.
 * Error messages are the `description` Telegram would return.
 */

function errorFor(name: string, missing?: string) {
  return {
    error: (issue: { input: unknown }) =>
      issue.input === undefined || issue.input === ''
        ? `Bad Request: ${missing ?? `parameter "${name}" is required`}`
        : `Bad Request: parameter "${name}" is invalid`,
  };
}

const toNumber = (value: unknown) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBoolean = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : value);
const toJson = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/** A required integer parameter. */
export function int(name: string, missing?: string) {
  return z.preprocess(toNumber, z.number(errorFor(name, missing)).int(errorFor(name, missing)));
}

/** A required string parameter (empty counts as missing). */
export function text(name: string, missing?: string) {
  return z.string(errorFor(name, missing)).min(1, errorFor(name, missing));
}

/** A boolean parameter, `"true"`/`"false"` accepted. */
export function bool(name: string) {
  return z.preprocess(toBoolean, z.boolean(errorFor(name)));
}

/** A parameter holding a JSON-serialised object when sent in a form. */
export function json<T extends z.ZodType>(schema: T) {
  return z.preprocess(toJson, schema);
}

/** `chat_id`: an integer or a `@username`. */
export const chatId = z.preprocess(
  toNumber,
  z.union([z.number().int(), z.string().min(1)], errorFor('chat_id', 'chat_id is empty')),
);

const ENTITY_TYPES = [
  'mention',
  'hashtag',
  'cashtag',
  'bot_command',
  'url',
  'email',
  'phone_number',
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'blockquote',
  'expandable_blockquote',
  'code',
  'pre',
  'text_link',
  'text_mention',
  'custom_emoji',
] as const;

const entityError = (detail: string) => ({ error: () => `Bad Request: can't parse MessageEntity: ${detail}` });

const hasNumericId = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number';

const entity = z.object({
  type: z.enum(ENTITY_TYPES, entityError('Unsupported type specified')),
  offset: z.number(entityError('Field "offset" must be a valid Number')).int(),
  length: z.number(entityError('Field "length" must be a valid Number')).int(),
  url: z.string(entityError('Field "url" must be of type String')).exactOptional(),
  language: z.string(entityError('Field "language" must be of type String')).exactOptional(),
  custom_emoji_id: z.string(entityError('Field "custom_emoji_id" must be of type String')).exactOptional(),
  // The sandbox reads only the mentioned user's id; Telegram's other User fields pass through unchecked.
  user: z.custom<TelegramUser>(hasNumericId, entityError('Field "user" must be of type Object')).exactOptional(),
});

/** `entities` / `caption_entities`: a JSON array of MessageEntity. */
export const entities: z.ZodType<TelegramMessageEntity[] | undefined> = json(
  z.array(entity, { error: () => "Bad Request: can't parse entities JSON object" }),
).optional();

/** `reply_parameters` or the older `reply_to_message_id`. */
export const replyParameters = json(
  z.object(
    {
      message_id: int('reply_parameters.message_id'),
      allow_sending_without_reply: bool('allow_sending_without_reply').optional(),
    },
    { error: () => "Bad Request: can't parse reply parameters JSON object" },
  ),
).optional();

/** The reply target of a send call, whichever form the bot used. */
export function replyTarget(params: {
  reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean | undefined } | undefined;
  reply_to_message_id?: number | undefined;
  allow_sending_without_reply?: boolean | undefined;
}): { messageId: number; allowMissing: boolean } | undefined {
  if (params.reply_parameters) {
    return {
      messageId: params.reply_parameters.message_id,
      allowMissing: params.reply_parameters.allow_sending_without_reply ?? false,
    };
  }
  if (params.reply_to_message_id === undefined) return undefined;
  return { messageId: params.reply_to_message_id, allowMissing: params.allow_sending_without_reply ?? false };
}
