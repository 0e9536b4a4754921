import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type Simulator } from './index';
import { get, getJson, token } from './test-support';

let sim: Simulator;
let accessToken: string;
beforeAll(async () => {
  sim = await startSimulator();
  accessToken = await token(sim);
});
afterAll(async () => {
  await sim.close();
});

const ada = fixtures.customers.ada;
const home = fixtures.locations.adaHome;
const homePath = `/Customers/${home.customerId}/locations/${home.id}`;

type Json = Record<string, unknown>;

describe('the API routes', () => {
  it('answers 401 without a bearer token', async () => {
    const { status, body } = await getJson(sim, `/api/Customers/${ada.id}`);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { statusCode: 401 } });
  });

  it('returns a customer with extra fields a client must tolerate', async () => {
    const { status, body } = await getJson<Json>(sim, `/api/Customers/${ada.id}`, accessToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: ada.id,
      accountId: ada.accountId,
      name: ada.name,
      email: ada.email,
      partnerId: fixtures.partnerId,
    });
    expect(body).toHaveProperty('acceptLanguage');
  });

  it('lists every location of a customer in one array', async () => {
    const chain = fixtures.customers.chain;
    const { body } = await getJson<Json[]>(sim, `/api/Customers/${chain.id}/locations`, accessToken);
    expect(body.map((location) => location.id)).toEqual(chain.locations.map((key) => fixtures.locations[key].id));
    expect(body.length).toBeGreaterThanOrEqual(12);
  });

  it('returns a location, its nodes and its Wi-Fi networks', async () => {
    const location = await getJson<Json>(sim, `/api${homePath}`, accessToken);
    expect(location.body).toMatchObject({ id: home.id, name: home.name, serviceLevel: { status: 'fullService' } });
    const nodes = await getJson<{ nodes: Json[] }>(sim, `/api${homePath}/nodes`, accessToken);
    expect(nodes.body.nodes.length).toBe(3);
    const wifi = await getJson<Json[]>(sim, `/api${homePath}/wifiNetworks`, accessToken);
    expect(wifi.body[0]).toMatchObject({ ssid: 'Lovelace_Home', enable: true, encryptionKey: expect.any(String) });
  });

  it('serves WAN and online statistics from the Reports base', async () => {
    const wan = await getJson<{ fifteenMins: Json[] }>(sim, `/reports${homePath}/wanStats?period=daily`, accessToken);
    expect(wan.body.fifteenMins).toHaveLength(96);
    const online = await getJson<{ locationState: Json[] }>(
      sim,
      `/reports${homePath}/onlineStats?granularity=hours&limit=3`,
      accessToken,
    );
    expect(online.body.locationState).toHaveLength(13);
  });

  it('refuses unknown report parameters with 400', async () => {
    expect((await get(sim, `/reports${homePath}/wanStats?period=weekly`, accessToken)).status).toBe(400);
    expect((await get(sim, `/reports${homePath}/onlineStats?granularity=weeks&limit=1`, accessToken)).status).toBe(400);
    expect((await get(sim, `/reports${homePath}/onlineStats?granularity=days&limit=0`, accessToken)).status).toBe(400);
  });

  it('answers 404 for unknown customers, locations and paths, and 403 for another partner', async () => {
    expect((await getJson(sim, '/api/Customers/000000000000000000000000', accessToken)).body).toMatchObject({
      error: { statusCode: 404, code: 'MODEL_NOT_FOUND' },
    });
    expect((await get(sim, `/api/Customers/${ada.id}/locations/000000000000000000000000`, accessToken)).status).toBe(
      404,
    );
    expect(
      (await get(sim, `/api/Customers/${fixtures.customers.grace.id}/locations/${home.id}`, accessToken)).status,
    ).toBe(404);
    expect((await get(sim, '/api/Nowhere', accessToken)).status).toBe(404);
    expect((await get(sim, `/api/Customers/${fixtures.customers.foreign.id}/locations`, accessToken)).status).toBe(403);
  });

  it('decodes each path segment on its own, so an encoded slash stays in the id', async () => {
    sim.log.clear();
    const id = 'a/../b ?c#d%e';
    const response = await get(sim, `/api/Customers/${encodeURIComponent(id)}/locations`, accessToken);
    expect(response.status).toBe(404);
    const [entry] = sim.log.requests('locations.list');
    expect(entry?.params).toEqual({ customerId: id });
    expect(entry?.rawPath).toBe(`/api/Customers/${encodeURIComponent(id)}/locations`);
  });

  it('answers 400 for a malformed percent-encoding', async () => {
    expect((await get(sim, '/api/Customers/%E0%A4%A/locations', accessToken)).status).toBe(400);
  });
});

describe('customer search', () => {
  const search = async (value: string, query: string) =>
    (await getJson<Json[]>(sim, `/api/Partners/customers/search/${encodeURIComponent(value)}?${query}`, accessToken))
      .body;

  it('matches exactly (case-insensitively) by default', async () => {
    expect(await search('ADA LOVELACE', 'field=name')).toEqual([
      {
        id: ada.id,
        accountId: ada.accountId,
        name: ada.name,
        email: ada.email,
        locations: ada.locations.map((key) => ({ id: fixtures.locations[key].id })),
      },
    ]);
    expect(await search('ada', 'field=name')).toEqual([]);
  });

  it('matches prefixes with exactMatch=false and substrings with startsWith=false too', async () => {
    expect((await search('grace.', 'field=email&exactMatch=false')).map((c) => c.id)).toEqual([
      fixtures.customers.grace.id,
    ]);
    expect((await search('case', 'field=email&exactMatch=false&startsWith=false')).map((c) => c.id)).toEqual([
      fixtures.customers.snake.id,
    ]);
  });

  it('finds the owner of a location id and never a customer of another partner', async () => {
    expect((await search(home.id, 'field=locationId')).map((c) => c.id)).toEqual([ada.id]);
    expect(await search(fixtures.customers.foreign.accountId, 'field=accountId')).toEqual([]);
  });

  it('refuses an unknown field with 400', async () => {
    expect((await get(sim, '/api/Partners/customers/search/x?field=phone', accessToken)).status).toBe(400);
  });
});
