import { z } from 'zod';
import { speedTestSchema, type SpeedTest } from './speed-test';
import { optional, optionalId, optionalNumber, optionalString } from './wire';

/** A location (`GET Customers/{customerId}/locations/{locationId}`, and each item of the list). */
export interface Location {
  /** Location id (24 hex characters). */
  readonly id: string;
  /** Display name; the first location is usually "Home". */
  readonly name?: string | undefined;
  /** The owning customer's id. */
  readonly customerId?: string | undefined;
  /** The owning customer's CRM id. */
  readonly accountId?: string | undefined;
  /** The owning partner. */
  readonly partnerId?: string | undefined;
  /** `auto` (HomePass) or `smallbusiness` (WorkPass). */
  readonly profile?: string | undefined;
  /**
   * The service level. `status` is `fullService` when full; Plume also sends `{}` or nothing,
   * which the SDK reports as `{ status: undefined }` or `undefined`.
   */
  readonly serviceLevel?: { readonly status?: string | undefined } | undefined;
  /** The location's own online state, e.g. `{ status: 'online' }`. */
  readonly networkStatus?:
    | {
        readonly status?: string | undefined;
        readonly statusChangedAt?: string | undefined;
        /** Seconds the previous status lasted. */
        readonly durationOfPreviousStatus?: number | undefined;
      }
    | undefined;
  /** A speed test embedded in the location (rare; the gateway node's is preferred). */
  readonly speedTest?: SpeedTest | undefined;
  /** ISO-8601 creation time. */
  readonly createdAt?: string | undefined;
  /** ISO-8601 time of the last change. */
  readonly updatedAt?: string | undefined;
}

export const locationSchema: z.ZodType<Location> = z.object({
  id: z.string(),
  name: optionalString,
  customerId: optionalString,
  accountId: optionalId,
  partnerId: optionalString,
  profile: optionalString,
  serviceLevel: optional(z.object({ status: optionalString })),
  networkStatus: optional(
    z.object({ status: optionalString, statusChangedAt: optionalString, durationOfPreviousStatus: optionalNumber }),
  ),
  speedTest: optional(speedTestSchema),
  createdAt: optionalString,
  updatedAt: optionalString,
});

export const locationListSchema: z.ZodType<Location[]> = z.array(locationSchema);
