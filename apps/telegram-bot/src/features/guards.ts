import type { BotContext } from '../context';
import { recallRef } from '../storage/refs';
import type { Membership } from '../storage/team-store';
import type { Credentials, LocationRef, UserState } from '../storage/user-state';
import { displayName } from '../team/display-name';
import { allows, type Role } from '../team/roles';

/** A member allowed to act, with their workspace's credentials. */
export interface Ready {
  state: UserState;
  membership: Membership;
  credentials: Credentials;
}

const NOT_SET_UP = 'First connect your Plume partner account with /setup (in a private chat with me).';
const NO_CREDENTIALS =
  "Your workspace's Plume credentials cannot be read right now. An admin of your workspace can run /setup again.";
const notAllowed = (role: Role, needed: Role) =>
  `Your role in this workspace (${role}) does not allow this: it needs ${needed === 'admin' ? 'an admin' : `${needed} or admin`}.`;

const STALE = 'This button belongs to an old message I no longer remember. Send /status for a fresh report.';

/** Says `text` as an alert on a button press, or as a reply to a message. */
async function refuse(ctx: BotContext, text: string): Promise<undefined> {
  if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(text, { show_alert: true });
  else await ctx.reply(text);
  return undefined;
}

/**
 * The member and their workspace's credentials when their role allows `needed`, checked afresh on
 * every command and every button press (so a removal or a downgrade takes effect at once, on old
 * buttons too); otherwise undefined after saying why. Notes the member's activity.
 */
export async function requireMember(ctx: BotContext, needed: Role = 'viewer'): Promise<Ready | undefined> {
  const userId = ctx.from?.id ?? 0;
  const { store, team } = ctx.services;
  const membership = await team.membership(userId);
  if (membership === null) return refuse(ctx, NOT_SET_UP);
  if (!allows(membership.role, needed)) return refuse(ctx, notAllowed(membership.role, needed));
  const credentials = await team.credentials(membership.workspaceId);
  if (credentials === null) return refuse(ctx, NO_CREDENTIALS);
  // "Last activity" and the name are a courtesy for /team: never a reason to fail the request.
  await team
    .noteActivity(userId, ctx.from === undefined ? undefined : displayName(ctx.from))
    .catch((err: unknown) => ctx.services.logger.warn({ err, userId }, 'Could not note a member’s activity'));
  return { state: await store.get(userId), membership, credentials };
}

/** The user's credentials (any role), or undefined after telling them what's missing. */
export const requireCredentials = (ctx: BotContext) => requireMember(ctx, 'viewer');

/** The member's credentials and selected location, or undefined after saying what's missing. */
export async function requireSelection(ctx: BotContext): Promise<(Ready & { location: LocationRef }) | undefined> {
  const ready = await requireMember(ctx, 'viewer');
  if (ready === undefined) return undefined;
  if (ready.state.selection === undefined) {
    await ctx.reply('Pick a location first: /locations');
    return undefined;
  }
  return { ...ready, location: ready.state.selection };
}

/**
 * The location a pressed button was made for (its `ref`, unpacked from the callback data), or
 * undefined after answering the press: the button is another version's, or its target is forgotten.
 */
export async function pressedLocation(
  ctx: BotContext,
  state: UserState,
  ref: number | undefined,
): Promise<LocationRef | undefined> {
  const target = ref === undefined ? undefined : recallRef(state, ref);
  if (target?.kind === 'location') return target;
  await ctx.answerCbQuery(STALE, { show_alert: true });
  return undefined;
}
