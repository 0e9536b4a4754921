import { echo } from '../security/bidi';

/** The most characters of a display name kept (Telegram allows 64 for each of first and last name). */
export const MAX_DISPLAY_NAME = 80;

/** What Telegram says of a person, as far as a display name needs it. */
export interface TelegramName {
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
}

/**
 * The name a team recognises a member by: first and last name, then the @username, as Telegram
 * gives them, without control characters and at most {@link MAX_DISPLAY_NAME} characters. It is
 * personal data, stored on the member's row only, and echoed (through `echo`) wherever it is shown.
 * @example displayName({ first_name: 'Sue', last_name: 'Lee', username: 'suelee' }) // 'Sue Lee (@suelee)'
 */
export function displayName(from: TelegramName): string {
  const name = [from.first_name, from.last_name].filter((part) => part !== undefined && part !== '').join(' ');
  const full = from.username === undefined || from.username === '' ? name : `${name} (@${from.username})`;
  return [...full.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').trim()].slice(0, MAX_DISPLAY_NAME).join('');
}

/**
 * How a member is named in the bot's messages: their display name, echoed (bidi-safe), or their
 * Telegram id while no name is known.
 * @example memberLabel({ userId: 42, displayName: null }) // 'user 42'
 */
export function memberLabel(member: { userId: number; displayName: string | null }): string {
  return member.displayName === null || member.displayName === '' ? `user ${member.userId}` : echo(member.displayName);
}
