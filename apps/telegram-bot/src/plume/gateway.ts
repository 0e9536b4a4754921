import { createHash } from 'node:crypto';
import {
  DEFAULT_API_BASE,
  PlumeBudget,
  PlumeClient,
  type BudgetStore,
  type PlumeClientOptions,
  type PlumeEvent,
  type TokenCache,
} from '@org/plume-sdk';
import type { PlumeEndpoints } from '../config';
import { createFairQueue, type FairQueue } from '../queue/fair-queue';
import type { Credentials } from '../storage/user-state';

/** Hands out Plume clients for users' credentials. */
export interface PlumeGateway {
  /**
   * The client for these credentials. Users with the same credentials share one client, hence one
   * token and one request limiter (the partner's Plume budget is per client, not per user).
   */
  client(credentials: Credentials): PlumeClient;
  /**
   * The queue in front of that client: people using these credentials take turns on it, and a
   * request that would wait too long is refused at once (see {@link createFairQueue}).
   */
  queue(credentials: Credentials): FairQueue;
  /** Obtains a token with these credentials (kept for later calls); throws the SDK's error when Plume refuses. */
  verify(credentials: Credentials): Promise<void>;
  /** Drops the cached client (after /logout or a new /setup). */
  forget(credentials: Credentials): void;
  /** The Plume cloud (its API base) these credentials reach: polls and budgets are per cloud. */
  cloudOf(credentials: Credentials): string;
  /** Calls used in the current window per lane, summed over every cloud's budget (for /metrics). */
  budgetUsage(): Promise<{ interactive: number; background: number }>;
}

/**
 * Plume's limits kept where every replica sees them (the PostgreSQL storage): each budget's counters
 * and each credential's access token.
 */
export interface SharedPlumeState {
  /** The counters of the budget named `key` (see {@link budgetKey}). */
  budgetStore(key: string): BudgetStore;
  tokenCache: TokenCache;
}

/**
 * The name of a shared budget: Plume's firewall counts calls per cloud and source address, so
 * replicas behind one egress address (one NAT) share one budget per cloud.
 * @example budgetKey('https://piranha.example/api/', 'office-nat') // 'https://piranha.example/api/ via office-nat'
 */
export const budgetKey = (cloud: string, egressId: string): string => `${cloud} via ${egressId}`;

export interface PlumeGatewayOptions {
  /** The cloud used when the user's credentials don't name one. */
  defaults: PlumeEndpoints;
  /** Request, retry, error and token events of every client (they hold no secret). */
  onEvent?: (event: PlumeEvent) => void;
  /** Transport settings for every client (timeouts, retries, the request limiter); the SDK's defaults otherwise. */
  clientOptions?: Pick<PlumeClientOptions, 'timeoutMs' | 'retry' | 'rateLimit' | 'fetch'> | undefined;
  /**
   * Several replicas: budgets and tokens in `state`, each cloud's budget shared by the replicas with
   * the same `egressId` (`PLUME_EGRESS_ID`). @default one process: both in memory
   */
  shared?: { state: SharedPlumeState; egressId: string } | undefined;
  /** How many clients to keep (least recently used are dropped). @default 500 */
  maxClients?: number;
  /** Each credential's queue. */
  queue: {
    /** The longest wait a request is admitted for. */
    maxWaitMs: number;
    /** Requests (reports) run at once per credential. @default the limiter's burst (6), or 6 without it */
    concurrency?: number;
    /** The clock of the queues, in ms. @default performance.now */
    now?: () => number;
  };
}

/** A report takes up to this many Plume calls (/status: the location and its nodes). */
const CALLS_PER_REQUEST = 2;

/**
 * The queue's first estimate of the time between two requests while it is full, until it has
 * measured it: the limiter's pace for a two-call report (333 ms at 6 calls/s), or 100 ms without a
 * limiter (then Plume's latency sets the pace).
 */
function initialIntervalMs(rateLimit: PlumeClientOptions['rateLimit']): number {
  if (rateLimit === false) return 100;
  return (CALLS_PER_REQUEST * 1000) / (rateLimit?.requestsPerSecond ?? 6);
}

/** The limiter's burst, as the SDK resolves it (the rate, rounded down), or 6 without a limiter. */
function burstOf(rateLimit: PlumeClientOptions['rateLimit']): number {
  if (rateLimit === false) return 6;
  return Math.max(1, Math.floor(rateLimit?.burst ?? rateLimit?.requestsPerSecond ?? 6));
}

interface Entry {
  client: PlumeClient;
  queue: FairQueue;
}

/** A fingerprint of credentials, never logged or stored: a map key only. */
const fingerprint = (c: Credentials) =>
  createHash('sha256')
    .update(JSON.stringify([c.authorization, c.partnerId, c.ssoUrl, c.apiBase]))
    .digest('base64url');

