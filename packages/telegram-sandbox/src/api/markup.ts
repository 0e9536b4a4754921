import { z } from 'zod';
import { checkedLink, byteLength } from '../text/utf';
import { LIMITS } from '../text/format';
import type { TelegramInlineKeyboardButton, TelegramInlineKeyboardMarkup } from '../types';
import type { ReplyKeyboard } from '../world/conversations';
import { badRequest, ERRORS } from './api-error';
import { json } from './params';

const markupError = { error: () => "Bad Request: can't parse reply keyboard markup JSON object" };

const inlineButton = z.looseObject(
  {
    text: z.string(markupError),
    callback_data: z.string(markupError).optional(),
    url: z.string(markupError).optional(),
  },
  markupError,
);

const replyButton = z.union([z.string(), z.looseObject({ text: z.string() })], markupError);

const markup = z.union(
  [
    z.object({ inline_keyboard: z.array(z.array(inlineButton, markupError), markupError) }),
    z.object({
      keyboard: z.array(z.array(replyButton, markupError), markupError),
      one_time_keyboard: z.boolean().optional(),
      input_field_placeholder: z.string().optional(),
    }),
    z.object({ remove_keyboard: z.literal(true) }),
    z.object({ force_reply: z.literal(true), input_field_placeholder: z.string().optional() }),
  ],
  markupError,
);

/** The `reply_markup` parameter, parsed; rules are checked by {@link checkMarkup}. */
export const replyMarkup = json(markup).optional();

/** A parsed `reply_markup`. */
export type ReplyMarkupInput = z.output<typeof markup>;

const ACTIONS = [
  'callback_data',
  'url',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'callback_game',
  'pay',
  'web_app',
  'copy_text',
];

/** What a message stores of a reply_markup: an inline keyboard, or a chat-level reply keyboard change. */
export interface CheckedMarkup {
  inline: TelegramInlineKeyboardMarkup | undefined;
  replyKeyboard: ReplyKeyboard | null | undefined;
}

/**
 * Applies Telegram's rules to a reply_markup: each inline button has exactly one action,
 * callback_data is 1–64 bytes, URLs are valid.
 *
 * @throws {TelegramApiError} e.g. `Bad Request: BUTTON_DATA_INVALID`.
 */
export function checkMarkup(input: ReplyMarkupInput | undefined): CheckedMarkup {
  if (!input) return { inline: undefined, replyKeyboard: undefined };
  if ('inline_keyboard' in input) {
    const rows = input.inline_keyboard.map((row) => row.map(checkButton));
    return { inline: { inline_keyboard: rows.filter((row) => row.length > 0) }, replyKeyboard: undefined };
  }
  if ('keyboard' in input) {
    return {
      inline: undefined,
      replyKeyboard: {
        rows: input.keyboard.map((row) => row.map((button) => (typeof button === 'string' ? button : button.text))),
        oneTime: input.one_time_keyboard ?? false,
        ...(input.input_field_placeholder ? { placeholder: input.input_field_placeholder } : {}),
      },
    };
  }
  return { inline: undefined, replyKeyboard: 'remove_keyboard' in input ? null : undefined };
}

function checkButton(raw: z.output<typeof inlineButton>): TelegramInlineKeyboardButton {
  const button = raw as TelegramInlineKeyboardButton & Record<string, unknown>;
  const actions = ACTIONS.filter((action) => button[action] !== undefined);
  if (actions.length === 0) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  if (button.callback_data !== undefined) {
    const bytes = byteLength(button.callback_data);
    if (bytes < 1 || bytes > LIMITS.callbackData) throw ERRORS.buttonDataInvalid();
  }
  if (button.url !== undefined && !checkedLink(button.url)) {
    throw badRequest(`inline keyboard button URL '${button.url}' is invalid: Wrong HTTP URL`);
  }
  return button;
}
