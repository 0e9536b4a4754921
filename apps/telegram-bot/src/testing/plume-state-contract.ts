import type { BudgetLimits, BudgetStore, TokenCache } from '@org/plume-sdk';
import { describe, expect, it } from '@jest/globals';
import { freshDatabases } from './fresh-databases';

/** One new, empty place for the SDK's shared state, on which several stores (processes) can be made. */
export interface PlumeStateDatabase {
  /** `count` budget stores sharing one budget, each as another process would hold it. */
  budgetStores(count: number): Promise<BudgetStore[]>;
  /** `count` token caches sharing their tokens, likewise. */
  tokenCaches(count: number): Promise<TokenCache[]>;
  destroy(): Promise<void>;
}

/** A kind of store for the SDK's budget and token cache, for the contract suites. */
export interface PlumeStateBackend {
  name: string;
  create(): Promise<PlumeStateDatabase>;
}

const limits: BudgetLimits = {
  burst: 2,
  burstWindowMs: 1000,
  callsPerWindow: 4,
  windowMs: 10_000,
  backgroundPerWindow: 2,
  interactiveReserve: 1,
};

/**
 * What every BudgetStore and TokenCache of @org/plume-sdk does, whatever holds it (the SDK's memory
 * ones, or the bot's PostgreSQL ones): run inside a `describe` per backend.
 */
export function plumeStateContract(backend: PlumeStateBackend): void {
  const database = freshDatabases(backend);

  describe('BudgetStore', () => {
    it('grants within the rate, the window and the background share, and says when to ask again', async () => {
      const [store] = await (await database()).budgetStores(1);
      if (store === undefined) throw new Error('no store');
      expect(await store.take('background', 0, limits)).toEqual({ granted: true });
      expect(await store.take('background', 0, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 1000 });
      expect(await store.take('interactive', 500, limits)).toEqual({ granted: true });
      expect(await store.take('interactive', 500, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 1000 });
      expect(await store.take('background', 1000, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 1500 });
      expect(await store.take('background', 1500, limits)).toEqual({ granted: true });
      expect(await store.take('background', 3000, limits)).toEqual({
        granted: false,
        reason: 'background',
        retryAt: 10_000,
      });
      expect(await store.take('interactive', 3000, limits)).toEqual({ granted: true });
      expect(await store.take('interactive', 4000, limits)).toEqual({
        granted: false,
        reason: 'window',
        retryAt: 10_000,
      });
      expect(await store.usage(4000, limits)).toEqual({ interactive: 2, background: 2, pausedUntil: 0 });
    });

    it('refuses everything while paused, by whichever process paused it', async () => {
      const [one, two] = await (await database()).budgetStores(2);
      if (one === undefined || two === undefined) throw new Error('no store');
      await one.pause(5000);
      await two.pause(1000);
      expect(await two.take('interactive', 10, limits)).toEqual({ granted: false, reason: 'paused', retryAt: 5000 });
      expect((await two.usage(10, limits)).pausedUntil).toBe(5000);
      expect(await one.take('interactive', 5000, limits)).toEqual({ granted: true });
    });

    it('never grants more than the budget to processes asking at once', async () => {
      const stores = await (await database()).budgetStores(3);
      const wide: BudgetLimits = {
        burst: 5,
        burstWindowMs: 1000,
        callsPerWindow: 12,
        windowMs: 60_000,
        backgroundPerWindow: 12,
        interactiveReserve: 1,
      };
      const round = async (now: number) => {
        const asks = stores.flatMap((store) =>
          Array.from({ length: 4 }, () => Promise.resolve(store.take('interactive', now, wide))),
        );
        return (await Promise.all(asks)).filter((decision) => decision.granted).length;
      };
      expect(await round(0)).toBe(5); // the rate: 5 of 12 asks
      expect(await round(1000)).toBe(5);
      expect(await round(2000)).toBe(2); // the window: 12 in all
      expect(await round(3000)).toBe(0);
      expect(await stores[1]?.usage(3000, wide)).toEqual({ interactive: 12, background: 0, pausedUntil: 0 });
    });
  });

  describe('TokenCache', () => {
    const token = (accessToken: string, expiresAt = 1_000_000) => ({ accessToken, expiresAt });

    it('keeps a token for every cache sharing it, replaces it, and drops it', async () => {
      const [one, two] = await (await database()).tokenCaches(2);
      if (one === undefined || two === undefined) throw new Error('no cache');
      expect(await one.get('k')).toBeUndefined();
      await one.set('k', token('first'));
      expect(await two.get('k')).toEqual(token('first'));
      await two.set('k', token('second', 2_000_000));
      expect(await one.get('k')).toEqual(token('second', 2_000_000));
      expect(await one.get('other')).toBeUndefined();
      await one.delete?.('k');
      expect(await two.get('k')).toBeUndefined();
    });
  });
}
