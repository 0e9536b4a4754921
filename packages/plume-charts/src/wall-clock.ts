// Internal: instants as wall-clock times of a time zone. Vega formats times either in the machine's
// zone or in UTC; the charts shift every instant to its wall-clock time in the chosen zone and let
// Vega format it as UTC, so the picture never depends on the machine it is drawn on.

/** Epoch ms to the same wall-clock reading expressed as a UTC epoch ms. */
export type WallClock = (epochMs: number) => number;

/** Offsets change at most every 15 minutes in every zone in use. */
const SLOT_MS = 15 * 60_000;

/** A wall-clock function for a (valid) IANA time zone; it memoises offsets per 15-minute slot. */
export function wallClock(timeZone: string): WallClock {
  if (timeZone.toUpperCase() === 'UTC') return (epochMs) => epochMs;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (slotStart: number): number => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(slotStart)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wall = Date.UTC(
      fields['year'] ?? 1970,
      (fields['month'] ?? 1) - 1,
      fields['day'] ?? 1,
      (fields['hour'] ?? 0) % 24,
      fields['minute'] ?? 0,
    );
    return wall - Math.floor(slotStart / 60_000) * 60_000;
  };
  return (epochMs) => {
    const slot = Math.floor(epochMs / SLOT_MS) * SLOT_MS;
    let offset = offsets.get(slot);
    if (offset === undefined) {
      offset = offsetAt(slot);
      offsets.set(slot, offset);
    }
    return epochMs + offset;
  };
}
