import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { oauthError, type SimResponse } from './responses';

/** What the token endpoint and the API's bearer check need to know. */
export interface TokenIssuerOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly partnerId: string;
  /** The `iss` claim: the authorization server's URL. */
  readonly issuer: string;
  readonly lifetimeSeconds: number;
  readonly now: () => number;
}

interface IssuedToken {
  readonly expiresAt: number;
  readonly partnerId: string;
}

const INVALID_CLIENT = 'Client authentication failed. Either the client or the client credentials are invalid.';

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Reads `Basic base64(id:secret)`; `undefined` when the header is absent or not of that form. */
function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * The simulated Okta authorization server: issues JWT-shaped access tokens for the client
 * credentials grant and checks bearer tokens on API calls. Error bodies follow Okta's
 * `{ error, error_description }`.
 */
export class TokenIssuer {
  lifetimeSeconds: number;
  readonly #options: TokenIssuerOptions;
  readonly #key = randomBytes(32);
  readonly #tokens = new Map<string, IssuedToken>();

  constructor(options: TokenIssuerOptions) {
    this.#options = options;
    this.lifetimeSeconds = options.lifetimeSeconds;
  }

  /** Answers `POST …/v1/token` given its `Authorization` and `Content-Type` headers and form body. */
  issue(authorization: string | undefined, contentType: string | undefined, body: string): SimResponse {
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) {
      return oauthError(400, 'invalid_request', 'The request must be sent as application/x-www-form-urlencoded.');
    }
    const client = parseBasic(authorization);
    if (!client || client.id !== this.#options.clientId || client.secret !== this.#options.clientSecret) {
      return oauthError(401, 'invalid_client', INVALID_CLIENT, { 'WWW-Authenticate': 'Basic realm="Okta"' });
    }
    const form = new URLSearchParams(body);
    const keys = [...form.keys()];
    if (new Set(keys).size !== keys.length) {
      return oauthError(400, 'invalid_request', 'The request contains duplicate parameters.');
    }
    const grantType = form.get('grant_type');
    if (!grantType)
      return oauthError(400, 'invalid_request', 'The request is missing a required parameter: grant_type.');
    if (grantType !== 'client_credentials') {
      return oauthError(
        400,
        'unsupported_grant_type',
        `The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].`,
      );
    }
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean).sort();
    const expected = [`partnerId:${this.#options.partnerId}`, 'role:partnerIdAdmin'].sort();
    if (scopes.join(' ') !== expected.join(' ')) {
      return oauthError(
        400,
        'invalid_scope',
        'One or more scopes are not configured for the authorization server resource.',
      );
    }
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
      body: {
        token_type: 'Bearer',
        expires_in: this.lifetimeSeconds,
        access_token: this.#mint(client.id, scopes),
        scope: scopes.join(' '),
      },
    };
  }

  /** The partner a bearer header's token was issued for, or `undefined` if it is absent, unknown, expired or revoked. */
  verify(authorization: string | undefined): string | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = match ? this.#tokens.get(match[1] as string) : undefined;
    if (!token || token.expiresAt <= this.#options.now()) return undefined;
    return token.partnerId;
  }

  /** Forgets every issued token. */
  revokeAll(): void {
    this.#tokens.clear();
  }

  #mint(clientId: string, scopes: string[]): string {
    const now = this.#options.now();
    for (const [token, issued] of this.#tokens) if (issued.expiresAt <= now) this.#tokens.delete(token);
    const iat = Math.floor(now / 1000);
    const header = base64url(JSON.stringify({ kid: 'simulator', alg: 'HS256' }));
    const payload = base64url(
      JSON.stringify({
        ver: 1,
        jti: `AT.${randomUUID()}`,
        iss: this.#options.issuer,
        aud: 'api://plume',
        iat,
        exp: iat + this.lifetimeSeconds,
        cid: clientId,
        scp: scopes,
        sub: clientId,
      }),
    );
    const signature = base64url(createHmac('sha256', this.#key).update(`${header}.${payload}`).digest());
    const token = `${header}.${payload}.${signature}`;
    this.#tokens.set(token, { expiresAt: (iat + this.lifetimeSeconds) * 1000, partnerId: this.#options.partnerId });
    return token;
  }
}
