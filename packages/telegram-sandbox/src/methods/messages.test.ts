import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';
import { callApi, callOk } from '../test-support';
import type { TelegramMessage, TelegramUpdate } from '../types';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const keyboard = (...labels: string[]) => ({
  inline_keyboard: [labels.map((label) => ({ text: label, callback_data: label.toLowerCase() }))],
});

describe('editing and deleting', () => {
  it('edits text and keyboard, and refuses an edit that changes nothing', async () => {
    const user = sandbox.createUser();
    const sent = await callOk<TelegramMessage>(sandbox, 'sendMessage', {
      chat_id: user.id,
      text: 'Pick',
      reply_markup: keyboard('WAN', 'LAN'),
    });
    const edit = {
      chat_id: user.id,
      message_id: sent.message_id,
      text: '<b>WAN</b> chosen',
      parse_mode: 'HTML',
      reply_markup: keyboard('Back'),
    };
    const edited = await callOk<TelegramMessage>(sandbox, 'editMessageText', edit);
    expect(edited).toMatchObject({
      text: 'WAN chosen',
      entities: [{ type: 'bold', offset: 0, length: 3 }],
      reply_markup: keyboard('Back'),
    });
    expect(edited.edit_date).toEqual(expect.any(Number));
    expect(await callApi(sandbox, 'editMessageText', edit)).toMatchObject({
      error_code: 400,
      description:
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    });
    const withoutKeyboard = await callOk<TelegramMessage>(sandbox, 'editMessageText', {
      ...edit,
      reply_markup: undefined,
    });
    expect(withoutKeyboard.reply_markup).toBeUndefined();
    expect(user.messages().map((m) => m.text)).toEqual(['WAN chosen']);
  });

  it('edits only the keyboard with editMessageReplyMarkup', async () => {
    const user = sandbox.createUser();
    const sent = await callOk<TelegramMessage>(sandbox, 'sendMessage', {
      chat_id: user.id,
      text: 'Pick',
      reply_markup: keyboard('A'),
    });
    const params = { chat_id: user.id, message_id: sent.message_id, reply_markup: keyboard('B') };
    expect(await callOk(sandbox, 'editMessageReplyMarkup', params)).toMatchObject({
      text: 'Pick',
      reply_markup: keyboard('B'),
    });
    expect(await callApi(sandbox, 'editMessageReplyMarkup', params)).toMatchObject({
      description: expect.stringContaining('message is not modified'),
    });
  });

  it("refuses to edit a missing message, a user's message or a photo's text", async () => {
    const user = sandbox.createUser();
    const own = await user.send('mine');
    expect(await callApi(sandbox, 'editMessageText', { chat_id: user.id, message_id: 999, text: 'x' })).toMatchObject({
      description: 'Bad Request: message to edit not found',
    });
    expect(
      await callApi(sandbox, 'editMessageText', { chat_id: user.id, message_id: own.message_id, text: 'x' }),
    ).toMatchObject({
      description: "Bad Request: message can't be edited",
    });
    const photo = await callOk<TelegramMessage>(sandbox, 'sendPhoto', {
      chat_id: user.id,
      photo: 'https://example.com/cat.png',
    });
    expect(
      await callApi(sandbox, 'editMessageText', { chat_id: user.id, message_id: photo.message_id, text: 'x' }),
    ).toMatchObject({
      description: 'Bad Request: there is no text in the message to edit',
    });
    expect(
      await callOk(sandbox, 'editMessageCaption', { chat_id: user.id, message_id: photo.message_id, caption: 'A cat' }),
    ).toMatchObject({ caption: 'A cat' });
  });

  it('deletes a message once, then answers "message to delete not found"', async () => {
    const user = sandbox.createUser();
    const sent = await callOk<TelegramMessage>(sandbox, 'sendMessage', { chat_id: user.id, text: 'bye' });
    expect(await callOk(sandbox, 'deleteMessage', { chat_id: user.id, message_id: sent.message_id })).toBe(true);
    expect(await callApi(sandbox, 'deleteMessage', { chat_id: user.id, message_id: sent.message_id })).toMatchObject({
      description: 'Bad Request: message to delete not found',
    });
    expect(
      await callApi(sandbox, 'editMessageText', { chat_id: user.id, message_id: sent.message_id, text: 'x' }),
    ).toMatchObject({
      description: 'Bad Request: message to edit not found',
    });
    expect(user.messages()).toEqual([]);
  });
});

