import { z } from 'zod';
import { basicHeader, parseAuthorization } from './auth/credentials';
import { MemoryTokenCache, type TokenCache } from './auth/token-cache';
import type { PlumeBudget } from './budget/budget';
import {
  DEFAULT_API_BASE,
  DEFAULT_SSO_URL,
  type PlumeClientOptions,
  type PlumeRateLimitOptions,
  type PlumeRetryOptions,
} from './client-options';
import { PlumeConfigError } from './errors';
import type { PlumeEvent } from './events';

/** Options with every key set: what `Required` gives, minus the `undefined` callers may pass for "the default". */
export type Complete<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> };

/** {@link PlumeClientOptions} validated and complete: what the rest of the client reads. */
export interface ResolvedOptions {
  /** The normalised `Basic …` header. */
  readonly authorization: string;
  readonly clientId: string;
  readonly partnerId: string;
  readonly ssoUrl: string;
  readonly apiBase: string;
  readonly reportsBase: string;
  readonly reportsClientId: boolean;
  readonly timeoutMs: number;
  readonly retry: Complete<PlumeRetryOptions>;
  readonly rateLimit: Complete<PlumeRateLimitOptions> | false;
  readonly budget: PlumeBudget | undefined;
  readonly tokenRefreshMarginMs: number;
  readonly tokenCache: TokenCache;
  readonly fetch: typeof fetch | undefined;
  readonly onEvent: ((event: PlumeEvent) => void) | undefined;
  readonly now: () => number;
}

/** The one place the defaults live. */
const DEFAULT_RETRY: Complete<PlumeRetryOptions> = {
  limit: 2,
  baseDelayMs: 300,
  maxDelayMs: 5000,
  maxRetryAfterMs: 20_000,
  maxTotalMs: 30_000,
};
const DEFAULT_RATE = 6;
const MAX_TIMER_MS = 2_147_483_647;

const isFunction = (value: unknown): boolean => typeof value === 'function';
const fn = <T>(what: string) => z.custom<T>(isFunction, { error: `must be a function (${what})` });
const ms = (what: string, min = 0) =>
  z
    .number({ error: `must be a number of milliseconds (${what})` })
    .int({ error: 'must be a whole number of milliseconds' })
    .min(min, { error: `must be at least ${min} ms (${what})` })
    .max(MAX_TIMER_MS, { error: `must be at most ${MAX_TIMER_MS} ms (${what})` });
const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, error: `must be an absolute http(s) URL, e.g. "${example}"` });
const isCache = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const { get, set, delete: drop } = value as Record<string, unknown>;
  return typeof get === 'function' && typeof set === 'function' && (drop === undefined || typeof drop === 'function');
};

const isBudget = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { acquire?: unknown }).acquire === 'function' &&
  typeof (value as { pauseForFirewall?: unknown }).pauseForFirewall === 'function';

const optionKeys = (keys: readonly string[]) =>
  `unknown option ${keys.map((key) => `"${key}"`).join(', ')}; check its spelling`;
const unknownKeys = {
  error: (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys' ? optionKeys(issue.keys ?? []) : undefined,
};

/**
 * `object` for an object value, `other` for anything else. Unlike `z.union`, which replaces the
 * issues of a failing object with its own message, this keeps them (`retry.limit: …`).
 */
function objectOr<T, U>(object: z.ZodType<T>, other: z.ZodType<U>) {
  return z.unknown().transform((value, ctx): T | U => {
    const result = (typeof value === 'object' && value !== null ? object : other).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: value } as (typeof ctx.issues)[number]);
    return z.NEVER;
  });
}

const retryCount = z
  .number({ error: 'must be a retry count from 0 to 10' })
  .int({ error: 'must be a retry count from 0 to 10' })
  .min(0, { error: 'must be a retry count from 0 to 10' })
  .max(10, { error: 'must be a retry count from 0 to 10' });

const credentialsSchema = z.strictObject(
  {
    clientId: z
      .string({ error: 'is required: the OAuth client id from the Plume portal' })
      .regex(/^[^:]+$/, { error: 'must be the OAuth client id from the Plume portal: not empty, without ":"' }),
    clientSecret: z
      .string({ error: 'is required: the OAuth client secret from the Plume portal' })
      .min(1, { error: 'must not be empty: the OAuth client secret from the Plume portal' }),
  },
  unknownKeys,
);

const retrySchema = z.strictObject(
  {
    limit: retryCount.optional(),
    baseDelayMs: ms('first back-off, e.g. 300').optional(),
    maxDelayMs: ms('longest back-off, e.g. 5000').optional(),
    maxRetryAfterMs: ms('longest Retry-After to wait for, e.g. 20000').optional(),
    maxTotalMs: ms('whole call, retries included, e.g. 30000', 1).optional(),
  },
  unknownKeys,
);

const rateLimitSchema = z.strictObject(
  {
    requestsPerSecond: z
      .number({ error: 'must be a positive number, e.g. 6' })
      .positive({ error: 'must be a positive number, e.g. 6' })
      .optional(),
    burst: z
      .number({ error: 'must be a whole number of at least 1' })
      .int({ error: 'must be a whole number of at least 1' })
      .min(1, { error: 'must be a whole number of at least 1' })
      .optional(),
  },
  unknownKeys,
);

