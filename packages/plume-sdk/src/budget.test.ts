import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  MemoryBudgetStore,
  PlumeBudget,
  PlumeClient,
  PlumeConfigError,
  PlumeRateLimitError,
  type BudgetLimits,
  type BudgetSnapshot,
} from './index';
import { optionsFor, rejectionOf, startSimulator, fixtures, type Simulator } from './test-support';

const limits: BudgetLimits = {
  burst: 2,
  burstWindowMs: 1000,
  callsPerWindow: 4,
  windowMs: 10_000,
  backgroundPerWindow: 2,
  interactiveReserve: 1,
};

describe('MemoryBudgetStore', () => {
  it('grants within the rate, the window and the background share, and says when to ask again', () => {
    const store = new MemoryBudgetStore();
    expect(store.take('background', 0, limits)).toEqual({ granted: true });
    expect(store.take('background', 0, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 1000 });
    expect(store.take('interactive', 500, limits)).toEqual({ granted: true });
    expect(store.take('interactive', 500, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 1000 });
    expect(store.take('background', 1000, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 1500 });
    expect(store.take('background', 1500, limits)).toEqual({ granted: true });
    expect(store.take('background', 3000, limits)).toEqual({ granted: false, reason: 'background', retryAt: 10_000 });
    expect(store.take('interactive', 3000, limits)).toEqual({ granted: true });
    expect(store.take('interactive', 4000, limits)).toEqual({ granted: false, reason: 'window', retryAt: 10_000 });
    expect(store.usage(4000, limits)).toEqual({ interactive: 2, background: 2, pausedUntil: 0 });
    expect(store.take('background', 10_000, limits)).toEqual({ granted: true });
  });

  it('keeps one call of every rate window for people and spaces background calls evenly', () => {
    const store = new MemoryBudgetStore();
    const wide: BudgetLimits = {
      burst: 3,
      burstWindowMs: 1000,
      callsPerWindow: 100,
      windowMs: 10_000,
      backgroundPerWindow: 100,
      interactiveReserve: 1,
    };
    expect(store.take('background', 0, wide)).toEqual({ granted: true });
    expect(store.take('background', 100, wide)).toEqual({ granted: true });
    expect(store.take('background', 200, wide)).toEqual({ granted: false, reason: 'rate', retryAt: 500 });
    expect(store.take('interactive', 200, wide)).toEqual({ granted: true });
    expect(store.take('background', 500, wide)).toEqual({ granted: false, reason: 'rate', retryAt: 1000 });
    expect(store.take('background', 1000, wide)).toEqual({ granted: false, reason: 'rate', retryAt: 1100 });
    expect(store.take('background', 1100, wide)).toEqual({ granted: true });
    expect(store.take('background', 1100, wide)).toEqual({ granted: false, reason: 'rate', retryAt: 1200 });
    expect(store.take('interactive', 1100, wide)).toEqual({ granted: true });
  });

  it('keeps interactiveReserve calls of every rate window, so a two-call request starts at once', () => {
    const pair: BudgetLimits = {
      burst: 6,
      burstWindowMs: 1000,
      callsPerWindow: 1000,
      windowMs: 60_000,
      backgroundPerWindow: 1000,
      interactiveReserve: 2,
    };
    const store = new MemoryBudgetStore();
    // Background as fast as it may go: every 250 ms (1000 / (6 - 2)), never a fifth in a second.
    let now = 0;
    for (; now < 2900; now += 50) store.take('background', now, pair);
    expect(store.usage(now, pair).background).toBe(12);
    expect(store.take('background', now, pair)).toEqual({ granted: false, reason: 'rate', retryAt: 3000 });
    expect(store.take('interactive', now, pair)).toEqual({ granted: true });
    expect(store.take('interactive', now, pair)).toEqual({ granted: true });
    expect(store.take('interactive', now, pair)).toMatchObject({ granted: false, reason: 'rate' });
    // With the default reserve of one call, the same background pace leaves room for one call only.
    const one = { ...pair, interactiveReserve: 1 };
    const single = new MemoryBudgetStore();
    for (now = 0; now < 2900; now += 50) single.take('background', now, one);
    expect(single.usage(now, one).background).toBe(15);
    expect(single.take('interactive', now, one)).toEqual({ granted: true });
    expect(single.take('interactive', now, one)).toMatchObject({ granted: false, reason: 'rate' });
  });

  it('refuses everything while paused', () => {
    const store = new MemoryBudgetStore();
    store.pause(5000);
    store.pause(1000);
    expect(store.take('interactive', 10, limits)).toEqual({ granted: false, reason: 'paused', retryAt: 5000 });
    expect(store.usage(10, limits).pausedUntil).toBe(5000);
    expect(store.take('interactive', 5000, limits)).toEqual({ granted: true });
  });

  it('decides as before after a round trip through a JSON snapshot, as a shared store keeps it', () => {
    const wide: BudgetLimits = {
      burst: 3,
      burstWindowMs: 1000,
      callsPerWindow: 6,
      windowMs: 10_000,
      backgroundPerWindow: 4,
      interactiveReserve: 1,
    };
    const steps: Array<['interactive' | 'background', number]> = [
      ['background', 0],
      ['background', 100],
      ['background', 200],
      ['interactive', 200],
      ['background', 1100],
      ['background', 1100],
      ['interactive', 1300],
      ['background', 2000],
      ['interactive', 2600],
      ['interactive', 2700],
      ['background', 12_000],
    ];
    const original = new MemoryBudgetStore();
    let restored = MemoryBudgetStore.fromSnapshot(new MemoryBudgetStore().snapshot());
    for (const [lane, now] of steps) {
      const decision = original.take(lane, now, wide);
      restored = MemoryBudgetStore.fromSnapshot(JSON.parse(JSON.stringify(restored.snapshot())) as BudgetSnapshot);
      expect(restored.take(lane, now, wide)).toEqual(decision);
    }
    original.pause(20_000);
    restored.pause(20_000);
    expect(original.snapshot()).toEqual(restored.snapshot());
    expect(MemoryBudgetStore.fromSnapshot(restored.snapshot()).usage(13_000, wide)).toEqual(
      original.usage(13_000, wide),
    );
  });

  it('refuses a snapshot it did not write', () => {
    const bad = [
      {},
      { calls: [2, 1], backgroundCalls: [], pausedUntil: 0, backgroundDue: 0 },
      { calls: ['1'], backgroundCalls: [], pausedUntil: 0, backgroundDue: 0 },
      { calls: [], backgroundCalls: [], pausedUntil: null, backgroundDue: 0 },
    ];
    for (const snapshot of bad)
      expect(() => MemoryBudgetStore.fromSnapshot(snapshot as unknown as BudgetSnapshot)).toThrow(
        /Not a budget snapshot/,
      );
  });
});