describe('replies, presses and chat state', () => {
  it('replies to a message, or refuses a missing one unless allowed', async () => {
    const user = sandbox.createUser();
    const question = await user.send('why?');
    const reply = await callOk<TelegramMessage>(sandbox, 'sendMessage', {
      chat_id: user.id,
      text: 'because',
      reply_parameters: { message_id: question.message_id },
    });
    expect(reply.reply_to_message).toMatchObject({ message_id: question.message_id, text: 'why?' });
    expect(
      await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'x', reply_to_message_id: 999 }),
    ).toMatchObject({
      description: 'Bad Request: message to be replied not found',
    });
    expect(
      await callApi(sandbox, 'sendMessage', {
        chat_id: user.id,
        text: 'x',
        reply_to_message_id: 999,
        allow_sending_without_reply: true,
      }),
    ).toMatchObject({ ok: true });
  });

  it('delivers a press as a callback_query that can be answered once', async () => {
    const user = sandbox.createUser();
    await callOk(sandbox, 'sendMessage', { chat_id: user.id, text: 'Pick', reply_markup: keyboard('WAN') });
    const press = await user.press('WAN');
    const updates = await callOk<TelegramUpdate[]>(sandbox, 'getUpdates', { offset: -1 });
    expect(updates[0]?.callback_query).toMatchObject({
      id: press.callbackQueryId,
      data: 'wan',
      from: { id: user.id },
      message: { text: 'Pick' },
    });
    expect(
      await callOk(sandbox, 'answerCallbackQuery', {
        callback_query_id: press.callbackQueryId,
        text: 'Done',
        show_alert: true,
      }),
    ).toBe(true);
    expect(await press.answer()).toEqual({ text: 'Done', show_alert: true });
    expect(await callApi(sandbox, 'answerCallbackQuery', { callback_query_id: press.callbackQueryId })).toMatchObject({
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
  });

  it('refuses to write to a user who blocked the bot', async () => {
    const user = sandbox.createUser();
    user.blockBot();
    expect(await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'hello?' })).toMatchObject({
      status: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    user.unblockBot();
    expect(await callApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'hello' })).toMatchObject({ ok: true });
  });

  it('accepts chat actions Telegram knows and refuses others', async () => {
    const user = sandbox.createUser();
    expect(await callOk(sandbox, 'sendChatAction', { chat_id: user.id, action: 'typing' })).toBe(true);
    expect(await callApi(sandbox, 'sendChatAction', { chat_id: user.id, action: 'dancing' })).toMatchObject({
      description: 'Bad Request: wrong parameter action in request',
    });
  });

  it('stores commands per scope and language', async () => {
    const commands = [{ command: 'status', description: 'Network status' }];
    expect(await callOk(sandbox, 'setMyCommands', { commands })).toBe(true);
    expect(await callOk(sandbox, 'getMyCommands')).toEqual(commands);
    expect(await callOk(sandbox, 'getMyCommands', { language_code: 'de' })).toEqual([]);
    expect(
      await callApi(sandbox, 'setMyCommands', { commands: [{ command: 'Bad-Name', description: 'x' }] }),
    ).toMatchObject({
      description: 'Bad Request: BOT_COMMAND_INVALID',
    });
    expect(await callOk(sandbox, 'deleteMyCommands')).toBe(true);
    expect(await callOk(sandbox, 'getMyCommands')).toEqual([]);
  });

  it('shares a group between its members and bot', async () => {
    const ann = sandbox.createUser({ firstName: 'Ann' });
    const bob = sandbox.createUser({ firstName: 'Bob' });
    const group = sandbox.createGroup({ title: 'Ops', members: [ann, bob], username: 'ops_team' });
    await ann.in(group).send('/status');
    const updates = await callOk<TelegramUpdate[]>(sandbox, 'getUpdates', { offset: -1 });
    expect(updates[0]?.message).toMatchObject({
      chat: { id: group.id, type: 'group', title: 'Ops' },
      from: { id: ann.id },
    });
    await callOk(sandbox, 'sendMessage', { chat_id: '@ops_team', text: 'All green' });
    expect((await bob.in(group).lastMessage()).text).toBe('All green');
    expect(group.messages().map((m) => m.text)).toEqual(['/status', 'All green']);
  });
});
