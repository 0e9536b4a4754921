// Test support (not part of the public surface): deep freezing for no-mutation checks, and
// sample builders. Imports nothing, so it is safe in a scope:core project.

/** Freezes a value and everything reachable from it, and returns it with a readonly type. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A JSON round trip: a structural snapshot to compare an input with after a call. */
export function snapshot<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The ISO timestamp `minutes` after `start`. */
export function isoAfter(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}

/**
 * A frozen day of 96 fifteen-minute WAN samples from 2024-12-04 00:00 UTC: sample i (0–95) has
 * rxMaxMbps = i + 1, txMaxMbps = `txMaxMbps(i)`, rxMbytes = 90 and txMbytes = 9.
 */
export function wanDay(txMaxMbps: (i: number) => number) {
  return deepFreeze(
    Array.from({ length: 96 }, (_, i) => ({
      timestamp: isoAfter('2024-12-04T00:00:00.000Z', 15 * i),
      rxMbytes: 90,
      txMbytes: 9,
      rxMaxMbps: i + 1,
      txMaxMbps: txMaxMbps(i),
    })),
  );
}
