import { describe, expect, it } from '@jest/globals';
import { findInviteTokens, hashInviteToken, INVITE_TOKEN_PATTERN, inviteLink, newInviteToken } from './invite-token';

describe('invite tokens', () => {
  it('carry 128 random bits in 22 base64url characters, and only their hash is kept', () => {
    const tokens = Array.from({ length: 200 }, () => newInviteToken());
    for (const { token, hash } of tokens) {
      expect(token).toMatch(INVITE_TOKEN_PATTERN);
      expect(Buffer.from(token, 'base64url')).toHaveLength(16);
      expect(hash).toBe(hashInviteToken(token));
      expect(hash).not.toContain(token);
    }
    expect(new Set(tokens.map((t) => t.token)).size).toBe(200);
  });

  it('are found in a pasted deep link or /start command, for this bot only', () => {
    const { token } = newInviteToken();
    const link = inviteLink('plume_bot', token);
    expect(link).toBe(`https://t.me/plume_bot?start=${token}`);
    expect(findInviteTokens(`join us: ${link} !`, 'plume_bot')).toEqual([token]);
    expect(findInviteTokens(`t.me/PLUME_BOT?start=${token}`, 'plume_bot')).toEqual([token]);
    expect(findInviteTokens(`/start ${token}`, 'plume_bot')).toEqual([token]);
    expect(findInviteTokens(`https://t.me/other_bot?start=${token}`, 'plume_bot')).toEqual([]);
    expect(findInviteTokens(`https://t.me/plume_bot?start=${token}x`, 'plume_bot')).toEqual([]);
    expect(findInviteTokens('nothing here', 'plume_bot')).toEqual([]);
  });
});
