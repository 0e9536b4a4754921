/**
 * Public types of the simulator: its options, the running instance, fault injection and the
 * request log.
 *
 * @packageDocumentation
 */

import type { SimulatorClock } from './clock';
import type { ScenarioInput } from './scenario/schema';
import type { SimulatorScenarios } from './scenario/state';

/**
 * The name of a simulated route, as used by fault injection and the request log. The names match
 * the `@org/plume-sdk` methods that call them.
 */
export type RouteName =
  | 'token'
  | 'customers.search'
  | 'customers.get'
  | 'locations.list'
  | 'locations.get'
  | 'nodes.list'
  | 'wifiNetworks.list'
  | 'reports.wanStats'
  | 'reports.onlineStats'
  | 'locations.alerts'
  | 'partners.customers'
  | 'nodes.bySerial';

/** A fault target: one route, or `'*'` for every API and Reports route (not the token route). */
export type FaultTarget = RouteName | '*';

/** The OAuth client the simulator accepts, and the partner it serves. */
export interface SimulatorCredentials {
  /** The full `Authorization` header value for the token endpoint: `Basic base64(clientId:clientSecret)`. */
  readonly authorization: string;
  /** The partner id to put in the token scope (`partnerId:<id> role:partnerIdAdmin`). */
  readonly partnerId: string;
  /** The OAuth client id. */
  readonly clientId: string;
  /** The OAuth client secret. */
  readonly clientSecret: string;
}

/**
 * The Plume WAF rule: at most `max` API calls per rolling `windowMs` from one client address, then
 * HTTP 403 (an HTML page) until the window has room again.
 */
export interface WafLimit {
  /** Calls allowed per window. */
  readonly max: number;
  /** Window length in milliseconds. @default 300000 */
  readonly windowMs?: number;
}

/** Options of {@link startSimulator}. Every option is optional. */
export interface SimulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string | undefined;
  /** Latency added to every response, in milliseconds. @default 0 */
  latencyMs?: number | undefined;
  /** `expires_in` of issued tokens, in seconds. @default 3600 */
  tokenLifetimeSeconds?: number | undefined;
  /** Override the accepted client id, client secret or partner id. @default the built-in test credentials */
  credentials?: Partial<Pick<SimulatorCredentials, 'clientId' | 'clientSecret' | 'partnerId'>>;
  /**
   * The WAF limit (Plume allows 2,000 calls per 5 minutes per source IP), or `false` to disable it.
   * Benchmarks should disable it.
   * @default { max: 2000, windowMs: 300000 }
   */
  wafLimit?: WafLimit | false | undefined;
  /**
   * The instant the time series (WAN and online statistics) end at. Fixed by default so that data is
   * deterministic; pass `Date.now()` for live-looking data.
   * @default '2025-06-01T12:00:00.000Z'
   */
  referenceTime?: Date | string | number | undefined;
  /**
   * The clock for token expiry, the WAF window, the request log and scenarios (see `manualClock`,
   * `acceleratedClock`). Give `clock` or `now`, not both.
   * @default the real clock
   */
  clock?: SimulatorClock;
  /** The clock as a bare function, in epoch milliseconds (same as `clock: { now }`). @default Date.now */
  now?: () => number;
  /**
   * A scenario to load at start (an object or its JSON text): timelines per location and Plume's
   * own failures, reported at the clock's time. See `sim.scenarios` to load one later.
   * @default none (the built-in data set, whose `flakyHome` drops briefly every 5 minutes)
   */
  scenario?: ScenarioInput | string;
}

/** What {@link SimulatorFaults.malformNext} sends instead of the real body (with status 200). */
export type MalformedKind = 'invalid-json' | 'wrong-shape' | 'empty';

/** Options of {@link SimulatorFaults.failNext}. */
export interface FailOptions {
  /** A `Retry-After` header value: seconds, or an HTTP date. */
  retryAfter?: number | string;
  /** The JSON body to send. @default a LoopBack-style `{ error: { statusCode, name, message } }` */
  body?: unknown;
}

