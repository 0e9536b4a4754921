import type { HandlerContext } from './handlers';
import { apiError, type SimResponse } from './responses';

const PAGE_LIMIT_MAX = 500;

/** Reads `filter={"offset":N,"limit":M}` (LoopBack style); a message when it is unusable. */
function pageFilter(raw: string | null): { offset: number; limit: number } | string {
  if (raw === null) return { offset: 0, limit: PAGE_LIMIT_MAX };
  let filter: unknown;
  try {
    filter = JSON.parse(raw);
  } catch {
    return 'filter must be JSON, e.g. {"offset":0,"limit":500}';
  }
  if (typeof filter !== 'object' || filter === null) return 'filter must be a JSON object';
  const { offset = 0, limit = PAGE_LIMIT_MAX } = filter as { offset?: unknown; limit?: unknown };
  if (!Number.isInteger(offset) || (offset as number) < 0) return 'filter.offset must be an integer ≥ 0';
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > PAGE_LIMIT_MAX) {
    return `filter.limit must be an integer from 1 to ${PAGE_LIMIT_MAX}`;
  }
  return { offset: offset as number, limit: limit as number };
}

/** `GET Groups/{partnerId}/customers?filter={"offset":N,"limit":M}`: one page of the partner's customers. */
export function groupCustomers(ctx: HandlerContext): SimResponse {
  const partnerId = ctx.params.partnerId ?? '';
  if (partnerId !== ctx.partnerId) return apiError(403, 'The group belongs to another partner.');
  const page = pageFilter(ctx.query.get('filter'));
  if (typeof page === 'string') return apiError(400, page);
  return { status: 200, body: ctx.dataset.groupCustomersBody(partnerId, page.offset, page.limit) };
}

/** `GET Partners/nodes/{serial}`: the customer and location of a claimed node. */
export function nodeBySerial(ctx: HandlerContext): SimResponse {
  const serial = ctx.params.serial ?? '';
  const found = ctx.dataset.nodeLookup(serial);
  if (!found) return apiError(404, `Unknown "Node" id "${serial}".`);
  if (found.customer.partnerId !== ctx.partnerId) return apiError(403, 'No right to access the node.');
  return { status: 200, body: found.body };
}
