import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isSandboxError } from '../errors';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';
import { callOk } from '../test-support';
import type { TelegramUpdate } from '../types';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** The pending updates, all confirmed. */
async function drainUpdates(): Promise<TelegramUpdate[]> {
  const updates = await callOk<TelegramUpdate[]>(sandbox, 'getUpdates', { timeout: 0 });
  const last = updates.at(-1);
  if (last) await callOk(sandbox, 'getUpdates', { offset: last.update_id + 1, timeout: 0 });
  return updates;
}

describe('a user edits a message', () => {
  it('replaces its text, and the bot gets an edited_message with entities and edit_date', async () => {
    const user = sandbox.createUser({ firstName: 'Eda' });
    const sent = await user.send('see /help');
    await drainUpdates();
    const edited = await user.edit(sent.message_id, 'see /status now');
    expect(edited).toMatchObject({
      message_id: sent.message_id,
      text: 'see /status now',
      entities: [{ type: 'bot_command', offset: 4, length: 7 }],
    });
    expect(edited.edit_date).toEqual(expect.any(Number));
    expect(user.messages().map((m) => m.text)).toEqual(['see /status now']);
    const updates = await drainUpdates();
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message).toBeUndefined();
    expect(updates[0]?.edited_message).toMatchObject({
      message_id: sent.message_id,
      text: 'see /status now',
      from: { id: user.id },
    });
  });

  it('replaces a photo’s caption, and can remove it', async () => {
    const user = sandbox.createUser();
    const photo = await user.sendPhoto({ caption: 'old' });
    expect(await user.edit(photo.message_id, 'new @caption')).toMatchObject({
      caption: 'new @caption',
      caption_entities: [{ type: 'mention', offset: 4, length: 8 }],
    });
    const cleared = await user.edit(photo.message_id, '');
    expect(cleared.caption).toBeUndefined();
    expect(cleared.caption_entities).toBeUndefined();
    expect(cleared.photo).toHaveLength(1);
    await drainUpdates();
  });

  it('refuses a message that is not the user’s own, and blank text', async () => {
    const ann = sandbox.createUser({ firstName: 'Ann' });
    const bob = sandbox.createUser({ firstName: 'Bob' });
    const group = sandbox.createGroup({ title: 'Team', members: [ann, bob] });
    const annsMessage = await ann.in(group).send('mine');
    const refused = await bob
      .in(group)
      .edit(annsMessage.message_id, 'hijacked')
      .catch((error: unknown) => error);
    expect(isSandboxError(refused) && refused.code).toBe('MESSAGE_NOT_FOUND');
    expect((refused as Error).message).toBe(
      `Bob can only edit their own messages: #${annsMessage.message_id} is not one of theirs in chat ${group.id}.`,
    );
    const reply = await callOk<{ message_id: number }>(sandbox, 'sendMessage', {
      chat_id: ann.id,
      text: 'from the bot',
    });
    await expect(ann.edit(reply.message_id, 'changed')).rejects.toThrow('Ann can only edit their own messages');
    await expect(ann.in(group).edit(annsMessage.message_id, '  ')).rejects.toThrow('A message needs some text');
    expect(group.messages().map((m) => m.text)).toEqual(['mine']);
    await drainUpdates();
  });
});
