import { isHTTPError } from 'ky';
import { PlumeAuthError } from '../errors';
import { serverMessage, toPlumeError, type ErrorContext } from '../http/to-plume-error';

const CHECK_ALL = 'Check authorization, partnerId and ssoUrl against the Plume portal.';

/** What a person can do about each OAuth error code of the token endpoint. */
const HINTS: Readonly<Record<string, string>> = {
  invalid_client:
    'Check the authorization header: copy the whole "Basic …" value from the Plume portal again (it may be mistyped, revoked, or for another Plume cloud).',
  invalid_scope:
    'Check partnerId (24 hex characters in the Plume portal) and that this client has machine-to-machine access for that partner.',
  unsupported_grant_type:
    'This client may not use the client-credentials grant: ask Plume to enable machine-to-machine (M2M) access.',
  invalid_grant:
    'This client may not use the client-credentials grant: ask Plume to enable machine-to-machine (M2M) access.',
  unauthorized_client:
    'This client may not use the client-credentials grant: ask Plume to enable machine-to-machine (M2M) access.',
  invalid_request: `The SSO refused the request's form: check that ssoUrl is your partner's token URL ending in /v1/token. ${CHECK_ALL}`,
  access_denied: CHECK_ALL,
};

/**
 * Maps a failed token request. OAuth refusals (4xx other than 408 and 429) become a
 * {@link PlumeAuthError} with the OAuth code and a hint; a 404 points at `ssoUrl`; 5xx, 429,
 * timeouts and network failures map as for any call.
 */
export function toSsoError(error: unknown, context: ErrorContext): unknown {
  if (isHTTPError(error)) {
    const status = error.response.status;
    const data = error.data as { error?: unknown } | undefined;
    const oauthCode = typeof data?.error === 'string' ? data.error : undefined;
    if (status === 404 && oauthCode === undefined) {
      return new PlumeAuthError(`The Plume SSO answered 404 for the token request.`, {
        status,
        endpoint: context.endpoint,
        hint: `Check ssoUrl: it should be your partner's token URL, like https://external.sso.plume.com/oauth2/<id>/v1/token.`,
      });
    }
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      const said = serverMessage(data);
      return new PlumeAuthError(
        `The Plume SSO refused the token request (${oauthCode ?? `HTTP ${status}`}${said ? `: ${said}` : ''}).`,
        {
          status,
          endpoint: context.endpoint,
          oauthCode,
          hint: (oauthCode && HINTS[oauthCode]) ?? CHECK_ALL,
        },
      );
    }
  }
  return toPlumeError(error, context);
}
