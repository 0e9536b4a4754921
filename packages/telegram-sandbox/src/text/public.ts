import { TelegramApiError } from '../api/api-error';
import type { TelegramMessageEntity } from '../types';
import { formatText } from './format';

/** What Telegram would store of a text, or the description of its refusal. */
export type TelegramTextResult =
  { ok: true; text: string; entities: TelegramMessageEntity[] } | { ok: false; description: string };

/**
 * Applies Telegram's text rules offline, exactly as the sandbox's sendMessage does: parses
 * `parseMode` (HTML, MarkdownV2, Markdown) or checks `entities`, trims, enforces the 4096 (text)
 * or 1024 (caption) limit, and adds detected entities. Useful to test a formatter without a bot.
 *
 * @example
 * ```ts
 * parseTelegramText({ text: '<b>Hi</b>', parseMode: 'HTML' });
 * // { ok: true, text: 'Hi', entities: [{ type: 'bold', offset: 0, length: 2 }] }
 * parseTelegramText({ text: 'v1.0', parseMode: 'MarkdownV2' });
 * // { ok: false, description: "Bad Request: can't parse entities: Character '.' is reserved…" }
 * ```
 */
export function parseTelegramText(
  input: { text: string; parseMode?: string; entities?: readonly TelegramMessageEntity[] },
  kind: 'text' | 'caption' = 'text',
): TelegramTextResult {
  try {
    return { ok: true, ...formatText(input, kind) };
  } catch (error) {
    if (error instanceof TelegramApiError) return { ok: false, description: error.description };
    throw error;
  }
}