/**
 * Fault injection. Scripted faults apply to the next matching calls in the order they were added;
 * each is used up after `count` calls. A call's answer is decided when it arrives; a delay only
 * holds it back, so a fault scripted while an earlier call is delayed goes to a later call.
 * The methods are bound (`this: void`): `const { failNext } = sim.faults` works.
 */
export interface SimulatorFaults {
  /** Adds `ms` of latency to every response from now on (0 removes it). */
  setLatency(this: void, ms: number): void;
  /**
   * Answers the next `count` calls of `route` with `status` (and optionally a `Retry-After` header
   * or a custom body). On the token route, the body is an OAuth `{ error, error_description }`.
   * @example sim.faults.failNext('locations.list', 503, 1, { retryAfter: 1 })
   */
  failNext(this: void, route: FaultTarget, status: number, count?: number, options?: FailOptions): void;
  /** Answers the next `count` calls of `route` with a malformed 200 body. @default kind 'invalid-json' */
  malformNext(this: void, route: FaultTarget, kind?: MalformedKind, count?: number): void;
  /** Delays the next `count` calls of `route` by `ms` (on top of any latency). */
  delayNext(this: void, route: FaultTarget, ms: number, count?: number): void;
  /** Sets `expires_in` (and the JWT `exp`) of tokens issued from now on. */
  setTokenLifetime(this: void, seconds: number): void;
  /** Invalidates every token issued so far: API calls with them get 401 until a new token is fetched. */
  revokeTokens(this: void): void;
  /** Sets the WAF limit (`false` disables it) and clears the current window of every client address. */
  setWafLimit(this: void, limit: WafLimit | false): void;
  /** Removes every scripted fault and the latency, and restores the token lifetime and WAF limit. */
  reset(this: void): void;
}

/** One request as the simulator saw it. Secrets (headers, client secret) are not recorded. */
export interface RecordedRequest {
  /** The matched route, or `undefined` for an unknown path. */
  readonly route: RouteName | undefined;
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The path exactly as received, still percent-encoded, without the query. */
  readonly rawPath: string;
  /** The decoded path parameters, e.g. `{ customerId, locationId }`. */
  readonly params: Readonly<Record<string, string>>;
  /** The decoded query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** For the token route: the form fields (`grant_type`, `scope`). */
  readonly form?: Readonly<Record<string, string>>;
  /** The response status. */
  readonly status: number;
  /** When the request arrived, from the simulator's clock (epoch ms). */
  readonly receivedAt: number;
  /** When the response was sent, from the simulator's clock (epoch ms). */
  readonly respondedAt: number;
}

/** The request log of a running simulator. */
export interface RequestLog {
  /**
   * The recorded requests, oldest first, optionally only those of one route. Only the most recent
   * 10,000 are kept.
   */
  requests(route?: RouteName): RecordedRequest[];
  /** How many requests (of one route, or in all) arrived since start or the last `clear()`. */
  count(route?: RouteName): number;
  /**
   * How many requests (of one route, or in all) have arrived and are not answered yet, for example
   * while a delay or latency holds them back. A request is recorded only once answered: wait for
   * this to reach 0 before a test ends, so that an abandoned delayed call cannot land in the next.
   * @example while (sim.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
   */
  inFlight(route?: RouteName): number;
  /** Forgets every recorded request and count (requests in flight are still recorded when answered). */
  clear(): void;
}

/** A running simulator, as resolved by {@link startSimulator}. */
export interface Simulator {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The OAuth token URL (the SDK's `ssoUrl`). */
  readonly ssoUrl: string;
  /** The API base URL, ending in `/api/`. */
  readonly apiBase: string;
  /** The Reports base URL, ending in `/reports/`. */
  readonly reportsBase: string;
  /** The test credentials the simulator accepts. */
  readonly credentials: SimulatorCredentials;
  /** Fault injection. */
  readonly faults: SimulatorFaults;
  /** The request log. */
  readonly log: RequestLog;
  /** Scenarios at run time: `load(scenario)`, `clear()`. */
  readonly scenarios: SimulatorScenarios;
  /** The clock the simulator reads (the one passed in, or the real clock). */
  readonly clock: SimulatorClock;
  /** Stops the server and drops open connections. Safe to call twice. */
  close(): Promise<void>;
}
