import type { BotContext } from '../context';

/**
 * Whose watches of the monitored location `monitoredId` a press under an alert acts on: the
 * presser's own watch when they have one; otherwise (an alert in a group or forum topic, pressed
 * by a teammate) the watches of that location of the members of `workspaceId` whose alerts come
 * exactly where the pressed message is (its chat, and topic). Empty when there are none.
 * @example const owners = await alertWatchers(ctx, ready.membership.workspaceId, data.mid);
 */
export async function alertWatchers(ctx: BotContext, workspaceId: number, monitoredId: number): Promise<number[]> {
  const { team, settings, monitoring } = ctx.services;
  const userId = ctx.from?.id ?? 0;
  if ((await monitoring.watches.get(userId, monitoredId)) !== undefined) return [userId];
  const message = ctx.callbackQuery?.message;
  if (message === undefined || message.chat.type === 'private') return [];
  const threadId =
    'is_topic_message' in message && message.is_topic_message === true ? message.message_thread_id : undefined;
  const owners: number[] = [];
  for (const member of await team.members(workspaceId)) {
    if ((await monitoring.watches.get(member.userId, monitoredId)) === undefined) continue;
    const route = await settings.route(member.userId);
    if (route?.chatId === message.chat.id && route.threadId === threadId) owners.push(member.userId);
  }
  return owners;
}
