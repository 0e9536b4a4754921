import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from './sandbox';
import { startSandbox } from './start';
import { callApi, callOk } from './test-support';
import type { TelegramMessage, TelegramUser } from './types';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ token: '123456:TEST-token_1' });
});
afterAll(() => sandbox.close());

describe('the Bot API envelope', () => {
  it('answers getMe with the bot for its token', async () => {
    const reply = await callApi<TelegramUser>(sandbox, 'getMe');
    expect(reply).toMatchObject({
      ok: true,
      status: 200,
      result: { id: 123456, is_bot: true, username: 'sandbox_bot' },
    });
  });

  it('answers 401 Unauthorized for an unknown token', async () => {
    expect(await callApi(sandbox, 'getMe', {}, '999:nope')).toEqual({
      ok: false,
      error_code: 401,
      description: 'Unauthorized',
      status: 401,
    });
  });

  it('answers 404 Not Found for an unknown method and accepts any case for known ones', async () => {
    expect(await callApi(sandbox, 'sendTelepathy')).toMatchObject({
      ok: false,
      error_code: 404,
      description: 'Not Found',
      status: 404,
    });
    expect(await callApi(sandbox, 'GETME')).toMatchObject({ ok: true });
  });

  it('accepts parameters in the query string and in urlencoded forms', async () => {
    const user = sandbox.createUser();
    const viaQuery = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/sendMessage?chat_id=${user.id}&text=hi`);
    expect(await viaQuery.json()).toMatchObject({ ok: true, result: { text: 'hi' } });
    const viaForm = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({
        chat_id: String(user.id),
        text: 'form',
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }),
      }),
    });
    expect(await viaForm.json()).toMatchObject({
      ok: true,
      result: { text: 'form', reply_markup: { inline_keyboard: [[{ text: 'A' }]] } },
    });
  });

  it("refuses a missing chat_id, an unknown chat and a missing text with Telegram's texts", async () => {
    const user = sandbox.createUser();
    expect(await callApi(sandbox, 'sendMessage', { text: 'x' })).toMatchObject({
      error_code: 400,
      description: 'Bad Request: chat_id is empty',
    });
    expect(await callApi(sandbox, 'sendMessage', { chat_id: 42, text: 'x' })).toMatchObject({
      description: 'Bad Request: chat not found',
    });
    expect(await callApi(sandbox, 'sendMessage', { chat_id: user.id })).toMatchObject({
      description: 'Bad Request: message text is empty',
    });
    expect(await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'a'.repeat(4097) })).toMatchObject({
      status: 400,
      description: 'Bad Request: message is too long',
    });
  });

  it('refuses callback_data over 64 bytes, counting UTF-8 bytes', async () => {
    const user = sandbox.createUser();
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: 'b', callback_data: data }]] });
    expect(
      await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'x', reply_markup: keyboard('é'.repeat(32)) }),
    ).toMatchObject({ ok: true });
    expect(
      await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'x', reply_markup: keyboard('é'.repeat(33)) }),
    ).toMatchObject({
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    expect(
      await callApi(sandbox, 'sendMessage', {
        chat_id: user.id,
        text: 'x',
        reply_markup: { inline_keyboard: [[{ text: 'plain' }]] },
      }),
    ).toMatchObject({
      description: "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    });
  });

  it('refuses an unparsable parse_mode text and entities out of range', async () => {
    const user = sandbox.createUser();
    expect(
      await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'Done.', parse_mode: 'MarkdownV2' }),
    ).toMatchObject({
      description:
        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    });
    expect(
      await callApi(sandbox, 'sendMessage', {
        chat_id: user.id,
        text: 'hey',
        entities: [{ type: 'bold', offset: 1, length: 5 }],
      }),
    ).toMatchObject({
      description: 'Bad Request: entity beginning at UTF-16 offset 1 ends after the end of the text at UTF-16 offset 6',
    });
  });

  it('fails the next calls of a method as told by failNext, then recovers', async () => {
    const user = sandbox.createUser();
    sandbox.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'x' })).toMatchObject({
      status: 403,
      error_code: 403,
    });
    expect(await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'x' })).toMatchObject({ ok: true });
  });

  it('answers 429 with retry_after once the rate limit is reached, per chat', async () => {
    const ann = sandbox.createUser();
    const bob = sandbox.createUser();
    sandbox.setRateLimit({ limit: 2, windowMs: 60_000 });
    try {
      await callOk(sandbox, 'sendMessage', { chat_id: ann.id, text: '1' });
      await callOk(sandbox, 'sendMessage', { chat_id: ann.id, text: '2' });
      const limited = await callApi(sandbox, 'sendMessage', { chat_id: ann.id, text: '3' });
      expect(limited).toMatchObject({ ok: false, status: 429, error_code: 429 });
      const retryAfter = limited.ok ? 0 : (limited.parameters?.retry_after ?? 0);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.ok ? '' : limited.description).toBe(`Too Many Requests: retry after ${retryAfter}`);
      expect(await callApi(sandbox, 'sendMessage', { chat_id: bob.id, text: '1' })).toMatchObject({ ok: true });
      expect(await callApi(sandbox, 'getMe')).toMatchObject({ ok: true });
    } finally {
      sandbox.setRateLimit(false);
    }
  });

  it('records every call with its outcome', async () => {
    const before = sandbox.calls('getMe').length;
    await callApi(sandbox, 'getMe');
    await callApi(sandbox, 'getMe', {}, '1:wrong');
    const calls = sandbox.calls('getMe').slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'getMe', ok: true, token: sandbox.token });
  });

  it("stores a user's message with the command entity telegraf routes on", async () => {
    const user = sandbox.createUser({ firstName: 'Ann' });
    const sent: TelegramMessage = await user.send('/status@sandbox_bot now');
    expect(sent.entities).toEqual([{ type: 'bot_command', offset: 0, length: 19 }]);
  });
});
