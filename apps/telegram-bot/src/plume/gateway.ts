import { createHash } from 'node:crypto';
import { PlumeClient, type PlumeClientOptions, type PlumeEvent } from '@org/plume-sdk';
import type { PlumeEndpoints } from '../config';
import type { Credentials } from '../storage/user-state';

/** Hands out Plume clients for users' credentials. */
export interface PlumeGateway {
  /**
   * The client for these credentials. Users with the same credentials share one client, hence one
   * token and one request limiter (the partner's Plume budget is per client, not per user).
   */
  client(credentials: Credentials): PlumeClient;
  /** Obtains a token with these credentials (kept for later calls); throws the SDK's error when Plume refuses. */
  verify(credentials: Credentials): Promise<void>;
  /** Drops the cached client (after /logout or a new /setup). */
  forget(credentials: Credentials): void;
}

export interface PlumeGatewayOptions {
  /** The cloud used when the user's credentials don't name one. */
  defaults: PlumeEndpoints;
  /** Request, retry, error and token events of every client (they hold no secret). */
  onEvent?: (event: PlumeEvent) => void;
  /** Transport settings for every client (timeouts, retries, the request limiter); the SDK's defaults otherwise. */
  clientOptions?: Pick<PlumeClientOptions, 'timeoutMs' | 'retry' | 'rateLimit' | 'fetch'>;
  /** How many clients to keep (least recently used are dropped). @default 500 */
  maxClients?: number;
}

/** A fingerprint of credentials, never logged or stored: a map key only. */
const fingerprint = (c: Credentials) => createHash('sha256').update(JSON.stringify([c.authorization, c.partnerId, c.ssoUrl, c.apiBase])).digest('base64url');

export function createPlumeGateway(options: PlumeGatewayOptions): PlumeGateway {
  const clients = new Map<string, PlumeClient>();
  const maxClients = options.maxClients ?? 500;

  const build = (c: Credentials) =>
    new PlumeClient({
      authorization: c.authorization,
      partnerId: c.partnerId,
      ssoUrl: c.ssoUrl ?? options.defaults.ssoUrl,
      apiBase: c.apiBase ?? options.defaults.apiBase,
      // A user's own API base derives its own Reports base; the configured one goes with the default cloud.
      reportsBase: c.apiBase === undefined ? options.defaults.reportsBase : undefined,
      onEvent: options.onEvent,
      ...options.clientOptions,
    });

  return {
    client(credentials) {
      const key = fingerprint(credentials);
      const cached = clients.get(key);
      if (cached !== undefined) {
        clients.delete(key);
        clients.set(key, cached);
        return cached;
      }
      const client = build(credentials);
      clients.set(key, client);
      if (clients.size > maxClients) clients.delete(clients.keys().next().value as string);
      return client;
    },
    async verify(credentials) {
      const client = build(credentials);
      const result = await client.verifyCredentials();
      if (!result.ok) throw result.error;
      clients.set(fingerprint(credentials), client);
    },
    forget(credentials) {
      clients.delete(fingerprint(credentials));
    },
  };
}
