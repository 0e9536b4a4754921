import { fromBase64 } from './credentials';

/** The JWT claims the client uses; absent when the token is not a JWT or lacks them. */
export interface JwtTimes {
  /** `exp`, in epoch seconds. */
  readonly exp?: number;
  /** `iat`, in epoch seconds. */
  readonly iat?: number;
  /** `cid`, the client id. */
  readonly cid?: string;
}

/** Reads `exp`, `iat` and `cid` from a JWT's payload without verifying it (the SSO did). */
export function readJwt(token: string): JwtTimes {
  const payload = token.split('.')[1];
  if (payload === undefined) return {};
  try {
    const claims = JSON.parse(fromBase64(payload) ?? 'null') as Record<string, unknown> | null;
    if (claims === null || typeof claims !== 'object') return {};
    return {
      ...(typeof claims.exp === 'number' && { exp: claims.exp }),
      ...(typeof claims.iat === 'number' && { iat: claims.iat }),
      ...(typeof claims.cid === 'string' && { cid: claims.cid }),
    };
  } catch {
    return {};
  }
}

/**
 * How long a token may be used, in milliseconds: the shorter of `expires_in` and the JWT's own
 * lifetime (`exp − iat`, immune to clock skew; `exp − now` without `iat`).
 */
export function tokenLifetimeMs(expiresInSeconds: number | undefined, jwt: JwtTimes, now: number): number {
  const candidates: number[] = [];
  if (expiresInSeconds !== undefined) candidates.push(expiresInSeconds * 1000);
  if (jwt.exp !== undefined) candidates.push(jwt.iat !== undefined ? (jwt.exp - jwt.iat) * 1000 : jwt.exp * 1000 - now);
  const positive = candidates.filter((ms) => ms > 0);
  return positive.length > 0 ? Math.min(...positive) : 3_600_000;
}
