import { Composer, Markup } from 'telegraf';
import { message } from 'telegraf/filters';
import type { z } from 'zod';
import { setupCloudData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { describeSetupFailure } from '../errors/describe-error';
import { authorizationHeaderSchema, cloudUrlSchema, partnerIdSchema, reasonOf } from '../input/setup-answers';
import { answerPress } from '../replies';
import type { Credentials, CredentialsDraft, SetupStep, UserState } from '../storage/user-state';

const ASK: Record<SetupStep, string> = {
  authorization:
    'Step 1 of 2: send me your Plume authorization header, the whole value from the Plume Portal, e.g.\nBasic dXNlcm5hbWU6cGFzc3dvcmQ=\n\nI delete your message as soon as I have read it. /cancel stops the setup at any time.',
  partnerId: 'Step 2 of 2: send your Plume Partner ID (24 hexadecimal digits, e.g. 64a1f2c3d4e5f60718293a4b).',
  cloud:
    'Is your partner account on the public Plume cloud, or on another Plume cloud (its own token URL and API base)?',
  ssoUrl: 'Send your token URL, e.g. https://external.sso.plume.com/oauth2/<your-cloud-id>/v1/token',
  apiBase: 'Send your API base, e.g. https://piranha-gamma.prod.us-west-2.aws.plumenet.io/api/',
};

const cloudKeyboard = Markup.inlineKeyboard([
  [Markup.button.callback('Public Plume cloud: check now', setupCloudData.pack({ cloud: 'default' }))],
  [Markup.button.callback('Another Plume cloud', setupCloudData.pack({ cloud: 'custom' }))],
]);

/** Sets the next step; `draft` holds the answers so far (stored encrypted). */
const toStep =
  (step: SetupStep, chatId: number, draft: CredentialsDraft) =>
  (s: UserState): UserState => ({
    ...s,
    dialog: { kind: 'setup', step, chatId },
    draft,
  });

const endSetup = ({ dialog: _dialog, draft: _draft, ...rest }: UserState): UserState => rest;

async function ask(ctx: BotContext, step: SetupStep): Promise<void> {
  await ctx.reply(ASK[step], step === 'cloud' ? cloudKeyboard : undefined);
}

/** Verifies the draft with Plume; saves it for the workspace only on success. Nothing of a failed attempt is kept. */
async function verifyAndSave(ctx: BotContext, userId: number, draft: CredentialsDraft): Promise<void> {
  const { store, team, plume } = ctx.services;
  if (draft.authorization === undefined || draft.partnerId === undefined) {
    await store.update(userId, endSetup);
    await ctx.reply('This setup lost its answers. Please run /setup again.');
    return;
  }
  const credentials: Credentials = {
    authorization: draft.authorization,
    partnerId: draft.partnerId,
    ssoUrl: draft.ssoUrl,
    apiBase: draft.apiBase,
  };
  await ctx.reply('Checking these credentials with Plume…');
  const membership = await team.membership(userId);
  if (membership !== null && membership.role !== 'admin') {
    await store.update(userId, endSetup);
    await ctx.reply(ADMIN_ONLY);
    return;
  }
  const before = membership === null ? null : await team.credentials(membership.workspaceId);
  if (before !== null) plume.forget(before);
  try {
    await plume.verify(credentials);
  } catch (error) {
    await store.update(userId, endSetup);
    await ctx.reply(`❌ ${describeSetupFailure(error)}\n\nNothing was saved. Run /setup to try again.`);
    return;
  }
  const saved = await team.saveCredentials(userId, credentials);
  await team.audit({
    workspaceId: saved.workspaceId,
    actorId: userId,
    action: 'credentials.changed',
    detail: saved.created ? 'new workspace' : 'replaced',
  });
  await store.update(userId, endSetup);
  await ctx.reply(
    '✅ Connected: Plume accepted these credentials, and I stored them encrypted.\n\nNext: find a customer and pick a location with /locations.',
  );
}

/** How each typed answer is checked, where it goes in the draft, and what comes next. */
interface StepSpec {
  parse: (text: string) => z.ZodSafeParseResult<string>;
  field: keyof Credentials;
  next: SetupStep | 'verify';
}
const STEPS: Partial<Record<SetupStep, StepSpec>> = {
  authorization: { parse: (t) => authorizationHeaderSchema.safeParse(t), field: 'authorization', next: 'partnerId' },
  partnerId: { parse: (t) => partnerIdSchema.safeParse(t), field: 'partnerId', next: 'cloud' },
  ssoUrl: { parse: (t) => cloudUrlSchema.safeParse(t), field: 'ssoUrl', next: 'apiBase' },
  apiBase: { parse: (t) => cloudUrlSchema.safeParse(t), field: 'apiBase', next: 'verify' },
};

const DELETED = 'I deleted your message so the header does not stay in this chat.';
const ADMIN_ONLY =
  "Your workspace's Plume credentials are managed by its admins: ask one of them. (To work with your own credentials instead, /leave this workspace first.)";

/**
 * /setup: the authorization header, the Partner ID, optionally another cloud; verified, then saved
 * as the workspace's credentials. Whoever runs it outside a workspace becomes the admin of a
 * one-person workspace; inside one, only its admins may.
 */
export function setupFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('setup', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      await ctx.reply(
        `For your safety, /setup only works in a private chat: your authorization header must never be posted in a group. Message me directly: https://t.me/${ctx.botInfo.username}`,
      );
      return;
    }
    const membership = await ctx.services.team.membership(ctx.from.id);
    if (membership !== null && membership.role !== 'admin') return void (await ctx.reply(ADMIN_ONLY));
    await ctx.services.store.update(ctx.from.id, toStep('authorization', ctx.chat.id, {}));
    await ask(ctx, 'authorization');
  });

  feature.on(message('text'), async (ctx, next) => {
    const { dialog, draft = {} } = await ctx.services.store.get(ctx.from.id);
    if (dialog?.kind !== 'setup' || dialog.chatId !== ctx.chat.id || ctx.message.text.startsWith('/')) return next();
    const holdsHeader = dialog.step === 'authorization';
    if (holdsHeader)
      await ctx
        .deleteMessage()
        .catch((err: unknown) => ctx.services.logger.warn({ err }, 'Could not delete a message holding a header'));
    const spec = STEPS[dialog.step];
    if (spec === undefined) return void (await ctx.reply('Please press one of the buttons above, or /cancel.'));
    const answer = spec.parse(ctx.message.text);
    if (!answer.success) {
      return void (await ctx.reply(
        `${holdsHeader ? `${DELETED} ` : ''}${reasonOf(answer.error)}\n\nPlease send it again, or /cancel.`,
      ));
    }
    const filled = { ...draft, [spec.field]: answer.data };
    if (spec.next === 'verify') return verifyAndSave(ctx, ctx.from.id, filled);
    await ctx.services.store.update(ctx.from.id, toStep(spec.next, ctx.chat.id, filled));
    if (holdsHeader) await ctx.reply(`Got it. ${DELETED}`);
    await ask(ctx, spec.next);
  });

  feature.action(setupCloudData.filter(), async (ctx) => {
    const choice = setupCloudData.unpack(callbackDataOf(ctx));
    const state = await ctx.services.store.get(ctx.from.id);
    if (choice === undefined || state.dialog?.kind !== 'setup' || state.dialog.step !== 'cloud') {
      await ctx.answerCbQuery('This setup is over. Run /setup to start again.', { show_alert: true });
      return;
    }
    await answerPress(ctx); // resumed after a restart, the press may be too old to answer
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    if (choice.cloud === 'default') {
      await verifyAndSave(ctx, ctx.from.id, state.draft ?? {});
      return;
    }
    await ctx.services.store.update(ctx.from.id, toStep('ssoUrl', state.dialog.chatId, state.draft ?? {}));
    await ask(ctx, 'ssoUrl');
  });

  return feature;
}
