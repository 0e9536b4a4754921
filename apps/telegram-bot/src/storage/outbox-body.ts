import { z } from 'zod';

/** What an outbox row tells: an alert, its recovery, a flapping or an unknown location. */
export const OUTBOX_KINDS = ['firing', 'resolved', 'flapping', 'unknown'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

const named = z.object({ id: z.string(), name: z.string() });

/**
 * An outbox row's content: the analytics decision as it was made and the names to show (as Plume
 * gave them when the watch was made). Rendered when sent, so a row stays plain data.
 */
export const outboxBodySchema = z.object({
  decision: z.looseObject({
    kind: z.enum(['firing', 'resolved', 'flapping', 'settled', 'unknown']),
    key: z.string(),
    condition: z.string(),
    since: z.string(),
    at: z.string(),
  }),
  location: named.optional(),
  customer: named.optional(),
  /** The monitored location, for the alert's buttons. */
  monitoredId: z.number().int().optional(),
});
export type OutboxBody = z.infer<typeof outboxBodySchema>;
