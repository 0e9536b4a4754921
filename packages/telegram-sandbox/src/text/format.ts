import { badRequest, ERRORS } from '../api/api-error';
import type { TelegramMessageEntity } from '../types';
import { detectEntities } from './detect';
import { checkEntities, mergeDetected, trimText } from './entities';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parseMarkdownV2 } from './markdown-v2';
import { EntityParseError, type ParsedText } from './utf';

/** Telegram's limits, in UTF-16 code units of the text after entity parsing. */
export const LIMITS = {
  text: 4096,
  caption: 1024,
  callbackData: 64,
} as const;

/** What a bot sent: the raw text and either a parse_mode or explicit entities. */
export interface FormatInput {
  text: string | undefined;
  parseMode?: string | undefined;
  entities?: readonly TelegramMessageEntity[] | undefined;
}

function parse(text: string, parseMode: string): ParsedText {
  try {
    switch (parseMode.toLowerCase()) {
      case 'html':
        return parseHtml(text);
      case 'markdownv2':
        return parseMarkdownV2(text);
      case 'markdown':
        return parseMarkdown(text);
      default:
        throw badRequest('unsupported parse_mode');
    }
  } catch (error) {
    if (error instanceof EntityParseError) throw ERRORS.cantParseEntities(error.message);
    throw error;
  }
}

/**
 * Turns a bot's text into what Telegram stores: parses parse_mode (or checks explicit entities),
 * trims, enforces the length limit, and adds the entities Telegram detects by itself.
 *
 * @throws {TelegramApiError} `message text is empty`, `message is too long`, `message caption is too long`,
 * `can't parse entities: …`, or an entity range error.
 */
export function formatText(input: FormatInput, kind: 'text' | 'caption'): ParsedText {
  const raw = input.text ?? '';
  const parseMode = input.parseMode && input.parseMode.toLowerCase() !== 'none' ? input.parseMode : undefined;
  const parsed =
    parseMode && raw
      ? parse(raw, parseMode)
      : { text: raw, entities: input.entities?.length ? checkEntities(raw, input.entities) : [] };
  const trimmed = trimText(parsed.text, parsed.entities);
  if (!trimmed.text) {
    if (kind === 'text') throw ERRORS.textEmpty();
    return { text: '', entities: [] };
  }
  if (kind === 'text' && trimmed.text.length > LIMITS.text) throw ERRORS.textTooLong();
  if (kind === 'caption' && trimmed.text.length > LIMITS.caption) throw ERRORS.captionTooLong();
  return { text: trimmed.text, entities: mergeDetected(trimmed.entities, detectEntities(trimmed.text)) };
}

/** A user's typed text: no markup, only the entities Telegram detects (commands, links…). */
export function userText(text: string): ParsedText {
  const trimmed = trimText(text, []);
  return { text: trimmed.text, entities: detectEntities(trimmed.text) };
}
