import { describe, expect, it } from '@jest/globals';
import { plain } from '@org/bot-formatting';
import { createChartCache, type ChartImage, type ChartLoader, type ChartOutcome } from './chart-cache';

const image = (endOfData: string): ChartImage => ({
  kind: 'chart',
  png: new Uint8Array([endOfData.length]),
  width: 1200,
  height: 800,
  caption: plain(`until ${endOfData}`),
  endOfData,
});

/** A loader that counts its calls and records the previous outcome it was given. */
function counting(outcome: (previous: ChartOutcome | undefined) => ChartOutcome) {
  const seen: (ChartOutcome | undefined)[] = [];
  const load: ChartLoader = (previous) => {
    seen.push(previous);
    return Promise.resolve(outcome(previous));
  };
  return { load, seen };
}

describe('createChartCache', () => {
  it('serves a chart from the cache until its time to live is over, then loads again', async () => {
    let clock = 0;
    const cache = createChartCache({ ttlMs: 60_000, now: () => clock });
    const first = image('10:00');
    const { load, seen } = counting(() => first);
    expect(await cache.get('loc|wan', load)).toEqual({ outcome: first, fileId: undefined, source: 'loaded' });
    clock = 59_999;
    expect((await cache.get('loc|wan', load)).source).toBe('cached');
    expect(seen).toHaveLength(1);
    clock = 60_000;
    expect((await cache.get('loc|wan', load)).source).toBe('loaded');
    expect(seen).toEqual([undefined, first]);
  });

  it('keeps the file_id when the loader keeps the old picture (same end of data), and drops it for a new one', async () => {
    let clock = 0;
    const cache = createChartCache({ ttlMs: 1000, now: () => clock });
    const old = image('10:00');
    await cache.get('k', () => Promise.resolve(old));
    cache.rememberFileId('k', old, 'AgAC-old');
    expect((await cache.get('k', () => Promise.resolve(image('x')))).fileId).toBe('AgAC-old');

    clock = 1000;
    const same = await cache.get('k', (previous) => Promise.resolve(previous ?? image('never')));
    expect(same).toEqual({ outcome: old, fileId: 'AgAC-old', source: 'loaded' });

    clock = 2000;
    const newer = image('10:15');
    expect(await cache.get('k', () => Promise.resolve(newer))).toEqual({
      outcome: newer,
      fileId: undefined,
      source: 'loaded',
    });
    cache.rememberFileId('k', old, 'AgAC-stale');
    expect((await cache.get('k', () => Promise.resolve(old))).fileId).toBeUndefined();
  });

  it('shares one load between presses that arrive while it runs', async () => {
    const cache = createChartCache();
    let release!: (outcome: ChartOutcome) => void;
    let calls = 0;
    const load: ChartLoader = () => {
      calls += 1;
      return new Promise((resolve) => (release = resolve));
    };
    const first = cache.get('k', load);
    const second = cache.get('k', load);
    release(image('10:00'));
    expect((await first).source).toBe('loaded');
    expect((await second).source).toBe('shared');
    expect(calls).toBe(1);
  });

  it('keeps nothing from a failed load, so the next press tries again with the old outcome', async () => {
    let clock = 0;
    const cache = createChartCache({ ttlMs: 10, now: () => clock });
    const old = image('10:00');
    await cache.get('k', () => Promise.resolve(old));
    clock = 10;
    await expect(cache.get('k', () => Promise.reject(new Error('Plume is down')))).rejects.toThrow('Plume is down');
    const { load, seen } = counting(() => image('10:15'));
    expect((await cache.get('k', load)).source).toBe('loaded');
    expect(seen).toEqual([old]);
  });

  it('caches "no data" too, and holds at most maxEntries, dropping the least recently used', async () => {
    const cache = createChartCache({ maxEntries: 2 });
    const { load, seen } = counting(() => ({ kind: 'no-data', reason: 'No samples.' }));
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load);
    await cache.get('c', load);
    expect(cache.size).toBe(2);
    expect(seen).toHaveLength(3);
    expect((await cache.get('a', load)).source).toBe('cached');
    expect((await cache.get('b', load)).source).toBe('loaded');
  });

  it('refuses options that could not work', () => {
    expect(() => createChartCache({ ttlMs: -1 })).toThrow('ttlMs must be 0 or more');
    expect(() => createChartCache({ maxEntries: 0 })).toThrow('maxEntries must be a whole number of at least 1');
  });
});
