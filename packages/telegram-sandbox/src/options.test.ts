import { describe, expect, it } from '@jest/globals';
import { SandboxError } from './errors';
import { resolveOptions } from './options';
import { startSandbox } from './start';

const failure = (options: Parameters<typeof resolveOptions>[0]) => {
  try {
    resolveOptions(options);
  } catch (error) {
    if (error instanceof SandboxError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
};

describe('sandbox options', () => {
  it('defaults to one generated bot on a free loopback port', () => {
    const resolved = resolveOptions();
    expect(resolved).toMatchObject({ port: 0, host: '127.0.0.1', timeoutMs: 3000, rateLimit: undefined });
    expect(resolved.bots).toEqual([
      { token: expect.stringMatching(/^\d+:[\w-]+$/), username: 'sandbox_bot', firstName: 'Sandbox Bot' },
    ]);
  });

  it('names the option at fault and the fix', () => {
    expect(failure({ token: 'abc' })).toBe(
      'INVALID_OPTIONS: [@org/telegram-sandbox] token must look like "123456789:AAE-secret" (a numeric bot id, a colon, then letters, digits, _ or -)',
    );
    expect(failure({ port: 70000 })).toMatch(/^INVALID_OPTIONS: \[@org\/telegram-sandbox\] port /);
    expect(failure({ token: '1:a', bots: [{ token: '2:b' }] })).toBe(
      'INVALID_OPTIONS: [@org/telegram-sandbox] pass either token or bots, not both',
    );
    expect(failure({ bots: [{ token: '1:a' }, { token: '1:b' }] })).toContain('bots must have distinct ids');
    expect(failure({ rateLimit: { limit: 0 } })).toContain('rateLimit.limit');
  });

  it('serves several bots, each with its own private chat with a user', async () => {
    const sandbox = await startSandbox({
      bots: [{ token: '11:first' }, { token: '22:second', username: 'second_bot' }],
    });
    try {
      expect(sandbox.tokens).toEqual(['11:first', '22:second']);
      const user = sandbox.createUser();
      await user.withBot('22:second').send('hello second');
      expect(user.messages()).toEqual([]);
      expect(
        user
          .withBot('22:second')
          .messages()
          .map((m) => m.text),
      ).toEqual(['hello second']);
      expect(sandbox.addBot({ token: '33:third' })).toMatchObject({ id: 33, username: 'sandbox_bot_3' });
      expect(() => sandbox.createUser({ id: user.id })).toThrow(`createUser: a user with id ${user.id} exists`);
      expect(() => sandbox.setRateLimit({ limit: 0 })).toThrow('[@org/telegram-sandbox] setRateLimit: limit ');
    } finally {
      await sandbox.close();
    }
  });
});
