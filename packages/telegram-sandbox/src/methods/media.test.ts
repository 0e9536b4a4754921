import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';
import { callApi, callOk } from '../test-support';
import type { TelegramMessage } from '../types';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** The first bytes of a 3×2 PNG: enough for its size to be read. */
function tinyPng(): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(3, 16);
  bytes.writeUInt32BE(2, 20);
  return bytes;
}

async function upload(
  method: string,
  field: string,
  data: Uint8Array,
  filename: string,
  extra: Record<string, string>,
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  form.append(field, new Blob([data]), filename);
  const response = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/${method}`, { method: 'POST', body: form });
  return (await response.json()) as { ok: boolean; result: TelegramMessage; description?: string };
}

describe('photos and documents', () => {
  it('stores an uploaded photo with its size, caption entities and keyboard, and serves it back', async () => {
    const user = sandbox.createUser();
    const reply = await upload('sendPhoto', 'photo', tinyPng(), 'chart.png', {
      chat_id: String(user.id),
      caption: '<b>WAN</b> usage',
      parse_mode: 'HTML',
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'Refresh', callback_data: 'refresh' }]] }),
    });
    expect(reply.ok).toBe(true);
    const [size] = reply.result.photo ?? [];
    expect(size).toMatchObject({ width: 3, height: 2, file_size: 33 });
    expect(reply.result).toMatchObject({
      caption: 'WAN usage',
      caption_entities: [{ type: 'bold', offset: 0, length: 3 }],
    });
    const file = await callOk<{ file_path: string }>(sandbox, 'getFile', { file_id: size?.file_id });
    const download = await fetch(`${sandbox.apiRoot}/file/bot${sandbox.token}/${file.file_path}`);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(tinyPng());
    const again = await callOk<TelegramMessage>(sandbox, 'sendPhoto', { chat_id: user.id, photo: size?.file_id });
    expect(again.photo?.[0]?.file_id).toBe(size?.file_id);
  });

  it('stores an uploaded document with its name and type', async () => {
    const user = sandbox.createUser();
    const reply = await upload('sendDocument', 'document', new TextEncoder().encode('a,b\n1,2\n'), 'report.csv', {
      chat_id: String(user.id),
    });
    expect(reply.result.document).toMatchObject({ file_name: 'report.csv', mime_type: 'text/csv', file_size: 8 });
  });

  it('lets a user send a photo with a caption, which the bot gets as an update and can download', async () => {
    const user = sandbox.createUser({ firstName: 'Pia' });
    const sent = await user.sendPhoto({ caption: 'my router @home', data: tinyPng(), filename: 'router.png' });
    expect(sent).toMatchObject({
      caption: 'my router @home',
      caption_entities: [{ type: 'mention', offset: 10, length: 5 }],
      from: { id: user.id },
    });
    expect(sent.text).toBeUndefined();
    const updates = await callOk<{ message?: TelegramMessage }[]>(sandbox, 'getUpdates', { timeout: 0 });
    const received = updates.map((update) => update.message).find((message) => message?.message_id === sent.message_id);
    const [size] = received?.photo ?? [];
    expect(size).toMatchObject({ width: 3, height: 2, file_size: 33 });
    const file = await callOk<{ file_path: string }>(sandbox, 'getFile', { file_id: size?.file_id });
    const download = await fetch(`${sandbox.apiRoot}/file/bot${sandbox.token}/${file.file_path}`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(tinyPng());
    // The default photo is a real 1×1 PNG; a caption over Telegram's 1024 characters is refused.
    expect((await user.sendPhoto()).photo?.[0]).toMatchObject({ width: 1, height: 1 });
    await expect(user.sendPhoto({ caption: 'x'.repeat(1025) })).rejects.toThrow(
      'A photo caption holds at most 1024 characters; sendPhoto() got 1025.',
    );
  });

  it('refuses a missing photo, an unknown file_id and a caption over 1024', async () => {
    const user = sandbox.createUser();
    expect(await callApi(sandbox, 'sendPhoto', { chat_id: user.id })).toMatchObject({
      description: 'Bad Request: there is no photo in the request',
    });
    expect(await callApi(sandbox, 'sendPhoto', { chat_id: user.id, photo: 'no-such-file' })).toMatchObject({
      description: 'Bad Request: wrong file identifier/HTTP URL specified',
    });
    expect(
      await callApi(sandbox, 'sendPhoto', {
        chat_id: user.id,
        photo: 'https://example.com/a.jpg',
        caption: 'x'.repeat(1025),
      }),
    ).toMatchObject({
      description: 'Bad Request: message caption is too long',
    });
  });
});
