import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PlumeArgumentError, type PlumeClient } from './index';
import { clientFor, fixtures, rejectionOf, startSimulator, type Simulator } from './test-support';

let sim: Simulator;
let client: PlumeClient;
beforeAll(async () => {
  sim = await startSimulator();
  client = clientFor(sim).client;
});
afterEach(() => {
  sim.log.clear();
});
afterAll(async () => {
  await sim.close();
});

const tricky = ['a/b', 'x?y=1', 'frag#ment', '../../Partners', 'a/../b', '100%', 'with space', ' /?#..% mixed '];

describe('path parameters', () => {
  it.each(tricky)('send customer id %j as one encoded segment', async (id) => {
    const error = await rejectionOf(client.locations.list(id));
    expect(error).toMatchObject({ code: 'not_found' });
    const [entry] = sim.log.requests('locations.list');
    expect(entry?.params).toEqual({ customerId: id });
    expect(entry?.rawPath).toBe(`/api/Customers/${encodeURIComponent(id)}/locations`);
  });

  it('encode location ids and search values the same way', async () => {
    const locationId = 'loc/../x?#% 1';
    await rejectionOf(client.nodes.list(fixtures.customers.ada.id, locationId));
    expect(sim.log.requests('nodes.list')[0]?.params).toEqual({ customerId: fixtures.customers.ada.id, locationId });
    await client.customers.search('a/b?c#d', { field: 'name' });
    expect(sim.log.requests('customers.search')[0]?.params).toEqual({ value: 'a/b?c#d' });
  });

  it.each(['.', '..', ''])('refuse %j before sending anything, since URLs drop such segments', async (id) => {
    const error = await rejectionOf(client.locations.get(fixtures.customers.ada.id, id));
    expect(error).toBeInstanceOf(PlumeArgumentError);
    expect(error).toMatchObject({
      code: 'invalid_argument',
      endpoint: 'GET api/Customers/{customerId}/locations/{locationId}',
    });
    expect((error as Error).message).toMatch(/locationId/);
    expect(sim.log.count()).toBe(0);
  });

  it('refuse an unknown search field and a bad onlineStats limit', async () => {
    expect(await rejectionOf(client.customers.search('x', { field: 'phone' as never }))).toBeInstanceOf(
      PlumeArgumentError,
    );
    expect(await rejectionOf(client.reports.onlineStats('c', 'l', { limit: 0 }))).toBeInstanceOf(PlumeArgumentError);
    expect(sim.log.count()).toBe(0);
  });
});
