import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { MemoryTokenCache, PlumeAuthError, type CachedToken, type TokenCache } from './index';
import { clientFor, fixtures, rejectionOf, startSimulator, type Simulator } from './test-support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterEach(() => {
  sim.faults.reset();
  sim.log.clear();
});
afterAll(async () => {
  await sim.close();
});

const { ada } = fixtures.customers;
const home = fixtures.locations.adaHome;

describe('tokens', () => {
  it('posts the client-credentials form with the partner scope', async () => {
    const { client } = clientFor(sim);
    await client.customers.get(ada.id);
    expect(sim.log.requests('token')).toEqual([
      expect.objectContaining({
        status: 200,
        form: { grant_type: 'client_credentials', scope: `partnerId:${fixtures.partnerId} role:partnerIdAdmin` },
      }),
    ]);
  });

  it('reuses one token for sequential calls', async () => {
    const { client } = clientFor(sim);
    await client.customers.get(ada.id);
    await client.locations.list(ada.id);
    await client.nodes.list(ada.id, home.id);
    expect(sim.log.count('token')).toBe(1);
  });

  it('makes exactly one token request for 100 concurrent calls on a cold cache', async () => {
    const { client } = clientFor(sim);
    const results = await Promise.all(Array.from({ length: 100 }, () => client.locations.get(ada.id, home.id)));
    expect(results.every((location) => location.id === home.id)).toBe(true);
    expect(sim.log.count('token')).toBe(1);
    expect(sim.log.count('locations.get')).toBe(100);
  });

  it('refreshes before expiry: once the lifetime minus the margin has passed', async () => {
    let now = Date.now();
    sim.faults.setTokenLifetime(600);
    const { client } = clientFor(sim, { now: () => now, tokenRefreshMarginMs: 60_000 });
    await client.customers.get(ada.id);
    now += 539_000;
    await client.customers.get(ada.id);
    expect(sim.log.count('token')).toBe(1);
    now += 2_000;
    await client.customers.get(ada.id);
    expect(sim.log.count('token')).toBe(2);
  });

  it('caps the margin at half the lifetime, so short-lived tokens are still reused', async () => {
    let now = Date.now();
    sim.faults.setTokenLifetime(30);
    const { client } = clientFor(sim, { now: () => now });
    await client.customers.get(ada.id);
    now += 14_000;
    await client.customers.get(ada.id);
    expect(sim.log.count('token')).toBe(1);
    now += 2_000;
    await client.customers.get(ada.id);
    expect(sim.log.count('token')).toBe(2);
  });

  it('after a 401 drops the token, gets a new one and retries the call once', async () => {
    const { client, events } = clientFor(sim);
    await client.customers.get(ada.id);
    sim.faults.revokeTokens();
    expect((await client.customers.get(ada.id)).id).toBe(ada.id);
    expect(sim.log.count('token')).toBe(2);
    expect(sim.log.requests('customers.get').map((entry) => entry.status)).toEqual([200, 401, 200]);
    expect(events).toContainEqual({ type: 'token', action: 'rejected' });
  });

  it('after a 401, concurrent calls share one new token', async () => {
    const { client } = clientFor(sim);
    await client.customers.get(ada.id);
    sim.faults.revokeTokens();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.locations.get(ada.id, home.id)));
    expect(results.every((location) => location.id === home.id)).toBe(true);
    expect(sim.log.count('token')).toBe(2);
    expect(sim.log.requests('locations.get').filter((entry) => entry.status === 401)).toHaveLength(50);
  });

  it('never takes a rejected token from the cache again, also from a cache without delete', async () => {
    const store = new Map<string, CachedToken>();
    const tokenCache: TokenCache = { get: (key) => store.get(key), set: (key, token) => void store.set(key, token) };
    const { client } = clientFor(sim, { tokenCache });
    await client.customers.get(ada.id);
    const rejected = [...store.values()][0]?.accessToken;
    sim.faults.revokeTokens();
    expect((await client.customers.get(ada.id)).id).toBe(ada.id);
    expect(sim.log.requests('customers.get').map((entry) => entry.status)).toEqual([200, 401, 200]);
    expect(sim.log.count('token')).toBe(2);
    expect([...store.values()][0]?.accessToken).not.toBe(rejected);
  });

  it('gives up with a PlumeAuthError when a fresh token is refused too', async () => {
    const { client } = clientFor(sim);
    sim.faults.failNext('customers.get', 401, 2);
    const error = await rejectionOf(client.customers.get(ada.id));
    expect(error).toBeInstanceOf(PlumeAuthError);
    expect(error).toMatchObject({
      code: 'auth',
      status: 401,
      endpoint: 'GET api/Customers/{customerId}',
      oauthCode: undefined,
    });
    expect(sim.log.count('customers.get')).toBe(2);
  });

  it('shares tokens between clients through a shared cache', async () => {
    const tokenCache = new MemoryTokenCache();
    await clientFor(sim, { tokenCache }).client.customers.get(ada.id);
    await clientFor(sim, { tokenCache }).client.customers.get(ada.id);
    expect(sim.log.count('token')).toBe(1);
  });

  it('works with an asynchronous cache and survives one that fails', async () => {
    const store = new Map<string, CachedToken>();
    const asyncCache: TokenCache = {
      // Each answers on a later microtask, as a cache behind I/O would.
      get: (key) => Promise.resolve().then(() => store.get(key)),
      set: (key, token) => Promise.resolve().then(() => void store.set(key, token)),
      delete: (key) => Promise.resolve().then(() => void store.delete(key)),
    };
    const { client } = clientFor(sim, { tokenCache: asyncCache });
    await Promise.all([client.customers.get(ada.id), client.customers.get(ada.id)]);
    expect(sim.log.count('token')).toBe(1);
    expect([...store.keys()]).toEqual([`plume-sdk:${sim.ssoUrl}|${fixtures.partnerId}|${sim.credentials.clientId}`]);
    const broken: TokenCache = {
      get: () => Promise.reject(new Error('cache down')),
      set: () => Promise.reject(new Error('cache down')),
      delete: () => Promise.reject(new Error('cache down')),
    };
    expect((await clientFor(sim, { tokenCache: broken }).client.customers.get(ada.id)).id).toBe(ada.id);
  });
});

