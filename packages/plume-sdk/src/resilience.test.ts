import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { isPlumeError, PlumeTimeoutError, type PlumeEvent } from './index';
import { clientFor, fixtures, rejectionOf, startSimulator, untilLogged, type Simulator } from './test-support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
// A delayed request is logged when the simulator answers it, possibly after the client gave up: each
// test ends once the simulator has answered everything, so nothing lands in a later test's log.
afterEach(async () => {
  while (sim.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  sim.faults.reset();
  sim.log.clear();
});
afterAll(async () => {
  await sim.close();
});

const { ada } = fixtures.customers;
const home = fixtures.locations.adaHome;

describe('retries', () => {
  it.each([503, 429])('retries a %i after the Retry-After the server asked for, and succeeds', async (status) => {
    const events: PlumeEvent[] = [];
    const { client } = clientFor(sim, { onEvent: (event) => events.push(event) });
    sim.faults.failNext('locations.list', status, 1, { retryAfter: 1 });
    const locations = await client.locations.list(ada.id);
    expect(locations).toHaveLength(2);
    const [failed, retried] = sim.log.requests('locations.list');
    expect([failed?.status, retried?.status]).toEqual([status, 200]);
    // The retry cannot arrive before the server's Retry-After (1 s) has passed: a lower bound, not a timing measurement.
    expect((retried?.receivedAt ?? 0) - (failed?.respondedAt ?? 0)).toBeGreaterThanOrEqual(990);
    expect(events).toContainEqual({
      type: 'retry',
      endpoint: 'GET api/Customers/{customerId}/locations',
      attempt: 2,
      delayMs: 1000,
      status,
      reason: `HTTP ${status}`,
    });
  });

  it('retries 408, 429 and transient 5xx with back-off up to the limit', async () => {
    const statuses = [408, 429, 500, 502, 504, 507];
    const { client } = clientFor(sim, { retry: { limit: statuses.length, baseDelayMs: 1, maxDelayMs: 5 } });
    for (const status of statuses) sim.faults.failNext('customers.get', status);
    expect((await client.customers.get(ada.id)).id).toBe(ada.id);
    expect(sim.log.requests('customers.get').map((entry) => entry.status)).toEqual([...statuses, 200]);
  });

  it.each([501, 505])('does not retry a %i, which no retry can fix', async (status) => {
    sim.faults.failNext('customers.get', status, 3);
    expect(await rejectionOf(clientFor(sim).client.customers.get(ada.id))).toMatchObject({ code: 'server', status });
    expect(sim.log.count('customers.get')).toBe(1);
  });

  it('does not retry when retries are disabled', async () => {
    const { client } = clientFor(sim, { retry: false });
    sim.faults.failNext('customers.get', 503);
    expect(await rejectionOf(client.customers.get(ada.id))).toMatchObject({ code: 'server', status: 503 });
    expect(sim.log.count('customers.get')).toBe(1);
  });

  it('retries network errors', async () => {
    let failures = 1;
    const flaky: typeof fetch = (input, init) => {
      const isApi = input instanceof Request && input.method === 'GET';
      if (isApi && failures-- > 0) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init);
    };
    const { client } = clientFor(sim, { fetch: flaky });
    expect((await client.customers.get(ada.id)).id).toBe(ada.id);
    expect(failures).toBe(-1);
  });

  it('does not wait for a retry that would end past retry.maxTotalMs: it fails with the last error', async () => {
    const { client } = clientFor(sim, { retry: { maxTotalMs: 600 } });
    sim.faults.failNext('customers.get', 503, 3, { retryAfter: 1 });
    const error = await rejectionOf(client.customers.get(ada.id));
    expect(error).toMatchObject({ code: 'server', status: 503 });
    expect(sim.log.count('customers.get')).toBe(1);
  });

  it('caps an attempt’s timeout at the time left in retry.maxTotalMs', async () => {
    const { client } = clientFor(sim, { timeoutMs: 60_000, retry: { maxTotalMs: 300 } });
    sim.faults.delayNext('customers.get', 1500);
    expect(await rejectionOf(client.customers.get(ada.id))).toBeInstanceOf(PlumeTimeoutError);
  });
});