describe('PlumeBudget', () => {
  it('starts a waiting interactive call before the background calls queued ahead of it', async () => {
    const budget = new PlumeBudget({ requestsPerSecond: 50, burst: 1 });
    const order: string[] = [];
    const calls = [1, 2, 3].map((n) => budget.acquire('background').then(() => order.push(`background ${n}`)));
    calls.push(budget.acquire('interactive').then(() => order.push('interactive')));
    await Promise.all(calls);
    expect(order).toEqual(['background 1', 'interactive', 'background 2', 'background 3']);
  });

  it('keeps background calls within their share while interactive calls still pass', async () => {
    const budget = new PlumeBudget({
      requestsPerSecond: 1000,
      burst: 100,
      callsPerWindow: 10,
      backgroundShare: 0.5,
      windowMs: 60_000,
    });
    for (let i = 0; i < 5; i++) await budget.acquire('background');
    const controller = new AbortController();
    const sixth = budget.acquire('background', controller.signal);
    await budget.acquire('interactive');
    expect(await budget.usage()).toEqual({ interactive: 1, background: 5, pausedUntil: 0 });
    controller.abort(new Error('gave up'));
    await expect(sixth).rejects.toThrow('gave up');
  });

  it('validates its options with messages that say what to fix', () => {
    expect(() => new PlumeBudget({ backgroundShare: 1.5 })).toThrow(PlumeConfigError);
    expect(() => new PlumeBudget({ backgroundShare: 1.5 })).toThrow(/backgroundShare must be a number from 0 to 1/);
    expect(() => new PlumeBudget({ callsPerWindow: 0 })).toThrow(/callsPerWindow must be a whole number of at least 1/);
    expect(() => new PlumeBudget({ interactiveReserve: 6 })).toThrow(
      /interactiveReserve must be at most burst - 1 \(5\)/,
    );
    expect(new PlumeBudget({ interactiveReserve: 2 }).limits.interactiveReserve).toBe(2);
    expect(new PlumeBudget({ burst: 1 }).limits.interactiveReserve).toBe(0);
  });
});

describe('clients sharing a budget', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ wafLimit: { max: 2, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('refuse a rateLimit next to the budget', () => {
    const budget = new PlumeBudget();
    expect(() => new PlumeClient({ ...optionsFor(sim), budget })).toThrow(
      /rateLimit: leave it out when a budget is given/,
    );
  });

  it('all pause after a firewall 403, and the error says for how long', async () => {
    // The budget's own clock stands still, so that how long is left does not depend on the machine's speed.
    const now = Date.now();
    const budget = new PlumeBudget({ windowMs: 60_000, callsPerWindow: 100, now: () => now });
    const { rateLimit: _, ...shared } = optionsFor(sim);
    const first = new PlumeClient({ ...shared, budget });
    const second = new PlumeClient({ ...shared, budget });
    const customerId = fixtures.customers.ada.id;
    await first.customers.get(customerId);
    await second.customers.get(customerId, { priority: 'background' });
    const blocked = await rejectionOf(first.customers.get(customerId));
    expect(blocked).toBeInstanceOf(PlumeRateLimitError);
    expect(blocked).toMatchObject({ status: 403, source: 'waf', retryAfterMs: 60_000 });
    expect((blocked as Error).message).toMatch(/pauses for 1 min/);
    const calls = sim.log.count('customers.get');
    const paused = await rejectionOf(second.customers.get(customerId));
    expect(paused).toBeInstanceOf(PlumeRateLimitError);
    expect((paused as PlumeRateLimitError).retryAfterMs).toBe(60_000);
    expect((paused as Error).message).toMatch(/paused for another 1 min;/);
    expect(sim.log.count('customers.get')).toBe(calls);
    expect((await budget.usage()).pausedUntil).toBe(now + 60_000);
  });
});
