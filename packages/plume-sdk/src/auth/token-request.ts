import type { KyInstance } from 'ky';
import { z } from 'zod';
import { fetchWithSignal, parseBody, timedAttempt } from '../http/attempt';
import { attemptTimeout, withRetries } from '../http/retry';
import { timeoutError } from '../http/to-plume-error';
import type { ResolvedOptions } from '../resolve-options';
import { toSsoError } from './sso-errors';

/** The endpoint label of token requests, in errors and events. */
const TOKEN_ENDPOINT = 'POST sso/token';

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
});

/** A successful token response, parsed. */
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/**
 * `POST ssoUrl` with Plume's OAuth 2 client-credentials grant: the partner's Basic header,
 * a form body `grant_type=client_credentials&scope=partnerId:<id> role:partnerIdAdmin`. Retried
 * like a GET (the grant is idempotent), timeouts included; never goes through the API's token logic.
 *
 * @throws {PlumeAuthError} with the OAuth code and a hint when the SSO refuses.
 */
export async function requestToken(http: KyInstance, options: ResolvedOptions): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: `partnerId:${options.partnerId} role:partnerIdAdmin`,
  });
  const headers = { authorization: options.authorization, accept: 'application/json', 'cache-control': 'no-cache' };
  const timedOut = () => timeoutError(TOKEN_ENDPOINT, options.timeoutMs, options.retry.maxTotalMs);
  try {
    return await withRetries(options.retry, undefined, (deadline) =>
      timedAttempt(attemptTimeout(options.timeoutMs, deadline), undefined, timedOut, async (signal) => {
        const response = await http.post(options.ssoUrl, {
          body,
          headers,
          fetch: fetchWithSignal(options.fetch, signal),
        });
        return parseBody(response, tokenResponseSchema, TOKEN_ENDPOINT);
      }),
    );
  } catch (error) {
    throw toSsoError(error, { endpoint: TOKEN_ENDPOINT, now: options.now() });
  }
}
