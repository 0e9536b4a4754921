import type { FormattedText } from '@org/bot-formatting';

/** A chart ready to send: the picture, its caption and the end of the data it shows. */
export interface ChartImage {
  readonly kind: 'chart';
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly caption: FormattedText;
  /** The last sample the chart shows (ISO-8601): the same end of data means the same picture. */
  readonly endOfData: string;
}

/** Nothing to draw: `reason` says why, in a sentence for the person who asked. */
export interface NoChart {
  readonly kind: 'no-data';
  readonly reason: string;
}

/** What loading a chart gives. */
export type ChartOutcome = ChartImage | NoChart;

/** A cached outcome, with the Telegram file_id its picture got when first sent (to send it again without uploading). */
export interface CachedChart {
  readonly outcome: ChartOutcome;
  readonly fileId: string | undefined;
  /** `cached`: fresh in the cache; `shared`: another press was already loading it; `loaded`: `load` ran. */
  readonly source: 'cached' | 'shared' | 'loaded';
}

/**
 * Loads a chart: fetch, analyse, render. `previous` is the expired outcome for the same key, if
 * any: returning it unchanged (the data ends where it did) keeps its file_id and skips a render.
 */
export type ChartLoader = (previous: ChartOutcome | undefined) => Promise<ChartOutcome>;

/** Rendered charts per (location, view), for a few minutes. */
export interface ChartCache {
  /**
   * The outcome for `key`: from the cache while younger than the time to live; else from the load
   * already under way for it; else from `load` (whose failure is thrown and not kept).
   */
  get(key: string, load: ChartLoader): Promise<CachedChart>;
  /** Notes the file_id Telegram gave `outcome`'s picture, if `outcome` is still the one cached for `key`. */
  rememberFileId(key: string, outcome: ChartImage, fileId: string): void;
  /** Entries held. */
  readonly size: number;
}

/** Options of {@link createChartCache}. */
export interface ChartCacheOptions {
  /** How long an outcome is served without asking Plume again, ms. @default 300000 (5 min) */
  ttlMs?: number;
  /** Entries kept; the least recently used go first. @default 200 (a chart is about 100 kB) */
  maxEntries?: number;
  /** The clock, ms. @default Date.now */
  now?: () => number;
}

interface Entry {
  outcome: ChartOutcome;
  loadedAt: number;
  fileId: string | undefined;
}

/**
 * A small, bounded cache of rendered charts: one instance per bot, passed in (no module state).
 * Presses within `ttlMs` of a load neither call Plume nor render; concurrent presses for the same
 * key share one load; after `ttlMs` the loader gets the old outcome and may keep it when the data
 * has not moved on.
 *
 * @throws {RangeError} for a `ttlMs` below 0 or a `maxEntries` below 1.
 * @example
 * const cache = createChartCache({ ttlMs: 5 * 60_000, maxEntries: 200 });
 * const { outcome } = await cache.get('loc-1|wan', (previous) => loadWanChart(previous));
 */
export function createChartCache(options: ChartCacheOptions = {}): ChartCache {
  const ttlMs = options.ttlMs ?? 300_000;
  const maxEntries = options.maxEntries ?? 200;
  const now = options.now ?? Date.now;
  if (!(ttlMs >= 0)) throw new RangeError(`Chart cache ttlMs must be 0 or more, got ${ttlMs}.`);
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new RangeError(`Chart cache maxEntries must be a whole number of at least 1, got ${maxEntries}.`);
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<Entry>>();

  const keep = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };

  const startLoad = (key: string, load: ChartLoader): Promise<Entry> => {
    const stale = entries.get(key);
    const run = load(stale?.outcome).then((outcome) => {
      const entry = {
        outcome,
        loadedAt: now(),
        fileId: stale !== undefined && outcome === stale.outcome ? stale.fileId : undefined,
      };
      keep(key, entry);
      return entry;
    });
    loading.set(key, run);
    const done = () => loading.delete(key);
    run.then(done, done);
    return run;
  };

  return {
    async get(key, load) {
      const entry = entries.get(key);
      if (entry !== undefined && now() - entry.loadedAt < ttlMs) {
        keep(key, entry);
        return { outcome: entry.outcome, fileId: entry.fileId, source: 'cached' };
      }
      const pending = loading.get(key);
      const loaded = await (pending ?? startLoad(key, load));
      return { outcome: loaded.outcome, fileId: loaded.fileId, source: pending === undefined ? 'loaded' : 'shared' };
    },
    rememberFileId(key, outcome, fileId) {
      const entry = entries.get(key);
      if (entry?.outcome === outcome) entry.fileId = fileId;
    },
    get size() {
      return entries.size;
    },
  };
}
