import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import {
  isPlumeError,
  PlumeAuthError,
  PlumeError,
  PlumeHttpError,
  PlumeNetworkError,
  PlumeNotFoundError,
  PlumeRateLimitError,
  PlumeResponseError,
  PlumeServerError,
  type PlumeEvent,
} from './index';
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

const { ada, foreign } = fixtures.customers;
const home = fixtures.locations.adaHome;

/** A client whose fetch records every Authorization header it sends (tokens and the Basic header). */
function recordingClient(overrides = {}) {
  const secrets = new Set<string>();
  const recording: typeof fetch = (input, init) => {
    const header = input instanceof Request ? input.headers.get('authorization') : null;
    if (header) {
      secrets.add(header);
      secrets.add(header.replace(/^\w+ /, ''));
    }
    return fetch(input, init);
  };
  return { ...clientFor(sim, { fetch: recording, ...overrides }), secrets };
}

describe('errors', () => {
  it('maps 404 to PlumeNotFoundError with status and endpoint template', async () => {
    const error = await rejectionOf(clientFor(sim).client.locations.get(ada.id, '000000000000000000000000'));
    expect(error).toBeInstanceOf(PlumeNotFoundError);
    expect(error).toBeInstanceOf(PlumeError);
    expect(error).toMatchObject({
      code: 'not_found',
      status: 404,
      endpoint: 'GET api/Customers/{customerId}/locations/{locationId}',
    });
    expect((error as Error).message).toContain('Unknown "Location" id');
  });

  it('maps an API 403 to PlumeAuthError and the WAF’s 403 page to PlumeRateLimitError', async () => {
    const { client } = clientFor(sim);
    const forbidden = await rejectionOf(client.locations.list(foreign.id));
    expect(forbidden).toBeInstanceOf(PlumeAuthError);
    expect(forbidden).toMatchObject({ status: 403, hint: expect.stringMatching(/belongs to your partner/) });
    sim.faults.setWafLimit({ max: 0 });
    const blocked = await rejectionOf(client.locations.list(ada.id));
    expect(blocked).toBeInstanceOf(PlumeRateLimitError);
    expect(blocked).toMatchObject({ code: 'rate_limited', status: 403, source: 'waf' });
    expect(sim.log.count('locations.list')).toBe(2);
  });

  it('fails at once on a 429 whose Retry-After is longer than maxRetryAfterMs, carrying the wait', async () => {
    sim.faults.failNext('nodes.list', 429, 5, { retryAfter: 120 });
    const error = await rejectionOf(clientFor(sim).client.nodes.list(ada.id, home.id));
    expect(error).toBeInstanceOf(PlumeRateLimitError);
    expect(error).toMatchObject({ source: 'api', status: 429, retryAfterMs: 120_000 });
    expect(sim.log.count('nodes.list')).toBe(1);
  });

  it('maps 5xx to PlumeServerError once the retries are spent', async () => {
    sim.faults.failNext('wifiNetworks.list', 500, 3);
    const error = await rejectionOf(clientFor(sim).client.wifiNetworks.list(ada.id, home.id));
    expect(error).toBeInstanceOf(PlumeServerError);
    expect(error).toMatchObject({ code: 'server', status: 500, retryAfterMs: undefined });
    expect(sim.log.count('wifiNetworks.list')).toBe(3);
  });

  it('fails at once on a 503 whose Retry-After is too long to wait, carrying the wait', async () => {
    sim.faults.failNext('nodes.list', 503, 3, { retryAfter: 600 });
    const error = await rejectionOf(clientFor(sim).client.nodes.list(ada.id, home.id));
    expect(error).toBeInstanceOf(PlumeServerError);
    expect(error).toMatchObject({ code: 'server', status: 503, retryAfterMs: 600_000 });
    expect((error as Error).message).toMatch(/retries did not help; the server asked to wait 600 s\.$/);
    expect(sim.log.count('nodes.list')).toBe(1);
  });

  it('maps other statuses to PlumeHttpError without retrying', async () => {
    sim.faults.failNext('customers.get', 400);
    const error = await rejectionOf(clientFor(sim).client.customers.get(ada.id));
    expect(error).toBeInstanceOf(PlumeHttpError);
    expect(error).toMatchObject({ code: 'http', status: 400 });
    expect(sim.log.count('customers.get')).toBe(1);
  });

  it('names the endpoint and the field path when a body breaks the schema', async () => {
    const { client } = clientFor(sim);
    sim.faults.malformNext('nodes.list', 'wrong-shape');
    const nodes = await rejectionOf(client.nodes.list(ada.id, home.id));
    expect(nodes).toBeInstanceOf(PlumeResponseError);
    expect(nodes).toMatchObject({
      code: 'response',
      path: 'nodes[0].id',
      endpoint: 'GET api/Customers/{customerId}/locations/{locationId}/nodes',
    });
    expect((nodes as Error).message).toMatch(/at nodes\[0\]\.id: Invalid input: expected string, received number/);
    sim.faults.malformNext('reports.wanStats', 'wrong-shape');
    expect(await rejectionOf(client.reports.wanStats(ada.id, home.id))).toMatchObject({
      path: 'fifteenMins[0].timestamp',
    });
  });

  it('reports bodies that are not JSON, or empty, as PlumeResponseError', async () => {
    const { client } = clientFor(sim);
    sim.faults.malformNext('locations.list', 'invalid-json');
    expect(await rejectionOf(client.locations.list(ada.id))).toMatchObject({
      code: 'response',
      path: '(root)',
      message: expect.stringMatching(/not JSON/),
    });
    sim.faults.malformNext('customers.get', 'empty');
    expect(await rejectionOf(client.customers.get(ada.id))).toBeInstanceOf(PlumeResponseError);
  });

  it('maps a refused connection to PlumeNetworkError with the cause', async () => {
    const dead = await startSimulator();
    const apiBase = dead.apiBase;
    await dead.close();
    const error = await rejectionOf(clientFor(sim, { apiBase }).client.customers.get(ada.id));
    expect(error).toBeInstanceOf(PlumeNetworkError);
    expect(error).toMatchObject({ code: 'network', status: undefined, endpoint: 'GET api/Customers/{customerId}' });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect((error as Error).cause).toBeDefined();
  });

  it('isPlumeError recognises SDK errors, also by brand, and nothing else', () => {
    expect(isPlumeError(new PlumeNotFoundError('x', {}))).toBe(true);
    expect(isPlumeError({ isPlumeError: true, code: 'network' })).toBe(true);
    expect(isPlumeError(new Error('x'))).toBe(false);
    expect(isPlumeError(null)).toBe(false);
  });
});

