/** Helpers shared by the simulator's tests: plain `fetch` calls against a running simulator. */
import type { Simulator } from './types';

/** Posts a token request; `overrides` replace the default headers and form fields. */
export async function requestToken(
  sim: Simulator,
  overrides: { authorization?: string; contentType?: string; form?: Record<string, string> } = {},
): Promise<Response> {
  const form = overrides.form ?? {
    grant_type: 'client_credentials',
    scope: `partnerId:${sim.credentials.partnerId} role:partnerIdAdmin`,
  };
  return fetch(sim.ssoUrl, {
    method: 'POST',
    headers: {
      authorization: overrides.authorization ?? sim.credentials.authorization,
      'content-type': overrides.contentType ?? 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
}

/** A fresh access token. */
export async function token(sim: Simulator): Promise<string> {
  const response = await requestToken(sim);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** `GET` a path under the simulator's origin (e.g. `/api/Customers/x`) with a bearer token. */
export async function get(sim: Simulator, path: string, accessToken?: string): Promise<Response> {
  return fetch(`${sim.url}${path}`, accessToken ? { headers: { authorization: `Bearer ${accessToken}` } } : {});
}

/** `GET` and parse JSON, returning status and body (typed by the caller: these are test fixtures). */
export async function getJson<T = unknown>(
  sim: Simulator,
  path: string,
  accessToken?: string,
): Promise<{ status: number; body: T }> {
  const response = await get(sim, path, accessToken);
  return { status: response.status, body: (await response.json()) as T };
}
