import { describe, expect, it } from '@jest/globals';
import { parseTelegramText } from './public';

const refusal = (input: Parameters<typeof parseTelegramText>[0], kind: 'text' | 'caption' = 'text') => {
  const result = parseTelegramText(input, kind);
  return result.ok ? 'accepted' : result.description;
};

describe('formatText (through parseTelegramText)', () => {
  it('measures the limit in UTF-16 code units after parsing', () => {
    expect(refusal({ text: `<b>${'a'.repeat(4096)}</b>`, parseMode: 'HTML' })).toBe('accepted');
    expect(refusal({ text: 'a'.repeat(4097) })).toBe('Bad Request: message is too long');
    expect(refusal({ text: '😀'.repeat(2049) })).toBe('Bad Request: message is too long');
    expect(refusal({ text: 'a'.repeat(1025) }, 'caption')).toBe('Bad Request: message caption is too long');
  });

  it('refuses an empty or blank text, but not an empty caption', () => {
    expect(refusal({ text: '' })).toBe('Bad Request: message text is empty');
    expect(refusal({ text: '<b> </b>\n', parseMode: 'HTML' })).toBe('Bad Request: message text is empty');
    expect(parseTelegramText({ text: '' }, 'caption')).toEqual({ ok: true, text: '', entities: [] });
  });

  it('prefixes parse errors with "can\'t parse entities" and refuses unknown parse modes', () => {
    expect(refusal({ text: '<x>', parseMode: 'HTML' })).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 0',
    );
    expect(refusal({ text: 'x', parseMode: 'BBCode' })).toBe('Bad Request: unsupported parse_mode');
  });

  it('checks explicit entities against the text', () => {
    expect(refusal({ text: 'hello', entities: [{ type: 'bold', offset: 0, length: 100 }] })).toBe(
      'Bad Request: entity beginning at UTF-16 offset 0 ends after the end of the text at UTF-16 offset 100',
    );
    expect(refusal({ text: 'hello', entities: [{ type: 'bold', offset: 7, length: 1 }] })).toBe(
      'Bad Request: entity begins after the end of the text at UTF-16 offset 7',
    );
    expect(refusal({ text: 'x', entities: [{ type: 'text_link', offset: 0, length: 1, url: 'localhost' }] })).toBe(
      "Bad Request: entity URL 'localhost' is invalid: Wrong HTTP URL",
    );
  });

  it('trims spaces and line breaks, moving entities with the text', () => {
    expect(parseTelegramText({ text: '  <b>hi</b> there \n', parseMode: 'HTML' })).toEqual({
      ok: true,
      text: 'hi there',
      entities: [{ type: 'bold', offset: 0, length: 2 }],
    });
  });

  it('adds the entities Telegram detects, except inside code', () => {
    const result = parseTelegramText({
      text: 'Try /status, mail a@b.io, see https://t.me/x. <code>/no</code> #tag',
      parseMode: 'HTML',
    });
    expect(result.ok && result.entities.map((e) => [e.type, e.offset, e.length])).toEqual([
      ['bot_command', 4, 7],
      ['email', 18, 6],
      ['url', 30, 14],
      ['code', 46, 3],
      ['hashtag', 50, 4],
    ]);
  });
});
