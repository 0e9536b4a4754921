import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type Simulator } from './index';
import { get, getJson, requestToken, token } from './test-support';

let sim: Simulator;
let accessToken: string;
beforeAll(async () => {
  sim = await startSimulator();
  accessToken = await token(sim);
});
afterEach(() => {
  sim.faults.reset();
});
afterAll(async () => {
  await sim.close();
});

const { customerId, id: locationId } = fixtures.locations.adaHome;
const locations = `/api/Customers/${customerId}/locations`;
const nodes = `${locations}/${locationId}/nodes`;

describe('fault injection', () => {
  it('fails the next N calls of a route with the given status, then answers normally', async () => {
    sim.faults.failNext('locations.list', 503, 2, { retryAfter: 7 });
    const first = await get(sim, locations, accessToken);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(await first.json()).toMatchObject({ error: { statusCode: 503 } });
    expect((await get(sim, locations, accessToken)).status).toBe(503);
    expect((await get(sim, locations, accessToken)).status).toBe(200);
  });

  it('leaves other routes alone, and "*" hits every API route but not the token route', async () => {
    sim.faults.failNext('nodes.list', 500);
    expect((await get(sim, locations, accessToken)).status).toBe(200);
    expect((await get(sim, nodes, accessToken)).status).toBe(500);
    sim.faults.failNext('*', 502);
    expect((await requestToken(sim)).status).toBe(200);
    expect((await get(sim, nodes, accessToken)).status).toBe(502);
  });

  it('fails the token route with an OAuth error body, or a custom body', async () => {
    sim.faults.failNext('token', 500);
    const failed = await requestToken(sim);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: 'server_error' });
    sim.faults.failNext('locations.list', 429, 1, { body: { message: 'slow down' } });
    expect((await getJson(sim, locations, accessToken)).body).toEqual({ message: 'slow down' });
  });

  it('sends malformed bodies: invalid JSON, the wrong shape, or nothing', async () => {
    sim.faults.malformNext('nodes.list', 'invalid-json');
    const invalid = await get(sim, nodes, accessToken);
    expect(invalid.status).toBe(200);
    // fetch's errors come from Node's realm, not jest's: compare names, not constructors.
    await expect(invalid.json()).rejects.toMatchObject({ name: 'SyntaxError' });
    sim.faults.malformNext('nodes.list', 'wrong-shape');
    const wrong = await getJson<{ nodes: { id: unknown }[] }>(sim, nodes, accessToken);
    expect(wrong.body.nodes[0]?.id).toBe(12345);
    sim.faults.malformNext('nodes.list', 'empty');
    expect(await (await get(sim, nodes, accessToken)).text()).toBe('');
  });

  // The simulator cannot answer before a delay has passed: lower bounds, not timing measurements.
  const waited = (route: 'locations.list' | 'nodes.list') => {
    const entry = sim.log.requests(route).at(-1);
    return (entry?.respondedAt ?? 0) - (entry?.receivedAt ?? 0);
  };

  it('delays the next call of a route and still answers it', async () => {
    sim.faults.delayNext('locations.list', 80);
    expect((await get(sim, locations, accessToken)).status).toBe(200);
    expect(waited('locations.list')).toBeGreaterThanOrEqual(79);
  });

  it('decides a call’s answer on arrival: a fault scripted during its delay goes to the next call', async () => {
    sim.faults.delayNext('locations.list', 300);
    const delayed = get(sim, locations, accessToken);
    while (sim.log.inFlight('locations.list') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    sim.faults.failNext('locations.list', 503);
    expect(sim.log.inFlight()).toBe(1);
    expect((await delayed).status).toBe(200);
    expect(sim.log.inFlight()).toBe(0);
    expect((await get(sim, locations, accessToken)).status).toBe(503);
  });

  it('adds latency to every response with setLatency, until reset', async () => {
    sim.faults.setLatency(80);
    expect((await get(sim, locations, accessToken)).status).toBe(200);
    expect(waited('locations.list')).toBeGreaterThanOrEqual(79);
    expect((await get(sim, nodes, accessToken)).status).toBe(200);
    expect(waited('nodes.list')).toBeGreaterThanOrEqual(79);
    expect(() => sim.faults.setLatency(-1)).toThrow(TypeError);
  });

  it('blocks API calls past the WAF limit with an HTML 403, not counting token calls', async () => {
    sim.faults.setWafLimit({ max: 2 });
    await requestToken(sim);
    expect((await get(sim, locations, accessToken)).status).toBe(200);
    expect((await get(sim, locations, accessToken)).status).toBe(200);
    const blocked = await get(sim, locations, accessToken);
    expect(blocked.status).toBe(403);
    expect(blocked.headers.get('content-type')).toContain('text/html');
    expect(await blocked.text()).toContain('403 Forbidden');
  });

  it('frees the WAF window once it has passed, according to its clock', async () => {
    let now = Date.now();
    const clocked = await startSimulator({ now: () => now, wafLimit: { max: 1, windowMs: 1000 } });
    try {
      const clockedToken = await token(clocked);
      expect((await get(clocked, locations, clockedToken)).status).toBe(200);
      expect((await get(clocked, locations, clockedToken)).status).toBe(403);
      now += 1001;
      expect((await get(clocked, locations, clockedToken)).status).toBe(200);
    } finally {
      await clocked.close();
    }
  });

  it('reset() removes scripted faults, and the methods work destructured', async () => {
    const { failNext, reset } = sim.faults;
    failNext('*', 500, 5);
    reset();
    expect((await get(sim, locations, accessToken)).status).toBe(200);
  });

  it('refuses unknown routes and nonsense counts with a TypeError naming the routes', () => {
    expect(() => sim.faults.failNext('customers.delete' as never, 500)).toThrow(
      /unknown route "customers.delete".*locations.list/,
    );
    expect(() => sim.faults.failNext('nodes.list', 99)).toThrow(TypeError);
    expect(() => sim.faults.delayNext('nodes.list', -1)).toThrow(TypeError);
  });
});

