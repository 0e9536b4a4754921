import { requestToken } from './auth/token-request';
import { TokenProvider } from './auth/token-provider';
import type { CallOptions, PlumeClientOptions } from './client-options';
import { createEmitter } from './events';
import { createHttp, Transport } from './http/transport';
import { resolveOptions } from './resolve-options';
import { createCustomersApi, type CustomersApi } from './resources/customers';
import { createLocationsApi, type LocationsApi } from './resources/locations';
import { createPartnersApi, type PartnersApi } from './resources/partners';
import { createNodesApi, createWifiNetworksApi, type NodesApi, type WifiNetworksApi } from './resources/nodes';
import { createReportsApi, type ReportsApi } from './resources/reports';
import { sendRequest, type PlumeRequest } from './request';

/**
 * What {@link PlumeClient.verifyCredentials} resolves with: what the SSO granted.
 *
 * @example
 * ```ts
 * const { scope, expiresAt }: VerifiedCredentials = await client.verifyCredentials();
 * ```
 */
export interface VerifiedCredentials {
  readonly partnerId: string;
  readonly clientId: string;
  /** The scope the SSO granted, e.g. `partnerId:… role:partnerIdAdmin`. */
  readonly scope: string | undefined;
  /** When the new token expires. */
  readonly expiresAt: Date;
}

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
  readonly #transport: Transport;

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
    this.#transport = transport;
    this.customers = createCustomersApi(transport);
    this.locations = createLocationsApi(transport);
    this.nodes = createNodesApi(transport);
    this.partners = createPartnersApi(transport);
    this.wifiNetworks = createWifiNetworksApi(transport);
    this.reports = createReportsApi(transport);
  }

  /**
   * Checks the credentials by obtaining a new token now (a cached one is not trusted: it may have
   * been issued for an older secret), and keeps it for later calls. Like every call, it resolves
   * with its result or throws.
   *
   * @returns What the SSO granted: partner, client id, scope and expiry.
   * @throws {PlumeAuthError} when the SSO refuses the credentials or the partner id; its `hint` says what to fix.
   * @throws {PlumeError} for a network failure, timeout or SSO outage, as for any call; the signal's reason when aborted.
   * @example
   * ```ts
   * try {
   *   const { scope } = await client.verifyCredentials();
   *   reply(`✅ Granted ${scope}`);
   * } catch (error) {
   *   if (isPlumeAuthError(error)) reply(`❌ ${error.hint}`);
   *   else throw error;
   * }
   * ```
   */
  async verifyCredentials(options?: CallOptions): Promise<VerifiedCredentials> {
    const token = await this.#tokens.refresh(options?.signal);
    return {
      partnerId: this.#partnerId,
      clientId: token.clientId ?? this.#clientId,
      scope: token.scope,
      expiresAt: new Date(token.expiresAtLatest),
    };
  }

  /**
   * GETs any Plume endpoint, for those the client does not wrap, with the same auth, path-parameter
   * encoding, retries, limiter, budget, timeout, events and errors as the wrapped ones. `path` is
   * the template below the base (`Customers/{customerId}/…`) and names the endpoint in errors and
   * events; `params` fills its placeholders, each value percent-encoded as one path segment.
   *
   * @returns The body parsed by `schema`, or the parsed JSON as `unknown` without one.
   * @throws {PlumeArgumentError} for a bad `base` or `path`, a missing or unused param, or an id
   *   that is empty, `.` or `..`.
   * @throws {PlumeResponseError} when the body is not JSON or does not fit `schema`; other
   *   {@link PlumeError}s as for any call; the signal's reason when aborted.
   * @example
   * ```ts
   * const devices = await client.request({
   *   base: 'api',
   *   path: 'Customers/{customerId}/locations/{locationId}/devices',
   *   params: { customerId, locationId },
   *   schema: z.object({ devices: z.array(z.object({ mac: z.string() })) }),
   * });
   * ```
   */
  request<T = unknown>(request: PlumeRequest<T>): Promise<T> {
    return sendRequest(this.#transport, request);
  }
}