describe('timeouts', () => {
  it('does not count time waiting for the client’s own limiter against retry.maxTotalMs', async () => {
    // One request per 400 ms: the third call waits about 800 ms for its turn, past maxTotalMs, then Plume answers at once.
    const { client } = clientFor(sim, {
      rateLimit: { requestsPerSecond: 2.5, burst: 1 },
      timeoutMs: 1000,
      retry: { limit: 0, maxTotalMs: 500 },
    });
    await client.customers.get(ada.id); // the token, outside the measured calls
    const calls = [client.customers.get(ada.id), client.customers.get(ada.id), client.customers.get(ada.id)];
    const results = await Promise.allSettled(calls);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(sim.log.count('customers.get')).toBe(4);
  });

  it('fails an attempt that gets no response within timeoutMs', async () => {
    const { client, events } = clientFor(sim, { timeoutMs: 1000, retry: false });
    await client.customers.get(ada.id);
    sim.faults.delayNext('customers.get', 2000);
    const error = await rejectionOf(client.customers.get(ada.id));
    expect(error).toBeInstanceOf(PlumeTimeoutError);
    expect(error).toMatchObject({ code: 'timeout', endpoint: 'GET api/Customers/{customerId}', status: undefined });
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'timeout' });
  });

  it('retries an attempt that timed out, like a network failure', async () => {
    // Timeouts are generous so that a loaded machine cannot time out the answered attempts too.
    const { client, events } = clientFor(sim, { timeoutMs: 1000 });
    sim.faults.delayNext('locations.get', 2000);
    expect((await client.locations.get(ada.id, home.id)).id).toBe(home.id);
    expect(events).toContainEqual(expect.objectContaining({ type: 'retry', attempt: 2, reason: 'timeout' }));
    await untilLogged(sim, 'locations.get', 2); // the abandoned attempt is logged once the server answers it
    expect(sim.log.count('locations.get')).toBe(2);
  });

  it('fails with PlumeTimeoutError once every attempt allowed has timed out', async () => {
    const { client } = clientFor(sim, { timeoutMs: 500, retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    sim.faults.delayNext('locations.get', 1500, 3);
    const error = await rejectionOf(client.locations.get(ada.id, home.id));
    expect(error).toBeInstanceOf(PlumeTimeoutError);
    expect(error).toMatchObject({ code: 'timeout', endpoint: 'GET api/Customers/{customerId}/locations/{locationId}' });
    await untilLogged(sim, 'locations.get', 3);
    expect(sim.log.count('locations.get')).toBe(3);
  });

  it('times out even through a custom fetch that ignores the signal, leaving no listener on the caller’s', async () => {
    const deaf: typeof fetch = (input, init) =>
      input instanceof Request && input.method === 'GET' ? new Promise(() => {}) : fetch(input, init);
    const { client } = clientFor(sim, { fetch: deaf, timeoutMs: 100, retry: 1 });
    const controller = new AbortController();
    expect(await rejectionOf(client.customers.get(ada.id, { signal: controller.signal }))).toBeInstanceOf(
      PlumeTimeoutError,
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('retries a token request that timed out', async () => {
    const { client } = clientFor(sim, { timeoutMs: 1000 });
    sim.faults.delayNext('token', 2000);
    expect((await client.customers.get(ada.id)).id).toBe(ada.id);
    await untilLogged(sim, 'token', 2);
    expect(sim.log.count('token')).toBe(2);
  });
});

describe('abort', () => {
  it('rejects with the signal’s reason, not a PlumeError', async () => {
    const { client } = clientFor(sim);
    sim.faults.delayNext('nodes.list', 1000);
    const controller = new AbortController();
    const pending = rejectionOf(client.nodes.list(ada.id, home.id, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(isPlumeError(error)).toBe(false);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('does not send anything when the signal is already aborted', async () => {
    const { client } = clientFor(sim);
    const error = await rejectionOf(client.customers.get(ada.id, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(sim.log.count('customers.get')).toBe(0);
  });

  it('leaves no listener behind on a long-lived signal', async () => {
    const { client } = clientFor(sim);
    const controller = new AbortController();
    await Promise.all(
      Array.from({ length: 20 }, () => client.locations.get(ada.id, home.id, { signal: controller.signal })),
    );
    sim.faults.failNext('locations.get', 404);
    await rejectionOf(client.locations.get(ada.id, home.id, { signal: controller.signal }));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('rate limiter', () => {
  it('holds requests beyond the burst back to requestsPerSecond', async () => {
    const { client } = clientFor(sim, { rateLimit: { requestsPerSecond: 20, burst: 1 } });
    const started = Date.now();
    await client.customers.get(ada.id); // takes the burst's only slot
    await Promise.all(Array.from({ length: 4 }, () => client.locations.get(ada.id, home.id)));
    const lastArrival = Math.max(...sim.log.requests('locations.get').map((entry) => entry.receivedAt));
    // 4 more slots at 20/s cannot all be free before 200 ms: a bound the limiter guarantees, however slow the machine.
    expect(lastArrival - started).toBeGreaterThanOrEqual(195);
    expect(sim.log.count('locations.get')).toBe(4);
  });

  it('starts at most burst requests in any window of burst / requestsPerSecond seconds', async () => {
    const starts: number[] = [];
    const timed: typeof fetch = (input, init) => {
      if (input instanceof Request && input.method === 'GET') starts.push(performance.now());
      return fetch(input, init);
    };
    const { client } = clientFor(sim, { fetch: timed, rateLimit: { requestsPerSecond: 10, burst: 2 } });
    const before = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => client.locations.get(ada.id, home.id)));
    starts.sort((a, b) => a - b);
    expect(starts).toHaveLength(6);
    // 2 per 200 ms window: the k-th request (from 0) cannot start before floor(k / 2) windows have passed
    // since the calls were made; a token bucket would start the 3rd after 100 ms, no limiter at once.
    // A slow machine only delays starts, so these lower bounds hold however loaded it is (5 ms: timer rounding).
    const tooEarly = starts.flatMap((start, k) => {
      const earliest = Math.floor(k / 2) * 200;
      return start - before < earliest - 5 ? [`#${k} at ${Math.round(start - before)} ms, before ${earliest} ms`] : [];
    });
    expect(tooEarly).toEqual([]);
  });

  it('lets an aborted caller leave the queue', async () => {
    // The next slot is 100 s away, so however slow the first call is, the second is still queued at 50 ms.
    const { client } = clientFor(sim, { rateLimit: { requestsPerSecond: 0.01, burst: 1 } });
    await client.customers.get(ada.id);
    const error = await rejectionOf(client.customers.get(ada.id, { signal: AbortSignal.timeout(50) }));
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(sim.log.count('customers.get')).toBe(1);
  });
});

describe('events', () => {
  it('reports request, response and token events, and a throwing listener breaks nothing', async () => {
    const events: PlumeEvent[] = [];
    const { client } = clientFor(sim, { onEvent: (event) => events.push(event) });
    await client.customers.get(ada.id);
    expect(events.map((event) => event.type)).toEqual(['token', 'token', 'request', 'response']);
    expect(events[2]).toEqual({ type: 'request', endpoint: 'GET api/Customers/{customerId}', attempt: 1 });
    const { client: loud } = clientFor(sim, {
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    expect((await loud.customers.get(ada.id)).id).toBe(ada.id);
  });
});
