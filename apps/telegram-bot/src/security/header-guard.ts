import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';
import { looksLikeAuthorizationHeader } from '../input/setup-answers';

/** What a user is told after a header they posted outside /setup's first step was deleted. */
export const HEADER_DELETED =
  'That looked like a Plume authorization header, so I deleted your message: it is a password and must not stay in a chat. I did not use it. It belongs only in step 1 of /setup, in a private chat with me.';

/**
 * Deletes any message holding an authorization header in its text or in a caption (a photo or a
 * file), new or edited, in any chat, unless it is the new text answering /setup's first step (the
 * setup feature reads, deletes and reports that one itself). The message goes no further: it is
 * never searched for, sent to Plume or logged.
 */
export function headerGuard(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = ctx.message ?? ctx.editedMessage;
    const text = message !== undefined && 'text' in message ? message.text : undefined;
    const caption = message !== undefined && 'caption' in message ? message.caption : undefined;
    if (!looksLikeAuthorizationHeader(text ?? caption ?? '')) return next();
    const { dialog } = await ctx.services.store.get(ctx.from?.id ?? 0);
    const answersSetup = dialog?.kind === 'setup' && dialog.step === 'authorization' && dialog.chatId === ctx.chat?.id;
    if (answersSetup && ctx.message !== undefined && text !== undefined) return next();
    const deleted = await ctx.deleteMessage().then(
      () => true,
      (err: unknown) => (ctx.services.logger.warn({ err }, 'Could not delete a message holding a header'), false),
    );
    await ctx.reply(
      deleted
        ? HEADER_DELETED
        : 'That looked like a Plume authorization header, and I could not delete it: please delete it yourself. It belongs only in step 1 of /setup, in a private chat with me.',
    );
  };
}