const optionsSchema = z.strictObject(
  {
    authorization: objectOr(
      credentialsSchema,
      z.string({
        error: 'is required: the "Basic …" header value from the Plume portal, or { clientId, clientSecret }',
      }),
    ),
    partnerId: z
      .string({ error: 'is required: your partner id from the Plume portal (24 hex characters)' })
      .trim()
      .regex(/^\S+$/, { error: 'must be your partner id from the Plume portal (24 hex characters), without spaces' }),
    ssoUrl: httpUrl('https://external.sso.plume.com/oauth2/<id>/v1/token').optional(),
    apiBase: httpUrl('https://<your cloud>/api/').optional(),
    reportsBase: httpUrl('https://<your cloud>/reports/').optional(),
    reportsClientId: z.boolean({ error: 'must be true or false' }).optional(),
    timeoutMs: ms('per attempt, e.g. 10000', 1).optional(),
    retry: objectOr(
      retrySchema,
      z.union([z.literal(false), retryCount], {
        error:
          'must be false, a retry count from 0 to 10, or { limit, baseDelayMs, maxDelayMs, maxRetryAfterMs, maxTotalMs }',
      }),
    ).optional(),
    rateLimit: objectOr(
      rateLimitSchema,
      z.literal(false, { error: 'must be false or { requestsPerSecond, burst }' }),
    ).optional(),
    budget: z.custom<PlumeBudget>(isBudget, { error: 'must be a PlumeBudget (new PlumeBudget({ ... }))' }).optional(),
    tokenRefreshMarginMs: ms('e.g. 60000').optional(),
    tokenCache: z
      .custom<TokenCache>(isCache, { error: 'must have get and set methods, and optionally delete (see TokenCache)' })
      .optional(),
    fetch: fn<typeof fetch>('a fetch implementation').optional(),
    onEvent: fn<(event: PlumeEvent) => void>('(event) => void').optional(),
    now: fn<() => number>('() => epoch milliseconds').optional(),
  },
  unknownKeys,
);

function fail(problems: readonly string[]): never {
  throw new PlumeConfigError(`Invalid PlumeClient options:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

/** Drops keys whose value is `undefined`, so that spreading keeps the defaults. */
function defined<T extends object>(value: T | undefined): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function reportsBaseFor(apiBase: string, explicit: string | undefined): string {
  if (explicit !== undefined) return withSlash(explicit);
  const url = new URL(apiBase);
  if (!url.pathname.endsWith('/api/')) {
    fail([`reportsBase: is required because apiBase (${apiBase}) does not end in /api/, so it cannot be derived`]);
  }
  url.pathname = `${url.pathname.slice(0, -'/api/'.length)}/reports/`;
  return url.href;
}

/**
 * Validates client options and fills in every default.
 *
 * @throws {PlumeConfigError} listing each invalid option and how to fix it.
 */
export function resolveOptions(options: PlumeClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    fail(['options: must be an object with at least authorization and partnerId']);
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    fail(
      parsed.error.issues.map(
        (issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'options'}: ${issue.message}`,
      ),
    );
  }
  const value = parsed.data;
  if (value.budget !== undefined && value.rateLimit !== undefined) {
    fail(['rateLimit: leave it out when a budget is given: the shared budget limits the rate of all its clients']);
  }
  const auth =
    typeof value.authorization === 'string'
      ? parseAuthorization(value.authorization)
      : {
          header: basicHeader(value.authorization.clientId, value.authorization.clientSecret),
          clientId: value.authorization.clientId,
        };
  if ('problem' in auth) fail([`authorization: ${auth.problem}`]);
  const apiBase = withSlash(value.apiBase ?? DEFAULT_API_BASE);
  const retry = value.retry === false ? 0 : value.retry;
  const rate = value.rateLimit;
  return {
    authorization: auth.header,
    clientId: auth.clientId,
    partnerId: value.partnerId,
    ssoUrl: value.ssoUrl ?? DEFAULT_SSO_URL,
    apiBase,
    reportsBase: reportsBaseFor(apiBase, value.reportsBase),
    reportsClientId: value.reportsClientId ?? false,
    timeoutMs: value.timeoutMs ?? 10_000,
    retry: typeof retry === 'number' ? { ...DEFAULT_RETRY, limit: retry } : { ...DEFAULT_RETRY, ...defined(retry) },
    rateLimit:
      rate === false
        ? false
        : {
            requestsPerSecond: rate?.requestsPerSecond ?? DEFAULT_RATE,
            burst: rate?.burst ?? Math.max(1, Math.floor(rate?.requestsPerSecond ?? DEFAULT_RATE)),
          },
    budget: value.budget,
    tokenRefreshMarginMs: value.tokenRefreshMarginMs ?? 60_000,
    tokenCache: value.tokenCache ?? new MemoryTokenCache(),
    fetch: value.fetch,
    onEvent: value.onEvent,
    now: value.now ?? Date.now,
  };
}
