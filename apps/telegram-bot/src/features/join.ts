import type { BotContext } from '../context';
import { echo } from '../security/bidi';
import { displayName } from '../team/display-name';
import { hashInviteToken, INVITE_TOKEN_PATTERN } from '../team/invite-token';
import { ROLE_DESCRIPTIONS } from '../team/roles';

/** The one answer to a forged, used, revoked or expired invite (they are not told apart). */
export const INVITE_REFUSED =
  'This invite link cannot be used: it is unknown, expired, already used or revoked. Ask an admin of the workspace for a new one.';
/** Refused invites a person may open in {@link FAILURE_WINDOW_MS} before being refused outright. */
export const MAX_INVITE_FAILURES = 5;
const FAILURE_WINDOW_MS = 60 * 60 * 1000;
const TOO_MANY =
  'Too many invite links that could not be used: try again in an hour, with a fresh link from an admin of the workspace.';

/**
 * `/start <token>` from an invite link: joins the invite's workspace with its role, once. A
 * forged, used, revoked or expired token gets {@link INVITE_REFUSED} and nothing else, and is noted
 * and logged; after {@link MAX_INVITE_FAILURES} of them in an hour the person is refused without a
 * lookup (guessing tokens gets nowhere). Someone already in a workspace keeps the invite unused.
 */
export async function joinWithInvite(ctx: BotContext, payload: string): Promise<void> {
  const userId = ctx.from?.id ?? 0;
  const { team, logger, clock } = ctx.services;
  const now = clock();
  if ((await team.inviteFailures(userId, now - FAILURE_WINDOW_MS)) >= MAX_INVITE_FAILURES) {
    logger.warn({ userId }, 'Refused an invite attempt: too many refused invites in the last hour.');
    await ctx.reply(TOO_MANY);
    return;
  }
  const redeemed = INVITE_TOKEN_PATTERN.test(payload)
    ? await team.redeemInvite(hashInviteToken(payload), userId, now)
    : ({ outcome: 'unknown' } as const);
  if (redeemed.outcome === 'joined') {
    logger.info(
      { userId, workspaceId: redeemed.workspaceId, inviteId: redeemed.inviteId, role: redeemed.role },
      'Joined a workspace by invite.',
    );
    const name = ctx.from === undefined ? undefined : displayName(ctx.from);
    await team.noteActivity(userId, name);
    await team.audit({
      workspaceId: redeemed.workspaceId,
      actorId: userId,
      action: 'member.joined',
      subjectId: redeemed.createdBy,
      detail: `${redeemed.role}, invite #${redeemed.inviteId}`,
    });
    await ctx.reply(
      `Welcome! You joined the workspace as ${redeemed.role} (${ROLE_DESCRIPTIONS[redeemed.role]}).\n\nNext: find a customer and pick a location with /locations.`,
    );
    await ctx.telegram
      .sendMessage(
        redeemed.createdBy,
        `${name === undefined ? 'User' : echo(name)} (Telegram id ${userId}) joined your workspace as ${redeemed.role} with your invite.`,
      )
      .catch((err: unknown) => logger.debug({ err }, 'Could not tell the inviter'));
    return;
  }
  if (redeemed.outcome === 'member') {
    await ctx.reply(
      'You are already in a workspace, so I kept this invite unused. To join another one, /leave yours first, then open the link again.',
    );
    return;
  }
  await team.noteInviteFailure(userId, now);
  logger.warn({ userId, outcome: redeemed.outcome }, 'Refused an invite.');
  await ctx.reply(INVITE_REFUSED);
}
