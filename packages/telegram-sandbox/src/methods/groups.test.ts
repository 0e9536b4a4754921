import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';
import { callApi, callOk } from '../test-support';
import type { TelegramChatMember, TelegramMessage, TelegramUpdate } from '../types';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** Every update the bot has not taken yet, taken now. */
async function drainUpdates(): Promise<TelegramUpdate[]> {
  return callOk<TelegramUpdate[]>(sandbox, 'getUpdates', { timeout: 0, offset: -1_000_000 }).then(async (all) => {
    const last = all.at(-1);
    if (last !== undefined) await callOk(sandbox, 'getUpdates', { timeout: 0, offset: last.update_id + 1 });
    return all;
  });
}

describe('getChatMember', () => {
  it('tells the owner, an administrator, a member and a stranger apart', async () => {
    const owner = sandbox.createUser({ firstName: 'Olga' });
    const admin = sandbox.createUser({ firstName: 'Ada' });
    const member = sandbox.createUser({ firstName: 'Max' });
    const stranger = sandbox.createUser({ firstName: 'Sid' });
    const group = sandbox.createGroup({ title: 'Ops', owner, admins: [admin], members: [member] });
    const status = async (userId: number) =>
      (await callOk<TelegramChatMember>(sandbox, 'getChatMember', { chat_id: group.id, user_id: userId })).status;
    expect(await status(owner.id)).toBe('creator');
    expect(await status(admin.id)).toBe('administrator');
    expect(await status(member.id)).toBe('member');
    expect(await status(stranger.id)).toBe('left');
    expect(await status(sandbox.bot.id)).toBe('member');
    group.promote(member);
    expect(await status(member.id)).toBe('administrator');
    group.demote(admin);
    expect(await status(admin.id)).toBe('member');
    expect(await callApi(sandbox, 'getChatMember', { chat_id: group.id, user_id: 999_999 })).toMatchObject({
      ok: false,
      error_code: 400,
      description: 'Bad Request: user not found',
    });
  });
});

describe('forum topics', () => {
  it('keeps a topic thread: members write in it, bots answer in it, replies follow the topic', async () => {
    const ann = sandbox.createUser({ firstName: 'Ann' });
    const forum = sandbox.createGroup({ title: 'NOC', forum: true, owner: ann });
    expect(forum.chat).toMatchObject({ type: 'supergroup', is_forum: true });
    await drainUpdates();
    const alerts = forum.createTopic('Alerts', ann);
    const sent = await alerts.as(ann).send('/alerts here');
    expect(sent).toMatchObject({ message_thread_id: alerts.id, is_topic_message: true });
    const updates = await drainUpdates();
    expect(updates.map((u) => u.message?.forum_topic_created?.name ?? u.message?.text)).toEqual([
      'Alerts',
      '/alerts here',
    ]);

    const inTopic = await callOk<TelegramMessage>(sandbox, 'sendMessage', {
      chat_id: forum.id,
      message_thread_id: alerts.id,
      text: 'Alerts come here',
    });
    expect(inTopic).toMatchObject({ message_thread_id: alerts.id, is_topic_message: true });
    const reply = await callOk<TelegramMessage>(sandbox, 'sendMessage', {
      chat_id: forum.id,
      text: 'Recovered',
      reply_parameters: { message_id: inTopic.message_id },
    });
    expect(reply.message_thread_id).toBe(alerts.id);
    const general = await callOk<TelegramMessage>(sandbox, 'sendMessage', { chat_id: forum.id, text: 'General' });
    expect(general.message_thread_id).toBeUndefined();
    expect(
      alerts
        .as(ann)
        .messages()
        .map((m) => m.text ?? '(service)'),
    ).toEqual(['(service)', '/alerts here', 'Alerts come here', 'Recovered']);
    expect(
      await callApi(sandbox, 'sendMessage', { chat_id: forum.id, message_thread_id: 9999, text: 'x' }),
    ).toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: message thread not found' });
  });

  it('refuses a topic in a group that is not a forum', () => {
    const bob = sandbox.createUser({ firstName: 'Bob' });
    const group = sandbox.createGroup({ title: 'Plain', members: [bob] });
    expect(() => group.createTopic('Alerts', bob)).toThrow('is not a forum');
  });
});

describe('silent messages', () => {
  it('records disable_notification on each message', async () => {
    const user = sandbox.createUser();
    const quiet = await callOk<TelegramMessage>(sandbox, 'sendMessage', {
      chat_id: user.id,
      text: 'Shh',
      disable_notification: true,
    });
    const loud = await callOk<TelegramMessage>(sandbox, 'sendMessage', { chat_id: user.id, text: 'Ding' });
    expect(user.isSilent(quiet.message_id)).toBe(true);
    expect(user.isSilent(loud.message_id)).toBe(false);
    expect(() => user.isSilent(9999)).toThrow('is not in chat');
  });
});

describe('a group that becomes a supergroup', () => {
  it('announces the migration both ways and refuses the old id with migrate_to_chat_id', async () => {
    const ann = sandbox.createUser({ firstName: 'Ann' });
    const group = sandbox.createGroup({ title: 'Field', owner: ann });
    await drainUpdates();
    const supergroup = group.migrateToSupergroup(ann);
    expect(supergroup.chat).toMatchObject({ type: 'supergroup', title: 'Field' });
    expect(supergroup.id).toBeLessThan(-1_000_000_000_000);
    const updates = await drainUpdates();
    expect(
      updates.map((u) => [u.message?.chat.id, u.message?.migrate_to_chat_id, u.message?.migrate_from_chat_id]),
    ).toEqual([
      [group.id, supergroup.id, undefined],
      [supergroup.id, undefined, group.id],
    ]);
    expect(await callApi(sandbox, 'sendMessage', { chat_id: group.id, text: 'hello?' })).toMatchObject({
      ok: false,
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: supergroup.id },
    });
    await callOk(sandbox, 'sendMessage', { chat_id: supergroup.id, text: 'hello!' });
    expect(
      (await callOk<TelegramChatMember>(sandbox, 'getChatMember', { chat_id: supergroup.id, user_id: ann.id })).status,
    ).toBe('creator');
    await expect(group.as(ann).send('still here?')).rejects.toThrow('became the supergroup');
    expect(() => supergroup.migrateToSupergroup(ann)).toThrow('not a group');
  });
});
