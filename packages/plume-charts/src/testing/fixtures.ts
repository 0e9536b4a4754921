// Test support (not part of the public surface): deterministic Plume-shaped samples.

/** 2024-12-04 00:00 UTC. */
export const DAY_START = Date.UTC(2024, 11, 4);

/**
 * A day of 96 fifteen-minute `wanStats` items: download peak i + 1 Mbps (so the p95 is 92),
 * upload peak (i + 1) ÷ 10, 90 MB down and 9 MB up per interval; `drop` leaves intervals out.
 */
export function wanDay(drop: (i: number) => boolean = () => false) {
  return Array.from({ length: 96 }, (_, i) => ({
    timestamp: new Date(DAY_START + i * 900_000).toISOString(),
    rxMbytes: 90,
    txMbytes: 9,
    rxMaxMbps: i + 1,
    txMaxMbps: (i + 1) / 10,
  })).filter((_, i) => !drop(i));
}

/** `locationState` samples every `stepMinutes` from `start`, the state of sample i from `state(i)`. */
export function onlineSamples(
  count: number,
  stepMinutes: number,
  state: (i: number) => string | null,
  start = DAY_START,
) {
  return Array.from({ length: count }, (_, i) => ({ timestamp: start + i * stepMinutes * 60_000, value: state(i) }));
}
