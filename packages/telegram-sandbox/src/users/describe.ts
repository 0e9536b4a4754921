import type { TelegramMessage } from '../types';
import { liveMessages, type Conversation } from '../world/conversations';
import type { World } from '../world/world';

const MAX_SHOWN = 12;

function clip(text: string, max = 120): string {
  const oneLine = text.replace(/\n/g, '⏎');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The inline buttons of a message, row by row, as their labels. */
export function buttonLabels(message: TelegramMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((button) => button.text);
}

/** One line per message, e.g. `#4 Sandbox Bot: "Status: ok" [WAN] [LAN] (edited)`. */
export function describeMessage(message: TelegramMessage): string {
  const who = message.from ? message.from.first_name : 'unknown';
  const parts = [`#${message.message_id} ${who}:`];
  const photo = message.photo?.at(-1);
  if (photo) parts.push(photo.width > 0 ? `[photo ${photo.width}×${photo.height}]` : '[photo]');
  if (message.document) parts.push(`[document ${message.document.file_name ?? ''}]`.replace(' ]', ']'));
  const text = message.text ?? message.caption;
  if (text !== undefined) parts.push(JSON.stringify(clip(text)));
  const buttons = buttonLabels(message);
  if (buttons.length) parts.push(buttons.map((label) => `[${label}]`).join(' '));
  if (message.edit_date) parts.push('(edited)');
  return parts.join(' ');
}

/** How a chat is named in messages: `the private chat of Ann (id 1001) with @sandbox_bot`. */
export function chatName(world: World, conversation: Conversation): string {
  const { chat } = conversation;
  if (chat.type !== 'private') return `group "${chat.title ?? chat.id}" (id ${chat.id})`;
  const bots = [...conversation.botTokens].map((token) => `@${world.bots.get(token)?.user.username ?? '?'}`);
  return `the private chat of ${chat.first_name ?? 'user'} (id ${chat.id}) with ${bots.join(', ')}`;
}

/**
 * What a failed wait shows: the chat's last messages and, for each bot of the chat, why it may
 * not have answered (never connected, updates not fetched, webhook errors).
 */
export function describeConversation(world: World, conversation: Conversation, apiRoot: string): string {
  const messages = liveMessages(conversation);
  const lines: string[] = [];
  if (messages.length === 0) {
    lines.push(`${chatName(world, conversation)} holds no messages.`);
  } else {
    const shown = messages.slice(-MAX_SHOWN);
    const skipped = messages.length - shown.length;
    lines.push(
      `${chatName(world, conversation)} holds ${messages.length} message${messages.length === 1 ? '' : 's'}${skipped ? ` (last ${shown.length} shown)` : ''}:`,
    );
    for (const message of shown) lines.push(`  ${describeMessage(message)}`);
  }
  for (const token of conversation.botTokens) {
    const bot = world.bots.get(token);
    if (!bot) continue;
    const name = `@${bot.user.username ?? bot.user.id}`;
    if (!bot.connected) {
      lines.push(
        `${name} has not called getUpdates nor set a webhook: is the bot running with apiRoot ${apiRoot} and its token?`,
      );
    } else if (bot.queue.size > 0) {
      lines.push(
        `${bot.queue.size} update${bot.queue.size === 1 ? '' : 's'} still wait${bot.queue.size === 1 ? 's' : ''} for ${name} (not yet fetched or confirmed).`,
      );
    }
    if (bot.webhook?.lastErrorMessage)
      lines.push(`${name}'s webhook last failed with: ${bot.webhook.lastErrorMessage}.`);
  }
  return lines.join('\n');
}
