import { normalizeEntities, withRange, type EntityAttributes, type MessageEntity } from './entities';

/**
 * A message as data: its text plus the entities that format it. Send it with entities, never with
 * a parse mode, so no character of `text` needs escaping.
 *
 * Every function in this package returns a fresh value and never mutates its inputs; `entities`
 * is a plain (mutable) array only so that it can be handed to Telegram libraries as-is.
 *
 * @example
 * ```ts
 * const message: FormattedText = { text: 'Hello world', entities: [{ type: 'bold', offset: 6, length: 5 }] };
 * await ctx.reply(message.text, { entities: message.entities }); // telegraf
 * ```
 */
export interface FormattedText {
  /** The message text, exactly as it will be shown. */
  readonly text: string;
  /** Formatting, in UTF-16 code units of `text`. */
  readonly entities: MessageEntity[];
}

/**
 * What the helpers and the `fmt` template accept: a formatted value, or a string or number that is
 * inserted as-is (never parsed for Markdown or HTML).
 */
export type FormatInput = FormattedText | string | number;

/**
 * True when `value` looks like a {@link FormattedText} (an object with a string `text` and an
 * array `entities`). Structural, so values built by other copies of this package, or by telegraf's
 * `FmtString`, pass as well.
 *
 * @example
 * ```ts
 * isFormattedText(bold('x')); // true
 * isFormattedText('x'); // false
 * ```
 */
export function isFormattedText(value: unknown): value is FormattedText {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { text?: unknown; entities?: unknown };
  return typeof candidate.text === 'string' && Array.isArray(candidate.entities);
}

/**
 * Turns any {@link FormatInput} into a {@link FormattedText}: strings and numbers become plain
 * text; formatted values come back with their entities normalized (clamped, sorted).
 *
 * @throws {TypeError} When given something other than a string, a finite number or a formatted value.
 * @example
 * ```ts
 * toFormatted('a *b*'); // { text: 'a *b*', entities: [] }
 * ```
 */
export function toFormatted(input: FormatInput): FormattedText {
  if (typeof input === 'string') return { text: input, entities: [] };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new TypeError(`Cannot format the number ${input}; pass a finite number`);
    return { text: String(input), entities: [] };
  }
  if (isFormattedText(input)) return { text: input.text, entities: normalizeEntities(input.text, input.entities) };
  throw new TypeError(
    `Cannot format a value of type ${input === null ? 'null' : typeof input}; pass a string, number or FormattedText`,
  );
}

/**
 * Plain text with no formatting.
 *
 * @example
 * ```ts
 * plain('*not bold*'); // { text: '*not bold*', entities: [] }
 * ```
 */
export function plain(text: string): FormattedText {
  return { text: String(text), entities: [] };
}

/** Accumulates pieces and re-offsets their entities; the one place offsets are shifted. */
export class TextBuilder {
  private readonly pieces: string[] = [];
  private readonly entities: MessageEntity[] = [];
  private length = 0;

  append(input: FormatInput): this {
    const value = toFormatted(input);
    for (const entity of value.entities) {
      this.entities.push(withRange(entity, entity.offset + this.length, entity.length));
    }
    this.pieces.push(value.text);
    this.length += value.text.length;
    return this;
  }

  /** Adds an entity over everything appended since `start`. */
  wrapFrom(start: number, entity: EntityAttributes): this {
    if (this.length > start) {
      this.entities.push({ ...entity, offset: start, length: this.length - start });
    }
    return this;
  }

  get size(): number {
    return this.length;
  }

  build(): FormattedText {
    const text = this.pieces.join('');
    return { text, entities: normalizeEntities(text, this.entities) };
  }
}

/**
 * Concatenates values into one message, re-offsetting each part's entities.
 *
 * @example
 * ```ts
 * concat(bold('Pods'), ': ', 3); // { text: 'Pods: 3', entities: [{ type: 'bold', offset: 0, length: 4 }] }
 * ```
 */
export function concat(...parts: readonly FormatInput[]): FormattedText {
  const builder = new TextBuilder();
  for (const part of parts) builder.append(part);
  return builder.build();
}

/**
 * Joins values with a separator (itself plain or formatted), like `Array.prototype.join`.
 *
 * @default separator `''`
 * @example
 * ```ts
 * join([bold('a'), 'b'], '\n').text; // 'a\nb'
 * ```
 */
export function join(parts: readonly FormatInput[], separator: FormatInput = ''): FormattedText {
  const builder = new TextBuilder();
  parts.forEach((part, index) => {
    if (index > 0) builder.append(separator);
    builder.append(part);
  });
  return builder.build();
}

/**
 * Joins values with line breaks: `lines(a, b)` is `join([a, b], '\n')`. Handy for building
 * reports line by line.
 *
 * @example
 * ```ts
 * lines('first', bold('second')).text; // 'first\nsecond'
 * ```
 */
export function lines(...parts: readonly FormatInput[]): FormattedText {
  return join(parts, '\n');
}

/**
 * The part of a message between two UTF-16 offsets, with entities clipped to it and re-offset, as
 * `String.prototype.slice` does for text (negative indices count from the end). An index inside a
 * surrogate pair is not moved: use {@link split} to cut messages for sending.
 *
 * @default end the end of the text
 * @example
 * ```ts
 * slice(concat('a', bold('bc')), 2); // { text: 'c', entities: [{ type: 'bold', offset: 0, length: 1 }] }
 * ```
 */
export function slice(message: FormattedText, start: number, end?: number): FormattedText {
  const source = toFormatted(message);
  const size = source.text.length;
  const from = clampIndex(start, size);
  const to = Math.max(from, end === undefined ? size : clampIndex(end, size));
  const entities: MessageEntity[] = [];
  for (const entity of source.entities) {
    const entityStart = Math.max(entity.offset, from);
    const entityEnd = Math.min(entity.offset + entity.length, to);
    if (entityEnd > entityStart) entities.push(withRange(entity, entityStart - from, entityEnd - entityStart));
  }
  return { text: source.text.slice(from, to), entities };
}

function clampIndex(index: number, size: number): number {
  const integer = Math.trunc(index);
  return integer < 0 ? Math.max(0, size + integer) : Math.min(size, integer);
}
