import { createHash, randomBytes } from 'node:crypto';

/** Random bytes in an invite token: 128 bits, 22 base64url characters. */
const TOKEN_BYTES = 16;
/** How an invite token reads: base64url, as in a `/start` payload (Telegram allows 1–64 of `A-Za-z0-9_-`). */
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * A new invite token (128 random bits, base64url) and the hash that is all the database keeps.
 * @example const { token, hash } = newInviteToken(); // token: 'q3J…' (22 characters)
 */
export function newInviteToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashInviteToken(token) };
}

/** The stored form of a token: its SHA-256, base64url. (128 random bits need no salt or slow hash.) */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/**
 * The deep link that opens a private chat with the bot and sends `/start <token>`.
 * @example inviteLink('plume_bot', token) // 'https://t.me/plume_bot?start=q3J…'
 */
export function inviteLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=${token}`;
}

/**
 * The invite tokens in a text: deep links to this bot (`t.me/<bot>?start=…`, with or without
 * https://) and `/start <token>` commands. Used to delete an invite pasted in a group, and revoke it.
 * @example findInviteTokens('join: https://t.me/plume_bot?start=q3J…', 'plume_bot') // ['q3J…']
 */
export function findInviteTokens(text: string, botUsername: string): string[] {
  const bot = botUsername.replace(/[^A-Za-z0-9_]/g, '');
  const patterns = [
    new RegExp(`t\\.me/${bot}\\?start=([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])`, 'gi'),
    /(?:^|\s)\/start(?:@\w+)?\s+([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g,
  ];
  return [...new Set(patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? '')))].filter(
    (token) => token !== '',
  );
}
