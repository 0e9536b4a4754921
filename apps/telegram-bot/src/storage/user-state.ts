import { z } from 'zod';

/** A location a user can act on, with enough to fetch it and to name it. */
export const locationRefSchema = z.object({
  customerId: z.string().min(1).max(200),
  locationId: z.string().min(1).max(200),
  name: z.string().max(200),
});
export type LocationRef = z.infer<typeof locationRefSchema>;

/** What a button points at; buttons carry a small number, the user's state maps it to this. */
export const refSchema = z.discriminatedUnion('kind', [
  locationRefSchema.extend({ kind: z.literal('location') }),
  z.object({ kind: z.literal('customer'), customerId: z.string().min(1).max(200), name: z.string().max(200) }),
]);
export type Ref = z.infer<typeof refSchema>;

/**
 * A workspace's Plume credentials; the cloud URLs only when they differ from the bot's defaults.
 * They belong to the workspace (see storage/team-store.ts), never to a person's state.
 */
export const credentialsSchema = z.object({
  authorization: z.string().min(1),
  partnerId: z.string().min(1),
  ssoUrl: z.string().optional(),
  apiBase: z.string().optional(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** The answers of a /setup in progress: any of the credentials' fields, each possibly missing. */
export const credentialsDraftSchema = credentialsSchema.partial();
export type CredentialsDraft = z.infer<typeof credentialsDraftSchema>;

export const SETUP_STEPS = ['authorization', 'partnerId', 'cloud', 'ssoUrl', 'apiBase'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** The typed answers of /settings (reminders are a button). */
export const SETTINGS_STEPS = ['timeZone', 'quietHours', 'digestHour'] as const;
export type SettingsStep = (typeof SETTINGS_STEPS)[number];

/** The question the bot is waiting for an answer to, and in which chat. */
export const dialogSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setup'), step: z.enum(SETUP_STEPS), chatId: z.number() }),
  z.object({ kind: z.literal('locations'), chatId: z.number() }),
  z.object({ kind: z.literal('settings'), step: z.enum(SETTINGS_STEPS), chatId: z.number() }),
  // The plan speed of the monitored location `monitoredId` (from /watches).
  z.object({ kind: z.literal('planSpeed'), monitoredId: z.number().int().positive(), chatId: z.number() }),
]);
export type Dialog = z.infer<typeof dialogSchema>;

/** The part of a user's state that is stored in clear. */
export const publicStateSchema = z.object({
  selection: locationRefSchema.optional(),
  recent: z.array(locationRefSchema).default([]),
  refs: z
    .object({ next: z.number().int().nonnegative(), items: z.array(z.tuple([z.number().int(), refSchema])) })
    .default({ next: 0, items: [] }),
  dialog: dialogSchema.optional(),
});
export type PublicState = z.infer<typeof publicStateSchema>;

/**
 * The part of a user's state that is only ever stored encrypted. (Credentials stored here by an
 * older bot are moved to the person's workspace when the database opens: legacy-credentials.ts.)
 */
export const secretStateSchema = z.object({
  /** Answers of a /setup in progress, kept until verified or cancelled. */
  draft: credentialsDraftSchema.optional(),
});
export type SecretState = z.infer<typeof secretStateSchema>;

/** Everything the bot remembers about one Telegram user. */
export type UserState = PublicState & SecretState;

/** A user the bot knows nothing about. */
export function emptyUserState(): UserState {
  return { recent: [], refs: { next: 0, items: [] } };
}

/** Splits a state into what may be stored in clear and what must be encrypted. */
export function splitUserState(state: UserState): { publicPart: PublicState; secretPart: SecretState } {
  const { draft, ...publicPart } = state;
  return { publicPart, secretPart: { draft } };
}
