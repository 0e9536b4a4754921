import { z } from 'zod';
import { list, optionalBoolean, optionalId, optionalString } from './wire';

/** A customer (`GET Customers/{customerId}`). */
export interface Customer {
  /** Plume customer id (24 hex characters). */
  readonly id: string;
  /** The partner's own CRM id for the customer. */
  readonly accountId?: string | undefined;
  /** The customer's name, as the partner entered it. */
  readonly name?: string | undefined;
  /** The customer's email address. */
  readonly email?: string | undefined;
  /** The owning partner. */
  readonly partnerId?: string | undefined;
  /** Whether the customer confirmed the email address. */
  readonly emailVerified?: boolean | undefined;
  /** ISO-8601 creation time. */
  readonly createdAt?: string | undefined;
}

/** A hit of `customers.search`: the customer and the ids of its locations. */
export interface CustomerSearchResult {
  /** Plume customer id. */
  readonly id: string;
  /** The partner's own CRM id for the customer. */
  readonly accountId?: string | undefined;
  /** The customer's name. */
  readonly name?: string | undefined;
  /** The customer's email address. */
  readonly email?: string | undefined;
  /** The customer's locations (ids only); `[]` when the response has none. */
  readonly locations: readonly { readonly id: string }[];
}

/** The field `customers.search` matches on. */
export type CustomerSearchField = 'accountId' | 'email' | 'name' | 'locationId';

export const customerSchema: z.ZodType<Customer> = z.object({
  id: z.string(),
  accountId: optionalId,
  name: optionalString,
  email: optionalString,
  partnerId: optionalString,
  emailVerified: optionalBoolean,
  createdAt: optionalString,
});

export const customerSearchSchema: z.ZodType<CustomerSearchResult[]> = z.array(
  z.object({
    id: z.string(),
    accountId: optionalId,
    name: optionalString,
    email: optionalString,
    locations: list(z.object({ id: z.string() })),
  }),
);
