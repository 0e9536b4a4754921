/**
 * `@org/plume-sdk`: the typed Plume Cloud client. Runs wherever `fetch` exists (Node ≥ 22, Deno,
 * Bun, browsers, edge workers); depends only on ky and zod.
 *
 * @packageDocumentation
 */

// The client and its options.
export { PlumeClient } from './client';
export type { VerifiedCredentials } from './client';
export type { PlumeRequest } from './request';
export { DEFAULT_API_BASE, DEFAULT_SSO_URL } from './client-options';
export type {
  CallOptions,
  ClientCredentials,
  PlumeClientOptions,
  PlumeRateLimitOptions,
  PlumeRetryOptions,
} from './client-options';

// The request budget many clients share.
export { PlumeBudget } from './budget/budget';
export type { PlumeBudgetOptions } from './budget/budget';
export { MemoryBudgetStore } from './budget/budget-store';
export type {
  BudgetDecision,
  BudgetLane,
  BudgetLimits,
  BudgetRefusal,
  BudgetSnapshot,
  BudgetStore,
  BudgetUsage,
} from './budget/budget-store';

// Resource groups (`client.customers`, …) and their options.
export type { CustomerSearchOptions, CustomersApi } from './resources/customers';
export type { LocationsApi } from './resources/locations';
export type { NodesApi, WifiNetworksApi } from './resources/nodes';
export type { PartnerCustomers, PartnerCustomersOptions, PartnersApi } from './resources/partners';
export type { OnlineStatsOptions, ReportsApi, WanStatsOptions } from './resources/reports';

// What the endpoints return.
export type { Customer, CustomerSearchField, CustomerSearchResult } from './models/customer';
export type { Location } from './models/location';
export type { LocationAlerts, LocationStatus, NodeLocation, PartnerCustomer } from './models/fleet';
export type { NodeAlert, PlumeNode } from './models/node';
export type { SpeedTest } from './models/speed-test';
export type { WifiNetwork } from './models/wifi-network';
export type { OnlineSample, OnlineStats, WanInterval, WanStats } from './models/reports';

// Errors, and a guard per kind that works across realms.
export {
  PlumeArgumentError,
  PlumeAuthError,
  PlumeConfigError,
  PlumeError,
  PlumeHttpError,
  PlumeNetworkError,
  PlumeNotFoundError,
  PlumeRateLimitError,
  PlumeResponseError,
  PlumeServerError,
  PlumeTimeoutError,
} from './errors';
export type { AnyPlumeError, PlumeErrorCode, PlumeErrorDetails, PlumeResponseIssue } from './errors';
export {
  isPlumeArgumentError,
  isPlumeAuthError,
  isPlumeConfigError,
  isPlumeError,
  isPlumeHttpError,
  isPlumeNetworkError,
  isPlumeNotFoundError,
  isPlumeRateLimitError,
  isPlumeResponseError,
  isPlumeServerError,
  isPlumeTimeoutError,
} from './error-guards';

// The authorization header: the one rule for reading what people paste.
export { parseAuthorization } from './auth/credentials';
export type { AuthorizationProblem, ParsedAuthorization } from './auth/credentials';

// Tokens and events.
export { MemoryTokenCache } from './auth/token-cache';
export type { CachedToken, TokenCache } from './auth/token-cache';
export type { PlumeEvent } from './events';

// Not exported on purpose: the transport, the token provider and the response schemas are
// implementation details; the schemas' output types above are the contract.