describe('secrets', () => {
  it('appear in no error (message or properties) and no event', async () => {
    const events: PlumeEvent[] = [];
    const { client, secrets } = recordingClient({ onEvent: (event: PlumeEvent) => events.push(event) });
    await client.customers.get(ada.id);
    const errors: unknown[] = [];
    sim.faults.failNext('customers.get', 401, 2);
    errors.push(await rejectionOf(client.customers.get(ada.id)));
    sim.faults.failNext('customers.get', 500, 3);
    errors.push(await rejectionOf(client.customers.get(ada.id)));
    sim.faults.malformNext('customers.get', 'wrong-shape');
    errors.push(await rejectionOf(client.customers.get(ada.id)));
    errors.push(await rejectionOf(client.customers.get('000000000000000000000000')));
    sim.faults.failNext('token', 401);
    sim.faults.revokeTokens();
    errors.push(await rejectionOf(client.customers.get(ada.id)));
    const dead = await startSimulator();
    await dead.close();
    errors.push(await rejectionOf(recordingClient({ apiBase: dead.apiBase }).client.customers.get(ada.id)));
    expect(errors.every(isPlumeError)).toBe(true);
    const everything = [
      ...errors.map((error) => inspect(error, { showHidden: true, depth: Infinity })),
      JSON.stringify(events),
    ].join('\n');
    expect(secrets.size).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toContain(sim.credentials.clientSecret);
  });

  it('the password of a Wi-Fi network appears in no result or event', async () => {
    const events: PlumeEvent[] = [];
    const { client } = clientFor(sim, { onEvent: (event) => events.push(event) });
    const networks = await client.wifiNetworks.list(ada.id, home.id);
    expect(JSON.stringify([networks, events])).not.toContain('correct-horse');
  });
});
