import { z } from 'zod';

/**
 * What an outbox row tells: an alert, its recovery, a flapping or an unknown location, a reminder
 * of an open alert, or a person's daily digest.
 */
export const OUTBOX_KINDS = ['firing', 'resolved', 'flapping', 'unknown', 'reminder', 'digest'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

const named = z.object({ id: z.string(), name: z.string() });

/**
 * An outbox row's content: the analytics decision as it was made and the names to show (as Plume
 * gave them when the watch was made). Rendered when sent, so a row stays plain data.
 */
export const decisionBodySchema = z.object({
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
  /** On a reminder: which one it is (1, 2…), of `reminderMax`. */
  reminder: z.number().int().positive().optional(),
  reminderMax: z.number().int().positive().optional(),
});
export type DecisionBody = z.infer<typeof decisionBodySchema>;

/** A daily digest: the analysis (`analyzeDigest`'s result, plain JSON) and the zone it is shown in. */
export const digestBodySchema = z.object({
  digest: z.looseObject({
    from: z.string(),
    to: z.string(),
    openIncidents: z.array(z.unknown()),
    flapping: z.array(z.unknown()),
    unknown: z.array(z.unknown()),
    outages: z.array(z.unknown()),
    availability: z.array(z.unknown()),
  }),
  timeZone: z.string(),
});
export type DigestBody = z.infer<typeof digestBodySchema>;

/** An outbox row's content: a decision's (alerts, recoveries, reminders…) or a digest's. */
export const outboxBodySchema = z.union([decisionBodySchema, digestBodySchema]);
export type OutboxBody = z.infer<typeof outboxBodySchema>;