describe('verifyCredentials', () => {
  it('obtains a new token and resolves with the partner, client, scope and expiry', async () => {
    const { client } = clientFor(sim);
    await client.customers.get(ada.id);
    const verified = await client.verifyCredentials();
    expect(verified).toEqual({
      partnerId: fixtures.partnerId,
      clientId: sim.credentials.clientId,
      scope: `partnerId:${fixtures.partnerId} role:partnerIdAdmin`,
      expiresAt: expect.any(Date),
    });
    expect(sim.log.count('token')).toBe(2);
  });

  it('throws invalid_client with a hint about the header, without the secret', async () => {
    const { client } = clientFor(sim, {
      authorization: { clientId: sim.credentials.clientId, clientSecret: 'wrong-secret-123' },
    });
    const error = await rejectionOf(client.verifyCredentials());
    expect(error).toBeInstanceOf(PlumeAuthError);
    expect(error).toMatchObject({ code: 'auth', oauthCode: 'invalid_client', status: 401, endpoint: 'POST sso/token' });
    expect((error as PlumeAuthError).hint).toMatch(/copy the whole "Basic …" value/);
    expect((error as PlumeAuthError).message).not.toContain('wrong-secret-123');
  });

  it('throws invalid_scope with a hint about the partner id', async () => {
    const { client } = clientFor(sim, { partnerId: 'ffffffffffffffffffffffff' });
    expect(await rejectionOf(client.verifyCredentials())).toMatchObject({
      oauthCode: 'invalid_scope',
      hint: expect.stringMatching(/partnerId/),
    });
  });

  it('points at ssoUrl when the token URL does not exist', async () => {
    const { client } = clientFor(sim, { ssoUrl: `${sim.url}/oauth2/wrong/v2/token` });
    expect(await rejectionOf(client.verifyCredentials())).toMatchObject({
      code: 'auth',
      status: 404,
      hint: expect.stringMatching(/Check ssoUrl/),
    });
  });

  it('throws an SSO outage as a server error after retrying', async () => {
    const { client } = clientFor(sim);
    sim.faults.failNext('token', 503, 3);
    expect(await rejectionOf(client.verifyCredentials())).toMatchObject({
      code: 'server',
      status: 503,
      endpoint: 'POST sso/token',
    });
    expect(sim.log.count('token')).toBe(3);
  });

  it('makes API calls fail with the same PlumeAuthError when the SSO refuses', async () => {
    const { client } = clientFor(sim, { partnerId: 'ffffffffffffffffffffffff' });
    const error = await rejectionOf(client.locations.list(ada.id));
    expect(error).toMatchObject({ name: 'PlumeAuthError', oauthCode: 'invalid_scope' });
    expect(sim.log.count('locations.list')).toBe(0);
  });
});
