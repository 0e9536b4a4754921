import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';
import { credentialNotice, findCredentialShape } from './credential-shapes';

/** What a user is told after a header they posted outside /setup's first step was deleted. */
export const HEADER_DELETED = credentialNotice('plume-header', true);

/** The message of the update, whoever posted it (a person, an anonymous admin, a channel), new or edited. */
export const postedMessage = (ctx: BotContext) =>
  ctx.message ?? ctx.editedMessage ?? ctx.channelPost ?? ctx.editedChannelPost;

/**
 * Deletes any message holding a secret (see {@link findCredentialShape}: a Plume authorization
 * header, its bare base64, a JWT, a bearer token, a bot token) in its text or in a caption (a photo
 * or a file), new or edited, in any chat and from anyone, and says why; unless it is the new text
 * answering /setup's first step (the setup feature reads, deletes and reports that one itself).
 * The message goes no further: it is never searched for, sent to Plume, echoed or logged.
 * It runs before the allow-list, so a stranger's secret in a shared group is deleted too.
 */
export function headerGuard(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = postedMessage(ctx);
    const text = message !== undefined && 'text' in message ? message.text : undefined;
    const caption = message !== undefined && 'caption' in message ? message.caption : undefined;
    const shape = findCredentialShape(text ?? caption ?? '');
    if (shape === undefined) return next();
    if (ctx.message !== undefined && text !== undefined && ctx.from !== undefined) {
      const { dialog } = await ctx.services.store.get(ctx.from.id).catch(() => ({ dialog: undefined }));
      if (dialog?.kind === 'setup' && dialog.step === 'authorization' && dialog.chatId === ctx.chat?.id) return next();
    }
    const deleted = await ctx.deleteMessage().then(
      () => true,
      (err: unknown) => (
        ctx.services.logger.warn({ err, shape }, 'Could not delete a message holding a secret'),
        false
      ),
    );
    await ctx.reply(credentialNotice(shape, deleted));
  };
}
