/**
 * Telegram's message entity, defined locally in the shape of the Bot API's `MessageEntity` so
 * that this package needs no Telegram library (telegraf 4.16.3 pins `@telegraf/types` 7, while the
 * Bot API has moved on). Offsets and lengths count UTF-16 code units, as Telegram does and as
 * JavaScript strings index.
 */

/** Entity types that carry no field beyond `type`, `offset` and `length`. */
export type CommonEntityType =
  | 'mention'
  | 'hashtag'
  | 'cashtag'
  | 'bot_command'
  | 'url'
  | 'email'
  | 'phone_number'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'blockquote'
  | 'expandable_blockquote'
  | 'code';

/** Fields every entity has: where it starts and how long it is, in UTF-16 code units. */
export interface EntityRange {
  /** Offset in UTF-16 code units to the start of the entity. */
  offset: number;
  /** Length of the entity in UTF-16 code units. */
  length: number;
}

/** An entity of one of the {@link CommonEntityType} types. */
export interface CommonMessageEntity extends EntityRange {
  type: CommonEntityType;
}

/** A `pre` (monospace block) entity, optionally with a programming language for highlighting. */
export interface PreMessageEntity extends EntityRange {
  type: 'pre';
  /** The programming language of the block, e.g. `"json"`. */
  language?: string;
}

/** A clickable text link. */
export interface TextLinkMessageEntity extends EntityRange {
  type: 'text_link';
  /** The URL opened when the user taps the text. */
  url: string;
}

/** The user a `text_mention` entity refers to (the required fields of Telegram's `User`). */
export interface MentionedUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
}

/** A mention of a user without a username. */
export interface TextMentionMessageEntity extends EntityRange {
  type: 'text_mention';
  /** The mentioned user. */
  user: MentionedUser;
}

/** An inline custom emoji sticker. */
export interface CustomEmojiMessageEntity extends EntityRange {
  type: 'custom_emoji';
  /** Unique identifier of the custom emoji. */
  custom_emoji_id: string;
}

/**
 * One special part of a message's text, shaped as Telegram's `MessageEntity` (a union
 * discriminated by `type`).
 *
 * @example
 * ```ts
 * const entity: MessageEntity = { type: 'bold', offset: 0, length: 5 };
 * ```
 */
export type MessageEntity =
  CommonMessageEntity | PreMessageEntity | TextLinkMessageEntity | TextMentionMessageEntity | CustomEmojiMessageEntity;

/** Every value of `MessageEntity['type']`. */
export type MessageEntityType = MessageEntity['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An entity without its range: its type and type-specific fields (`url`, `language`…). */
export type EntityAttributes = DistributiveOmit<MessageEntity, 'offset' | 'length'>;

/** Returns a copy of `entity` at a new offset and length, keeping its type-specific fields. */
export function withRange(entity: MessageEntity, offset: number, length: number): MessageEntity {
  return { ...entity, offset, length };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `index` falls between the two halves of a surrogate pair in `text`. */
export function isInsideSurrogatePair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/**
 * Makes a list of entities safe to use on `text`: each clamped to the text, widened where a
 * boundary would fall inside a surrogate pair, empty ones dropped, and all sorted by offset (outer
 * entities, the longer ones, first; ties keep their input order). Never mutates its input.
 */
export function normalizeEntities(text: string, entities: readonly MessageEntity[]): MessageEntity[] {
  const result: MessageEntity[] = [];
  for (const entity of entities) {
    let start = Math.max(0, Math.trunc(entity.offset));
    let end = Math.min(text.length, Math.trunc(entity.offset + entity.length));
    if (!(end > start)) continue;
    if (isInsideSurrogatePair(text, start)) start -= 1;
    if (isInsideSurrogatePair(text, end)) end += 1;
    result.push(
      start === entity.offset && end - start === entity.length ? entity : withRange(entity, start, end - start),
    );
  }
  if (!isSorted(result)) result.sort(compareEntities);
  return result;
}

function compareEntities(a: MessageEntity, b: MessageEntity): number {
  return a.offset - b.offset || b.length - a.length;
}

function isSorted(entities: readonly MessageEntity[]): boolean {
  for (let i = 1; i < entities.length; i += 1) {
    if (compareEntities(entities[i - 1] as MessageEntity, entities[i] as MessageEntity) > 0) return false;
  }
  return true;
}
