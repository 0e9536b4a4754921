import { requestToken } from './auth/token-request';
import { TokenProvider } from './auth/token-provider';
import type { CallOptions, PlumeClientOptions } from './client-options';
import { isPlumeError, type PlumeError } from './errors';
import { createEmitter } from './events';
import { createHttp, Transport } from './http/transport';
import { resolveOptions } from './resolve-options';
import { createCustomersApi, type CustomersApi } from './resources/customers';
import { createLocationsApi, type LocationsApi } from './resources/locations';
import { createPartnersApi, type PartnersApi } from './resources/partners';
import { createNodesApi, createWifiNetworksApi, type NodesApi, type WifiNetworksApi } from './resources/nodes';
import { createReportsApi, type ReportsApi } from './resources/reports';

/** The outcome of {@link PlumeClient.verifyCredentials}. */
export type VerifyCredentialsResult =
  | {
      readonly ok: true;
      readonly partnerId: string;
      readonly clientId: string;
      /** The scope the SSO granted, e.g. `partnerId:… role:partnerIdAdmin`. */
      readonly scope: string | undefined;
      /** When the new token expires. */
      readonly expiresAt: Date;
    }
  | {
      readonly ok: false;
      /** Why: usually a `PlumeAuthError` whose `hint` a person can act on; or a network, timeout or server error. */
      readonly error: PlumeError;
    };

/**
 * The Plume Cloud client. It authenticates with OAuth client credentials (one token shared by all
 * calls and refreshed before it expires or after a 401), retries transient failures, keeps to
 * Plume's request rate, and returns typed, normalised objects.
 *
 * @example
 * ```ts
 * import { PlumeClient } from '@org/plume-sdk';
 *
 * const client = new PlumeClient({ authorization: process.env.PLUME_AUTH!, partnerId: process.env.PLUME_PARTNER_ID! });
 * const [hit] = await client.customers.search('ada@example.com', { field: 'email' });
 * const nodes = await client.nodes.list(hit.id, hit.locations[0].id);
 * ```
 */
export class PlumeClient {
  /** Customers: `search`, `get`, `locations` (every location's online state in one call). */
  readonly customers: CustomersApi;
  /** Locations: `list`, `get`, `alerts`. */
  readonly locations: LocationsApi;
  /** Nodes (pods): `list`, `bySerial`. */
  readonly nodes: NodesApi;
  /** Partner-wide lists: `customers` (paged, as an async iterable). */
  readonly partners: PartnersApi;
  /** Wi-Fi networks: `list` (never with passwords). */
  readonly wifiNetworks: WifiNetworksApi;
  /** The Reports API: `wanStats`, `onlineStats`. */
  readonly reports: ReportsApi;
  readonly #tokens: TokenProvider;
  readonly #partnerId: string;
  readonly #clientId: string;

  /**
   * @param options - Credentials and settings; see {@link PlumeClientOptions}. Only
   *   `authorization` and `partnerId` are required.
   * @throws {PlumeConfigError} when an option is invalid; the message lists each problem and its fix.
   */
  constructor(options: PlumeClientOptions) {
    const resolved = resolveOptions(options);
    const emit = createEmitter(resolved.onEvent);
    const sso = createHttp();
    this.#partnerId = resolved.partnerId;
    this.#clientId = resolved.clientId;
    this.#tokens = new TokenProvider({
      request: () => requestToken(sso, resolved),
      cache: resolved.tokenCache,
      cacheKey: `plume-sdk:${resolved.ssoUrl}|${resolved.partnerId}|${resolved.clientId}`,
      marginMs: resolved.tokenRefreshMarginMs,
      now: resolved.now,
      emit,
    });
    const transport = new Transport(resolved, this.#tokens, emit);
    this.customers = createCustomersApi(transport);
    this.locations = createLocationsApi(transport);
    this.nodes = createNodesApi(transport);
    this.partners = createPartnersApi(transport);
    this.wifiNetworks = createWifiNetworksApi(transport);
    this.reports = createReportsApi(transport);
  }

  /**
   * Checks the credentials by obtaining a new token now (a cached one is not trusted: it may have
   * been issued for an older secret), and keeps it for later calls. Failures are returned, not
   * thrown, so a setup dialog can show `error.message`.
   *
   * @example
   * ```ts
   * const result = await client.verifyCredentials();
   * if (!result.ok) reply(`❌ ${result.error.message}`);
   * ```
   * @throws Only the signal's reason when aborted (and programming errors).
   */
  async verifyCredentials(options?: CallOptions): Promise<VerifyCredentialsResult> {
    try {
      const token = await this.#tokens.refresh(options?.signal);
      return {
        ok: true,
        partnerId: this.#partnerId,
        clientId: token.clientId ?? this.#clientId,
        scope: token.scope,
        expiresAt: new Date(token.expiresAtLatest),
      };
    } catch (error) {
      if (isPlumeError(error)) return { ok: false, error };
      throw error;
    }
  }
}
