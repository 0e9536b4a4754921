// Publish rehearsal: type-checks the public API as a consumer sees it (never run).
import {
  isPlumeError,
  MemoryTokenCache,
  PlumeClient,
  PlumeRateLimitError,
  type Location,
  type PlumeClientOptions,
  type PlumeEvent,
  type PlumeNode,
  type TokenCache,
  type VerifiedCredentials,
  type AnyPlumeError,
  isPlumeAuthError,
  type WanStats,
  MemoryBudgetStore,
  PlumeBudget,
  type LocationAlerts,
  type LocationStatus,
  type NodeLocation,
  type PartnerCustomer,
} from '@org/plume-sdk';

const tokenCache: TokenCache = new MemoryTokenCache();
const options: PlumeClientOptions = {
  authorization: { clientId: 'id', clientSecret: 'secret' },
  partnerId: 'eb0af9d0a7ab946dcb3b8ef5',
  retry: { limit: 3, maxTotalMs: 20_000 },
  rateLimit: { requestsPerSecond: 6 },
  tokenCache,
  onEvent: (event: PlumeEvent) => {
    if (event.type === 'retry') console.log(event.endpoint, event.attempt);
  },
};

export async function usage(): Promise<string | undefined> {
  const client = new PlumeClient(options);
  try {
    const verified: VerifiedCredentials = await client.verifyCredentials();
    if (verified.scope === undefined) return 'no scope';
  } catch (error) {
    if (isPlumeAuthError(error)) return error.hint;
    throw error;
  }
  const raw: unknown = await client.request({
    base: 'api',
    path: 'Customers/{customerId}',
    params: { customerId: 'c1' },
  });
  void raw;
  const [hit] = await client.customers.search('ada@example.com', { field: 'email' });
  if (!hit) return undefined;
  const locations: Location[] = await client.locations.list(hit.id, { signal: AbortSignal.timeout(5000) });
  const nodes: PlumeNode[] = await client.nodes.list(hit.id, locations[0]?.id ?? '');
  const wan: WanStats = await client.reports.wanStats(hit.id, locations[0]?.id ?? '', { period: 'daily' });
  const online = await client.reports.onlineStats(hit.id, locations[0]?.id ?? '', { granularity: 'hours', limit: 3 });
  try {
    await client.wifiNetworks.list(hit.id, locations[0]?.id ?? '');
  } catch (error) {
    if (error instanceof PlumeRateLimitError) return `wait ${error.retryAfterMs ?? 0} ms`;
    if (isPlumeError(error)) {
      const narrowed: AnyPlumeError = error;
      return narrowed.code === 'auth' ? narrowed.hint : `${narrowed.code} ${narrowed.endpoint ?? ''}`;
    }
  }
  const budget = new PlumeBudget({ backgroundShare: 0.8, store: new MemoryBudgetStore() });
  const watcher = new PlumeClient({ authorization: options.authorization, partnerId: options.partnerId, budget });
  const background = { priority: 'background' } as const;
  const statuses: LocationStatus[] = await watcher.customers.locations(hit.id, background);
  const alerts: LocationAlerts = await watcher.locations.alerts(hit.id, statuses[0]?.id ?? '', background);
  const where: NodeLocation = await client.nodes.bySerial('NP0102A5C0FFEE');
  const partners: PartnerCustomer[] = await watcher.partners
    .customers(options.partnerId, background)
    .toArray({ limit: 10 });
  for await (const customer of watcher.partners.customers(options.partnerId)) void customer.locationIds;
  const { background: used } = await budget.usage();
  void [alerts.nodes.length, where.locationId, partners.length, used];
  const speed = nodes.find((node) => node.speedTest?.gateway)?.speedTest;
  return `${nodes.filter((node) => node.connectionState === 'connected').length} ${wan.fifteenMins.length} ${online.locationState.length} ${speed?.download ?? 0}`;
}
