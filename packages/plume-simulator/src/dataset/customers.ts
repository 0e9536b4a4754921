/**
 * The built-in customers. Ids are 24 hex characters like Plume's; every customer except `foreign`
 * belongs to the simulator's partner.
 */

/** The partner id the built-in credentials are scoped to. */
export const PARTNER_ID = '64a1f2c3d4e5f60718293a4b';

/** The partner that owns the `foreign` customer: calls for it answer 403. */
export const OTHER_PARTNER_ID = '64a1f2c3d4e5f60718293fff';

/** The keys of the built-in customers. */
export type CustomerKey = 'ada' | 'grace' | 'snake' | 'chain' | 'newbie' | 'foreign' | 'flaky';

/** A built-in customer. */
export interface CustomerSpec {
  readonly key: CustomerKey;
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly email: string;
  readonly partnerId: string;
  readonly createdAt: string;
}

export const CUSTOMERS: readonly CustomerSpec[] = [
  {
    key: 'ada',
    id: 'c0ffee000000000000000001',
    accountId: 'ACME-0001',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    partnerId: PARTNER_ID,
    createdAt: '2023-03-14T09:26:53.000Z',
  },
  {
    key: 'grace',
    id: 'c0ffee000000000000000002',
    accountId: 'ACME-0002',
    name: 'Grace Hopper',
    email: 'grace.hopper@example.com',
    partnerId: PARTNER_ID,
    createdAt: '2023-05-02T15:00:00.000Z',
  },
  {
    key: 'snake',
    id: 'c0ffee000000000000000003',
    accountId: 'ACME-0003',
    name: 'Snake_Case *Bold* [Co] <Ltd> & Sons 🐍',
    email: 'ops_team@snake-case.example',
    partnerId: PARTNER_ID,
    createdAt: '2024-01-08T08:00:00.000Z',
  },
  {
    key: 'chain',
    id: 'c0ffee000000000000000004',
    accountId: 'ACME-0004',
    name: 'Café Bäckerei Chain ☕',
    email: 'it@cafe-chain.example',
    partnerId: PARTNER_ID,
    createdAt: '2022-11-30T12:00:00.000Z',
  },
  {
    key: 'newbie',
    id: 'c0ffee000000000000000005',
    accountId: 'ACME-0005',
    name: 'Nora Newbie',
    email: 'nora@example.com',
    partnerId: PARTNER_ID,
    createdAt: '2025-05-31T18:00:00.000Z',
  },
  {
    key: 'foreign',
    id: 'c0ffee0000000000000000ff',
    accountId: 'OTHER-0001',
    name: 'Someone Else',
    email: 'someone@other.example',
    partnerId: OTHER_PARTNER_ID,
    createdAt: '2024-02-29T00:00:00.000Z',
  },
  {
    // Her line drops briefly every few minutes (the built-in scenario), so that alerts show up in a sandbox.
    key: 'flaky',
    id: 'c0ffee000000000000000006',
    accountId: 'FLAKY-0001',
    name: 'Fiona Flaky',
    email: 'fiona@flaky-fiber.example',
    partnerId: PARTNER_ID,
    createdAt: '2025-01-15T10:00:00.000Z',
  },
];

/** The customer object as `GET Customers/{id}` sends it, extra fields included. */
export function customerBody(customer: CustomerSpec): Record<string, unknown> {
  return {
    id: customer.id,
    accountId: customer.accountId,
    name: customer.name,
    email: customer.email,
    partnerId: customer.partnerId,
    emailVerified: customer.key !== 'newbie',
    createdAt: customer.createdAt,
    acceptLanguage: 'en-US',
    preferredLanguage: null,
    source: 'partner',
    termsAndPrivacy: { termsDocumentId: 1, privacyDocumentId: 1 },
  };
}
