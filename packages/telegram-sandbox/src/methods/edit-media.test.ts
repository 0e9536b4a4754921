import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Input, Markup, Telegraf } from 'telegraf';
import type { ReplyParameters } from 'telegraf/types';
import { createHarness } from '../harness';
import { callApi, callOk } from '../test-support';
import type { TelegramMessage } from '../types';

/** A PNG header of `width` × `height`: enough for the sandbox to read the size; `tag` makes bytes unique. */
function png(width: number, height: number, tag = 0): Buffer {
  const bytes = Buffer.alloc(34);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes[33] = tag;
  return bytes;
}

const rangeKeyboard = (current: string) =>
  Markup.inlineKeyboard(
    ['3 h', '24 h', '7 days'].map((label) =>
      Markup.button.callback(label === current ? `• ${label} •` : label, `range:${label}`),
    ),
  );

const harness = createHarness({ timeoutMs: 5000 });

beforeAll(async () => {
  await harness.start();
  await harness.startBot(({ token, apiRoot }) => {
    const bot = new Telegraf(token, { telegram: { apiRoot } });
    // Sends a Buffer: telegraf posts multipart/form-data. telegraf 4.16 leaves an object-valued
    // reply_parameters out of such a form (it serialises only a few fields), so it goes as JSON text.
    bot.command('chart', (ctx) =>
      ctx.replyWithPhoto(Input.fromBuffer(png(1200, 800), 'chart.png'), {
        caption: 'WAN · 24 h',
        reply_parameters: JSON.stringify({ message_id: ctx.message.message_id }) as unknown as ReplyParameters,
        ...rangeKeyboard('24 h'),
      }),
    );
    // Replaces the picture with a Buffer: multipart with `media` naming an attach:// part.
    bot.action(/^range:(.+)$/, async (ctx) => {
      const label = ctx.match[1] ?? '';
      await ctx.editMessageMedia(
        {
          type: 'photo',
          media: Input.fromBuffer(png(label === '7 days' ? 1400 : 1000, 700), `${label}.png`),
          caption: `WAN · ${label}`,
          caption_entities: [{ type: 'bold', offset: 0, length: 3 }],
        },
        rangeKeyboard(label),
      );
      await ctx.answerCbQuery();
    });
    void bot.launch(() => undefined);
    return () => bot.stop();
  });
}, 30_000);
afterAll(() => harness.stop());

