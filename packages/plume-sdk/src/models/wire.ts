import { z } from 'zod';

/**
 * Building blocks for response schemas. Plume sends `null` for many absent values; the SDK turns
 * every `null` in an optional field into `undefined`, so a field is either its type or absent.
 * Unknown fields are dropped (`z.object` strips them), which also keeps secrets such as
 * `encryptionKey` or `backhaul.wpaKey` out of every result.
 */

const toUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** An optional string; `null` becomes `undefined`. */
export const optionalString = z.string().nullish().transform(toUndefined);

/** An optional number; `null` becomes `undefined`. */
export const optionalNumber = z.number().nullish().transform(toUndefined);

/** An optional boolean; `null` becomes `undefined`. */
export const optionalBoolean = z.boolean().nullish().transform(toUndefined);

/** An optional id-like value: a string, or a number read as a string (CRM ids vary). */
export const optionalId = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .transform(toUndefined);

/** Makes any schema optional and nullable, with `null` becoming `undefined`. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform(toUndefined);
}

/** An optional list; `null` or absent becomes `[]`. */
export function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
}

/** Sorts items by their ISO `timestamp`, oldest first; unreadable timestamps keep their place at the end. */
export function byTimestamp<T extends { readonly timestamp: string }>(items: readonly T[]): T[] {
  const time = (item: T): number => {
    const parsed = Date.parse(item.timestamp);
    return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
  };
  return items
    .map((item, index) => ({ item, index, at: time(item) }))
    .sort((a, b) => (a.at === b.at ? a.index - b.index : a.at < b.at ? -1 : 1))
    .map(({ item }) => item);
}
