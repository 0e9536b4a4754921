import { badRequest } from '../api/api-error';
import type { TelegramMessageEntity } from '../types';
import { checkedLink, sortEntities } from './utf';

/**
 * Checks entities a bot sent explicitly against the text, as Telegram does (TDLib's
 * `fix_formatted_text`), and drops empty ones.
 *
 * @throws {TelegramApiError} e.g. `Bad Request: entity beginning at UTF-16 offset 0 ends after the end of the text at UTF-16 offset 9`.
 */
export function checkEntities(text: string, entities: readonly TelegramMessageEntity[]): TelegramMessageEntity[] {
  const checked: TelegramMessageEntity[] = [];
  for (const entity of entities) {
    if (entity.offset < 0 || entity.offset > 1_000_000) {
      throw badRequest(`receive an entity with incorrect offset ${entity.offset}`);
    }
    if (entity.length < 0 || entity.length > 1_000_000) {
      throw badRequest(`receive an entity with incorrect length ${entity.length}`);
    }
    if (entity.type === 'text_link') {
      const url = entity.url ?? '';
      if (!checkedLink(url)) throw badRequest(`entity URL '${url}' is invalid: Wrong HTTP URL`);
    }
    if (entity.length > 0) checked.push({ ...entity });
  }
  sortEntities(checked);
  for (const entity of checked) {
    if (entity.offset >= text.length) {
      throw badRequest(`entity begins after the end of the text at UTF-16 offset ${entity.offset}`);
    }
    if (entity.offset + entity.length > text.length) {
      throw badRequest(
        `entity beginning at UTF-16 offset ${entity.offset} ends after the end of the text at UTF-16 offset ${entity.offset + entity.length}`,
      );
    }
  }
  return checked;
}

/**
 * Removes leading and trailing spaces and line breaks, as Telegram does before storing a text,
 * moving and clipping entities so that they still cover the same characters.
 */
export function trimText(
  text: string,
  entities: readonly TelegramMessageEntity[],
): { text: string; entities: TelegramMessageEntity[] } {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\n')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\n')) end--;
  const trimmed: TelegramMessageEntity[] = [];
  for (const entity of entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to > from) trimmed.push({ ...entity, offset: from - start, length: to - from });
  }
  return { text: text.slice(start, end), entities: sortEntities(trimmed) };
}

/** Entity types that cannot overlap an automatically detected entity. */
const CONTINUOUS = new Set([
  'code',
  'pre',
  'text_link',
  'text_mention',
  'custom_emoji',
  'url',
  'email',
  'mention',
  'hashtag',
  'cashtag',
  'bot_command',
]);

/**
 * Adds automatically detected entities (commands, mentions, links…) that do not overlap an
 * explicit code, pre or link entity, as Telegram merges its own detection into a message.
 */
export function mergeDetected(
  entities: readonly TelegramMessageEntity[],
  detected: readonly TelegramMessageEntity[],
): TelegramMessageEntity[] {
  const blocking = entities.filter((entity) => CONTINUOUS.has(entity.type));
  const added = detected.filter(
    (found) =>
      !blocking.some(
        (entity) => found.offset < entity.offset + entity.length && entity.offset < found.offset + found.length,
      ),
  );
  return sortEntities([...entities, ...added]);
}

/** Two entity lists describe the same formatting (order-insensitive). */
export function sameEntities(
  a: readonly TelegramMessageEntity[] | undefined,
  b: readonly TelegramMessageEntity[] | undefined,
): boolean {
  const key = (list: readonly TelegramMessageEntity[] | undefined) =>
    JSON.stringify(
      sortEntities([...(list ?? [])]).map((e) => [
        e.type,
        e.offset,
        e.length,
        e.url ?? '',
        e.language ?? '',
        e.custom_emoji_id ?? '',
      ]),
    );
  return key(a) === key(b);
}
