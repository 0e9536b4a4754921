import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type Simulator } from './index';
import { getJson, requestToken, token } from './test-support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

function claims(accessToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(accessToken.split('.')[1] as string, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

describe('the SSO token endpoint', () => {
  it('issues a Bearer JWT for the built-in credentials, echoing the scope', async () => {
    const response = await requestToken(sim);
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: `partnerId:${sim.credentials.partnerId} role:partnerIdAdmin`,
    });
    const payload = claims(body.access_token as string);
    expect(payload).toMatchObject({ cid: sim.credentials.clientId, sub: sim.credentials.clientId });
    expect((payload.exp as number) - (payload.iat as number)).toBe(3600);
  });

  it('answers invalid_client with 401 for a wrong or missing authorization header', async () => {
    const wrong = await requestToken(sim, {
      authorization: `Basic ${Buffer.from('someone:guess').toString('base64')}`,
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client', error_description: expect.any(String) });
    const missing = await requestToken(sim, { authorization: '' });
    expect(missing.status).toBe(401);
  });

  it('answers unsupported_grant_type for another grant and invalid_scope for another partner', async () => {
    const grant = await requestToken(sim, { form: { grant_type: 'password', scope: 'x' } });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const scope = await requestToken(sim, {
      form: { grant_type: 'client_credentials', scope: 'partnerId:ffffffffffffffffffffffff role:partnerIdAdmin' },
    });
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('answers invalid_request when the body is not form-encoded', async () => {
    const response = await requestToken(sim, { contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('records the token form without the client secret or the header', async () => {
    sim.log.clear();
    await requestToken(sim);
    const [entry] = sim.log.requests('token');
    expect(entry?.form).toEqual({
      grant_type: 'client_credentials',
      scope: `partnerId:${sim.credentials.partnerId} role:partnerIdAdmin`,
    });
    expect(JSON.stringify(sim.log.requests())).not.toContain(sim.credentials.clientSecret);
  });

  it('issues tokens with the lifetime set by faults.setTokenLifetime', async () => {
    sim.faults.setTokenLifetime(90);
    try {
      const body = (await (await requestToken(sim)).json()) as { expires_in: number; access_token: string };
      expect(body.expires_in).toBe(90);
      const payload = claims(body.access_token);
      expect((payload.exp as number) - (payload.iat as number)).toBe(90);
    } finally {
      sim.faults.reset();
    }
  });

  it('rejects revoked tokens on the API with a LoopBack 401 until a new token is fetched', async () => {
    const before = await token(sim);
    sim.faults.revokeTokens();
    const rejected = await getJson(sim, `/api/Customers/c0ffee000000000000000001`, before);
    expect(rejected.status).toBe(401);
    expect(rejected.body).toMatchObject({ error: { statusCode: 401, code: 'AUTHORIZATION_REQUIRED' } });
    const after = await getJson(sim, `/api/Customers/c0ffee000000000000000001`, await token(sim));
    expect(after.status).toBe(200);
  });

  it('rejects expired tokens according to its clock', async () => {
    let now = Date.now();
    const clocked = await startSimulator({ now: () => now, tokenLifetimeSeconds: 60 });
    try {
      const accessToken = await token(clocked);
      expect((await getJson(clocked, '/api/Customers/c0ffee000000000000000001', accessToken)).status).toBe(200);
      now += 61_000;
      expect((await getJson(clocked, '/api/Customers/c0ffee000000000000000001', accessToken)).status).toBe(401);
    } finally {
      await clocked.close();
    }
  });
});
