import { isPlumeError, type PlumeClient } from '@org/plume-sdk';
import type { CustomerQuery } from '../input/customer-query';

/** A customer found by /locations. */
export interface CustomerMatch {
  readonly id: string;
  readonly name?: string | undefined;
  readonly email?: string | undefined;
  readonly accountId?: string | undefined;
}

/** Plume answers "nothing" in several ways: an empty list, a 404, or an id it refuses to look up. */
async function orNone<T>(lookup: Promise<T[]>): Promise<T[]> {
  try {
    return await lookup;
  } catch (error) {
    if (isPlumeError(error) && (error.code === 'not_found' || error.code === 'invalid_argument')) return [];
    throw error;
  }
}

/**
 * Finds customers the way a person describes them: a 24-hex value is a customer id (or, failing
 * that, a location id); an email is searched as an email; anything else as an account id, then
 * (when it could be one) as a pod serial number, giving the customer the pod is claimed by, then as
 * the start of a name. Every call is cancelled when `signal` aborts.
 */
export async function findCustomers(
  client: PlumeClient,
  query: CustomerQuery,
  signal?: AbortSignal,
): Promise<CustomerMatch[]> {
  const options = signal === undefined ? {} : { signal };
  const search = (field: 'accountId' | 'email' | 'name' | 'locationId', exactMatch = true) =>
    orNone(client.customers.search(query.value, { field, exactMatch, ...options }));
  switch (query.kind) {
    case 'id': {
      const byId = await orNone(client.customers.get(query.value, options).then((customer) => [customer]));
      return byId.length > 0 ? byId : search('locationId');
    }
    case 'email':
      return search('email');
    case 'text': {
      const byAccount = await search('accountId');
      if (byAccount.length > 0) return byAccount;
      if (query.maybeSerial) {
        const bySerial = await orNone(
          client.nodes
            .bySerial(query.value, options)
            .then(async ({ customerId }) => [await client.customers.get(customerId, options)]),
        );
        if (bySerial.length > 0) return bySerial;
      }
      return search('name', false);
    }
  }
}
