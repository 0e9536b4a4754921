import type { CustomerSpec } from './dataset/customers';
import type { Dataset, LocatedLocation } from './dataset/dataset';
import { onlineStatsQueryError } from './dataset/series';
import { groupCustomers, nodeBySerial } from './fleet-handlers';
import { apiError, type SimResponse } from './responses';
import type { RouteName } from './types';

/** What an API or Reports handler gets: decoded path parameters, the query and the caller's partner. */
export interface HandlerContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly partnerId: string;
  readonly dataset: Dataset;
}

const SEARCH_FIELDS = ['accountId', 'email', 'name', 'locationId'] as const;

function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

/** The caller's customer, or the 404/403 LoopBack error. */
function findCustomer(ctx: HandlerContext): CustomerSpec | SimResponse {
  const id = ctx.params.customerId ?? '';
  const customer = ctx.dataset.customer(id);
  if (!customer) return apiError(404, `Unknown "Customer" id "${id}".`);
  if (customer.partnerId !== ctx.partnerId) return apiError(403, 'Customer belongs to another partner.');
  return customer;
}

function findLocation(ctx: HandlerContext): LocatedLocation | SimResponse {
  const customer = findCustomer(ctx);
  if ('status' in customer) return customer;
  const id = ctx.params.locationId ?? '';
  return ctx.dataset.location(customer, id) ?? apiError(404, `Unknown "Location" id "${id}".`);
}

function flag(query: URLSearchParams, name: string): boolean {
  return query.get(name)?.toLowerCase() !== 'false';
}

/** `GET Partners/customers/search/{value}?field=&exactMatch=&startsWith=` (both flags default true). */
function search(ctx: HandlerContext): SimResponse {
  const field = ctx.query.get('field');
  if (!SEARCH_FIELDS.includes(field as (typeof SEARCH_FIELDS)[number])) {
    return apiError(400, `field must be one of ${SEARCH_FIELDS.join(', ')}`);
  }
  const wanted = (ctx.params.value ?? '').toLowerCase();
  const exact = flag(ctx.query, 'exactMatch');
  const prefix = flag(ctx.query, 'startsWith');
  const matches = (candidate: string): boolean => {
    const value = candidate.toLowerCase();
    if (exact) return value === wanted;
    return prefix ? value.startsWith(wanted) : value.includes(wanted);
  };
  const found = ctx.dataset.customersOf(ctx.partnerId).flatMap((customer) => {
    const locations = ctx.dataset.locationsOf(customer).map(({ location }) => ({ id: location.id }));
    const candidates =
      field === 'locationId'
        ? locations.map((location) => location.id)
        : [customer[field as 'accountId' | 'email' | 'name']];
    if (!candidates.some(matches)) return [];
    return [{ id: customer.id, accountId: customer.accountId, name: customer.name, email: customer.email, locations }];
  });
  return ok(found);
}

function withLocation(ctx: HandlerContext, answer: (located: LocatedLocation) => SimResponse): SimResponse {
  const located = findLocation(ctx);
  return 'status' in located ? located : answer(located);
}

/** Answers an API or Reports route (the token route is the issuer's). */
export function handle(route: Exclude<RouteName, 'token'>, ctx: HandlerContext): SimResponse {
  const { dataset } = ctx;
  switch (route) {
    case 'customers.search':
      return search(ctx);
    case 'customers.get': {
      const customer = findCustomer(ctx);
      return 'status' in customer ? customer : ok(dataset.customerBody(customer));
    }
    case 'locations.list': {
      const customer = findCustomer(ctx);
      return 'status' in customer
        ? customer
        : ok(dataset.locationsOf(customer).map((entry) => dataset.locationBody(entry)));
    }
    case 'locations.get':
      return withLocation(ctx, (located) => ok(dataset.locationBody(located)));
    case 'nodes.list':
      return withLocation(ctx, (located) => ok(dataset.nodesBody(located)));
    case 'locations.alerts':
      return withLocation(ctx, (located) => ok(dataset.alertsBody(located)));
    case 'partners.customers':
      return groupCustomers(ctx);
    case 'nodes.bySerial':
      return nodeBySerial(ctx);
    case 'wifiNetworks.list':
      return withLocation(ctx, (located) => ok(dataset.wifiNetworksBody(located)));
    case 'reports.wanStats':
      return withLocation(ctx, (located) => {
        const period = ctx.query.get('period') ?? 'daily';
        if (period !== 'daily') return apiError(400, 'period must be "daily"');
        return ok(dataset.wanStatsBody(located));
      });
    case 'reports.onlineStats':
      return withLocation(ctx, (located) => {
        const granularity = ctx.query.get('granularity');
        const problem = onlineStatsQueryError(granularity, ctx.query.get('limit'));
        if (problem) return apiError(400, problem);
        return ok(dataset.onlineStatsBody(located, granularity as 'hours' | 'days', Number(ctx.query.get('limit'))));
      });
  }
}
