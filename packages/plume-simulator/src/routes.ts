import type { RouteName } from './types';

/** A route template: literal segments match case-insensitively (LoopBack does), `:name` captures one segment. */
interface RouteTemplate {
  readonly route: RouteName;
  readonly method: 'GET' | 'POST';
  readonly segments: readonly string[];
}

const TEMPLATES: readonly RouteTemplate[] = [
  { route: 'token', method: 'POST', segments: ['oauth2', ':authServerId', 'v1', 'token'] },
  { route: 'customers.search', method: 'GET', segments: ['api', 'Partners', 'customers', 'search', ':value'] },
  { route: 'customers.get', method: 'GET', segments: ['api', 'Customers', ':customerId'] },
  { route: 'locations.list', method: 'GET', segments: ['api', 'Customers', ':customerId', 'locations'] },
  { route: 'locations.get', method: 'GET', segments: ['api', 'Customers', ':customerId', 'locations', ':locationId'] },
  {
    route: 'nodes.list',
    method: 'GET',
    segments: ['api', 'Customers', ':customerId', 'locations', ':locationId', 'nodes'],
  },
  {
    route: 'wifiNetworks.list',
    method: 'GET',
    segments: ['api', 'Customers', ':customerId', 'locations', ':locationId', 'wifiNetworks'],
  },
  {
    route: 'locations.alerts',
    method: 'GET',
    segments: ['api', 'Customers', ':customerId', 'locations', ':locationId', 'alerts'],
  },
  { route: 'partners.customers', method: 'GET', segments: ['api', 'Groups', ':partnerId', 'customers'] },
  { route: 'nodes.bySerial', method: 'GET', segments: ['api', 'Partners', 'nodes', ':serial'] },
  {
    route: 'reports.wanStats',
    method: 'GET',
    segments: ['reports', 'Customers', ':customerId', 'locations', ':locationId', 'wanStats'],
  },
  {
    route: 'reports.onlineStats',
    method: 'GET',
    segments: ['reports', 'Customers', ':customerId', 'locations', ':locationId', 'onlineStats'],
  },
];

/** A matched route with its decoded path parameters. */
export interface RouteMatch {
  readonly route: RouteName;
  readonly params: Record<string, string>;
}

/** The outcome of matching a request path. */
export type MatchResult =
  | { readonly kind: 'match'; readonly match: RouteMatch }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'bad-encoding' };

function matchTemplate(template: RouteTemplate, segments: readonly string[]): Record<string, string> | undefined {
  if (template.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const expected = template.segments[i] as string;
    const actual = segments[i] as string;
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      params[expected.slice(1)] = actual;
    } else if (expected.toLowerCase() !== actual.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}

/**
 * Matches a raw (still percent-encoded) path such as `/api/Customers/a%2Fb/locations`. Each
 * segment is decoded on its own, so an encoded `/` stays inside its parameter.
 */
export function matchRoute(method: string, rawPath: string): MatchResult {
  let segments: string[];
  try {
    segments = rawPath.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return { kind: 'bad-encoding' };
  }
  for (const template of TEMPLATES) {
    if (template.method !== method) continue;
    const params = matchTemplate(template, segments);
    if (params) return { kind: 'match', match: { route: template.route, params } };
  }
  return { kind: 'unknown' };
}

/** Every route name, for validating fault targets. */
export const ROUTE_NAMES: ReadonlySet<string> = new Set(TEMPLATES.map((template) => template.route));
