// Deterministic Plume-shaped samples for the benchmark and the docs pictures: a busy evening, a
// quiet night, a short gap in the WAN data and a few outages in the online time.

/** The day the data ends: 2024-12-04 24:00 UTC. */
export const END = Date.UTC(2024, 11, 5);

/** A deterministic PRNG (mulberry32), so every run draws the same data. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 96 fifteen-minute `wanStats` items ending at END, with 45 minutes missing at 04:00. */
export function wanDay(seed = 1) {
  const next = random(seed);
  const items = [];
  for (let i = 0; i < 96; i++) {
    if (i >= 16 && i < 19) continue;
    const hour = i / 4;
    const load = 0.15 + 0.85 * Math.exp(-(((hour - 20.5) / 2.5) ** 2)) + 0.25 * Math.exp(-(((hour - 12.5) / 1.5) ** 2));
    const rxMaxMbps = Math.round((40 + 380 * load * (0.75 + 0.5 * next())) * 10) / 10;
    const txMaxMbps = Math.round((4 + 30 * load * (0.6 + 0.8 * next())) * 10) / 10;
    items.push({
      timestamp: new Date(END - (96 - i) * 900_000).toISOString(),
      rxMbytes: Math.round(rxMaxMbps * 900 * 0.35 * load) / 8,
      txMbytes: Math.round(txMaxMbps * 900 * 0.3 * load) / 8,
      rxMaxMbps,
      txMaxMbps,
    });
  }
  return items;
}

/** `locationState` every 15 minutes over `days` ending at END, with outages and a data hole. */
export function onlineSamples(days, seed = 2) {
  const next = random(seed);
  const count = days * 96;
  let outage = 0;
  return Array.from({ length: count }, (_, i) => {
    if (outage === 0 && next() < 0.006) outage = 1 + Math.floor(next() * 8);
    const offline = outage > 0;
    if (offline) outage--;
    const hole = days > 1 && i >= count - 200 && i < count - 180;
    const value = hole ? null : offline ? 'offline' : next() < 0.01 ? 'intermittent' : 'online';
    return { timestamp: new Date(END - (count - i) * 900_000).toISOString(), value };
  });
}
