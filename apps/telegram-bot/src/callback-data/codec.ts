import { z } from 'zod';

/** Telegram's limit on `callback_data`, in bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

const SEPARATOR = ':';
const ID_PATTERN = /^[a-z][a-z0-9]{0,7}$/;

/** One button action: an id, a version, and ordered fields checked by zod both ways. */
export interface CallbackData<Shape extends z.ZodRawShape> {
  readonly id: string;
  readonly version: number;
  /** Packs values into `id.version:field1:field2…`. @throws {Error} past 64 bytes or on a `:` in a value. */
  pack(values: z.output<z.ZodObject<Shape>>): string;
  /** The typed values, or undefined when `data` is another action, another version or invalid. */
  unpack(data: string): z.output<z.ZodObject<Shape>> | undefined;
  /** Matches this action's callback data (this version only): pass it to `bot.action(...)`. */
  filter(): RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A typed, versioned callback-data codec. Field schemas receive strings on unpack, so numbers use
 * `z.coerce.number()`. Bump `version` when the fields change: old buttons then stop matching and
 * are answered as stale instead of being misread.
 * @example
 * const view = createCallbackData('view', 1, { ref: z.coerce.number().int() });
 * view.pack({ ref: 7 }) // 'view.1:7'
 * view.unpack('view.1:7') // { ref: 7 }
 */
export function createCallbackData<Shape extends z.ZodRawShape>(
  id: string,
  version: number,
  shape: Shape,
): CallbackData<Shape> {
  if (!ID_PATTERN.test(id)) throw new Error(`Callback data id "${id}" must be 1–8 lowercase letters or digits.`);
  if (!Number.isInteger(version) || version < 1) throw new Error('Callback data version must be a positive integer.');
  const schema = z.object(shape).strict();
  const keys = Object.keys(shape);
  const prefix = `${id}.${version}`;
  type Values = z.output<typeof schema>;

  return {
    id,
    version,
    pack(values: Values) {
      const checked = schema.parse(values) as Record<string, unknown>;
      const parts = keys.map((key) => {
        const text = String(checked[key]);
        if (text.includes(SEPARATOR)) throw new Error(`Callback data field "${key}" must not contain "${SEPARATOR}".`);
        return text;
      });
      const data = [prefix, ...parts].join(SEPARATOR);
      if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_DATA_BYTES) {
        throw new Error(
          `Callback data "${prefix}" is ${Buffer.byteLength(data, 'utf8')} bytes; Telegram allows ${MAX_CALLBACK_DATA_BYTES}.`,
        );
      }
      return data;
    },
    unpack(data: string) {
      const [head, ...parts] = data.split(SEPARATOR);
      if (head !== prefix || parts.length !== keys.length) return undefined;
      const parsed = schema.safeParse(Object.fromEntries(keys.map((key, i) => [key, parts[i]])));
      return parsed.success ? parsed.data : undefined;
    },
    filter() {
      return new RegExp(`^${escapeRegExp(prefix)}${keys.length > 0 ? escapeRegExp(SEPARATOR) : '$'}`);
    },
  };
}