/**
 * Hands out one client per credential set and one request budget per Plume cloud: Plume's firewall
 * counts calls per source address, so every person and the monitoring share one cloud's budget,
 * people's requests in its interactive lane and monitoring in its background lane. Each credential
 * set's queue lets at most `queue.concurrency` requests reach the budget at once, and the budget
 * serves calls in arrival order, so credential sets (workspaces) busy on one cloud share it equally
 * and one's burst never holds back another's request for longer than those few. With
 * `clientOptions.rateLimit: false` (benchmarks) clients have no limiter and no budget. With `shared`
 * (several replicas), each budget's counters and the access tokens live in the database, so the
 * replicas together stay within the budget and fetch each credential's token once.
 * @example const plume = createPlumeGateway({ defaults: config.plume, queue: { maxWaitMs: 30_000 } });
 */
export function createPlumeGateway(options: PlumeGatewayOptions): PlumeGateway {
  const entries = new Map<string, Entry>();
  const budgets = new Map<string, PlumeBudget>();
  const maxClients = options.maxClients ?? 500;
  const rateLimit = options.clientOptions?.rateLimit;
  const { shared } = options;
  const cloudOf = (c: Credentials) => c.apiBase ?? options.defaults.apiBase ?? DEFAULT_API_BASE;
  const budgetFor = (c: Credentials): PlumeBudget | undefined => {
    if (rateLimit === false) return undefined;
    const cloud = cloudOf(c);
    let budget = budgets.get(cloud);
    if (budget === undefined) {
      budget = new PlumeBudget({
        ...(rateLimit?.requestsPerSecond === undefined ? {} : { requestsPerSecond: rateLimit.requestsPerSecond }),
        ...(rateLimit?.burst === undefined ? {} : { burst: rateLimit.burst }),
        // A report's calls (the location and its nodes, at once) start together even while
        // monitoring saturates its lane, instead of the second waiting for a slot.
        interactiveReserve: Math.min(CALLS_PER_REQUEST, burstOf(rateLimit) - 1),
        ...(shared === undefined ? {} : { store: shared.state.budgetStore(budgetKey(cloud, shared.egressId)) }),
      });
      budgets.set(cloud, budget);
    }
    return budget;
  };

  // The rate a budget is given (`rateLimit` sets the budget's; a client takes one or the other).
  const transport = { ...options.clientOptions };
  delete transport.rateLimit;
  const build = (c: Credentials) =>
    new PlumeClient({
      authorization: c.authorization,
      partnerId: c.partnerId,
      ssoUrl: c.ssoUrl ?? options.defaults.ssoUrl,
      apiBase: c.apiBase ?? options.defaults.apiBase,
      // A user's own API base derives its own Reports base; the configured one goes with the default cloud.
      reportsBase: c.apiBase === undefined ? options.defaults.reportsBase : undefined,
      onEvent: options.onEvent,
      ...transport,
      ...(rateLimit === false ? { rateLimit: false } : { budget: budgetFor(c) }),
      ...(shared === undefined ? {} : { tokenCache: shared.state.tokenCache }),
    });

  const newQueue = () =>
    createFairQueue({
      concurrency: options.queue.concurrency ?? burstOf(rateLimit),
      maxWaitMs: options.queue.maxWaitMs,
      initialIntervalMs: initialIntervalMs(rateLimit),
      ...(options.queue.now === undefined ? {} : { now: options.queue.now }),
    });

  const keep = (key: string, entry: Entry): Entry => {
    entries.set(key, entry);
    if (entries.size > maxClients) entries.delete(entries.keys().next().value as string);
    return entry;
  };

  const entryFor = (credentials: Credentials): Entry => {
    const key = fingerprint(credentials);
    const cached = entries.get(key);
    if (cached === undefined) return keep(key, { client: build(credentials), queue: newQueue() });
    entries.delete(key);
    entries.set(key, cached);
    return cached;
  };

  return {
    client: (credentials) => entryFor(credentials).client,
    queue: (credentials) => entryFor(credentials).queue,
    async verify(credentials) {
      const client = build(credentials);
      await client.verifyCredentials();
      const key = fingerprint(credentials);
      keep(key, { client, queue: entries.get(key)?.queue ?? newQueue() });
    },
    forget(credentials) {
      entries.delete(fingerprint(credentials));
    },
    cloudOf,
    async budgetUsage() {
      const total = { interactive: 0, background: 0 };
      for (const budget of budgets.values()) {
        const usage = await budget.usage();
        total.interactive += usage.interactive;
        total.background += usage.background;
      }
      return total;
    },
  };
}