describe('the request log', () => {
  it('counts requests per route and clears', async () => {
    sim.log.clear();
    await get(sim, locations, accessToken);
    await get(sim, nodes, accessToken);
    await get(sim, nodes, accessToken);
    expect(sim.log.count('nodes.list')).toBe(2);
    expect(sim.log.count()).toBe(3);
    expect(sim.log.requests('locations.list')[0]).toMatchObject({ method: 'GET', status: 200, params: { customerId } });
    sim.log.clear();
    expect(sim.log.count()).toBe(0);
  });
});

describe('startSimulator', () => {
  it('applies the latency option and closes idempotently', async () => {
    const slow = await startSimulator({ latencyMs: 60 });
    expect((await requestToken(slow)).status).toBe(200);
    const [entry] = slow.log.requests('token');
    expect((entry?.respondedAt ?? 0) - (entry?.receivedAt ?? 0)).toBeGreaterThanOrEqual(59);
    await slow.close();
    await slow.close();
    await expect(fetch(slow.ssoUrl)).rejects.toThrow();
  });

  it('closes while a delayed request is pending', async () => {
    const slow = await startSimulator({ latencyMs: 60_000 });
    const pending = requestToken(slow).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await slow.close();
    expect(await pending).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });

  it('refuses invalid options with a message naming the option', async () => {
    await expect(startSimulator({ port: -1 })).rejects.toThrow(/port must be an integer/);
    await expect(startSimulator({ referenceTime: 'yesterday' })).rejects.toThrow(/referenceTime/);
    await expect(startSimulator({ credentials: { clientId: 'has space' } })).rejects.toThrow(/credentials.clientId/);
  });

  it('accepts other credentials', async () => {
    const custom = await startSimulator({ credentials: { clientId: 'me', clientSecret: 's3cret', partnerId: 'p1' } });
    try {
      expect(custom.credentials.authorization).toBe(`Basic ${Buffer.from('me:s3cret').toString('base64')}`);
      expect((await requestToken(custom)).status).toBe(200);
    } finally {
      await custom.close();
    }
  });
});