describe('editMessageMedia', () => {
  it('lets a telegraf bot send a Buffer as a photo and replace it in place, and a test read the bytes', async () => {
    const ann = harness.createUser({ firstName: 'Ann' });
    const command = await ann.send('/chart');
    const chart = await ann.waitForMessage((m) => m.photo !== undefined);
    expect(chart.reply_to_message?.message_id).toBe(command.message_id);
    expect(chart.caption).toBe('WAN · 24 h');
    const sent = harness.file(chart);
    expect(sent).toMatchObject({ kind: 'photo', name: 'chart.png', mimeType: 'image/png', width: 1200, height: 800 });
    expect(sent.data).toEqual(new Uint8Array(png(1200, 800)));

    await (await ann.press('7 days', { messageId: chart.message_id })).answer();
    const edited = await ann.waitForMessage((m) => m.message_id === chart.message_id && m.caption === 'WAN · 7 days');
    expect(edited.edit_date).toBeDefined();
    expect(edited.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 3 }]);
    expect(edited.reply_to_message?.message_id).toBe(command.message_id);
    expect(edited.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(['3 h', '24 h', '• 7 days •']);
    const replaced = harness.file(edited);
    expect(replaced.fileId).not.toBe(sent.fileId);
    expect([replaced.width, replaced.height]).toEqual([1400, 700]);
    expect(ann.messages().filter((m) => m.photo !== undefined)).toHaveLength(1);
    // The bot sees the edited message in later presses, with the new photo.
    const press = await ann.press('3 h', { messageId: chart.message_id });
    expect(press.message.photo?.at(-1)?.file_id).toBe(replaced.fileId);
    await press.answer();
  });

  it('takes a file_id in a JSON body, keeps no caption unless given, and refuses an edit that changes nothing', async () => {
    const { sandbox } = harness;
    const bob = harness.createUser({ firstName: 'Bob' });
    const first = await callOk<TelegramMessage>(sandbox, 'sendPhoto', {
      chat_id: bob.id,
      photo: 'https://example.com/a.png',
      caption: 'old',
    });
    const other = await callOk<TelegramMessage>(sandbox, 'sendDocument', {
      chat_id: bob.id,
      document: 'https://example.com/report.csv',
    });
    const documentId = other.document?.file_id;
    const edited = await callOk<TelegramMessage>(sandbox, 'editMessageMedia', {
      chat_id: bob.id,
      message_id: first.message_id,
      media: { type: 'document', media: documentId },
    });
    expect(edited.photo).toBeUndefined();
    expect(edited.caption).toBeUndefined();
    expect(edited.document?.file_id).toBe(documentId);
    expect(
      await callApi(sandbox, 'editMessageMedia', {
        chat_id: bob.id,
        message_id: first.message_id,
        media: { type: 'document', media: documentId },
      }),
    ).toMatchObject({ ok: false, description: expect.stringMatching(/^Bad Request: message is not modified/) });
  });

  it("answers Telegram's refusals", async () => {
    const { sandbox } = harness;
    const cy = harness.createUser({ firstName: 'Cy' });
    const text = await callOk<TelegramMessage>(sandbox, 'sendMessage', { chat_id: cy.id, text: 'hi' });
    const photo = await callOk<TelegramMessage>(sandbox, 'sendPhoto', {
      chat_id: cy.id,
      photo: 'https://example.com/a.png',
    });
    const edit = (message_id: number, media: unknown) =>
      callApi(sandbox, 'editMessageMedia', { chat_id: cy.id, message_id, media });
    const url = 'https://example.com/b.png';
    expect((await edit(text.message_id, { type: 'photo', media: url })).description).toBe(
      'Bad Request: there is no media in the message to edit',
    );
    expect((await edit(photo.message_id, { type: 'photo' })).description).toBe(
      "Bad Request: can't parse InputMedia: Media is not specified",
    );
    expect((await edit(photo.message_id, '{not json')).description).toBe(
      "Bad Request: can't parse input media JSON object",
    );
    expect((await edit(photo.message_id, { type: 'photo', media: 'no-such-file' })).description).toBe(
      'Bad Request: wrong file identifier/HTTP URL specified',
    );
    expect((await edit(photo.message_id, { type: 'photo', media: 'attach://missing' })).description).toBe(
      'Bad Request: wrong file identifier/HTTP URL specified',
    );
    expect((await edit(photo.message_id, { type: 'video', media: url })).description).toMatch(
      /^Bad Request: the sandbox stores photo and document media only/,
    );
    expect((await edit(9999, { type: 'photo', media: url })).description).toBe(
      'Bad Request: message to edit not found',
    );
    expect((await edit(photo.message_id, { type: 'photo', media: url, caption: 'x'.repeat(1025) })).description).toBe(
      'Bad Request: message caption is too long',
    );
    expect(
      (await callApi(sandbox, 'editMessageMedia', { chat_id: cy.id, message_id: photo.message_id })).description,
    ).toBe('Bad Request: parameter "media" is required');
  });

  it('explains a file() call on a message without a file, or an unknown file_id', async () => {
    const dee = harness.createUser({ firstName: 'Dee' });
    const sent = await dee.send('no picture here');
    expect(() => harness.file(sent)).toThrow(`message #${sent.message_id} has no photo and no document`);
    expect(() => harness.file('AgACnope')).toThrow('no file with id "AgACnope" in this sandbox');
  });
});
