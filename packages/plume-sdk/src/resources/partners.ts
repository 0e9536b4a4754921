import type { CallOptions } from '../client-options';
import { PlumeArgumentError } from '../errors';
import { defineGet } from '../http/endpoint';
import type { Transport } from '../http/transport';
import { partnerCustomerPageSchema, type PartnerCustomer } from '../models/fleet';

const PAGE = defineGet('api', 'Groups/{partnerId}/customers', partnerCustomerPageSchema);
/** Plume pages this list by at most 500. */
const MAX_PAGE = 500;

/** Options of {@link PartnersApi.customers}. */
export interface PartnerCustomersOptions extends CallOptions {
  /** Customers per request, 1 to 500. @default 500 */
  readonly pageSize?: number;
}

/**
 * The partner's customers, fetched one page at a time as a `for await` loop asks for them: a loop
 * that stops early (`break`) fetches no further pages.
 */
export interface PartnerCustomers extends AsyncIterable<PartnerCustomer> {
  /**
   * Collects the customers into an array, fetching only the pages needed for `limit`.
   *
   * @example
   * ```ts
   * const first100 = await client.partners.customers(partnerId).toArray({ limit: 100 });
   * ```
   * @throws {PlumeArgumentError} for a `limit` that is not a whole number ≥ 0; other {@link PlumeError}s as for any call.
   */
  toArray(options?: { readonly limit?: number }): Promise<PartnerCustomer[]>;
}

/** `client.partners`: partner-wide lists. */
export interface PartnersApi {
  /**
   * Every customer of a partner (`GET Groups/{partnerId}/customers?filter={"offset":N,"limit":500}`),
   * as an async iterable: each page is requested when the loop reaches it; paging stops at the
   * first page shorter than `pageSize`.
   *
   * @example
   * ```ts
   * for await (const customer of client.partners.customers(partnerId, { priority: 'background' })) {
   *   console.log(customer.id, customer.locationIds.length);
   * }
   * ```
   * @throws {PlumeArgumentError} (when iterated) for a `pageSize` outside 1–500; other {@link PlumeError}s as for any call.
   */
  customers(partnerId: string, options?: PartnerCustomersOptions): PartnerCustomers;
}

async function* pages(
  transport: Transport,
  partnerId: string,
  options: PartnerCustomersOptions | undefined,
): AsyncGenerator<PartnerCustomer> {
  const limit = options?.pageSize ?? MAX_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new PlumeArgumentError(
      `options.pageSize must be a whole number from 1 to ${MAX_PAGE} (${PAGE.label}).`,
      PAGE.label,
    );
  }
  for (let offset = 0; ; offset += limit) {
    const page = await transport.get(PAGE, [partnerId], options, { filter: JSON.stringify({ offset, limit }) });
    yield* page;
    if (page.length < limit) return;
  }
}

export function createPartnersApi(transport: Transport): PartnersApi {
  return {
    customers(partnerId, options) {
      return {
        [Symbol.asyncIterator]: () => pages(transport, partnerId, options),
        async toArray(collect) {
          const max = collect?.limit ?? Number.POSITIVE_INFINITY;
          if (max !== Number.POSITIVE_INFINITY && (!Number.isInteger(max) || max < 0)) {
            throw new PlumeArgumentError(`toArray({ limit }) needs a whole number ≥ 0 (${PAGE.label}).`, PAGE.label);
          }
          const found: PartnerCustomer[] = [];
          if (max === 0) return found;
          for await (const customer of pages(transport, partnerId, options)) {
            found.push(customer);
            if (found.length >= max) break;
          }
          return found;
        },
      };
    },
  };
}
