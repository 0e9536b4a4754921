import { describe, expect, it } from '@jest/globals';
import type { Context } from 'telegraf';
import type { MessageEntity as TelegrafEntity } from 'telegraf/types';
import { bold, expandableBlockquote, fmt, link } from '../index';
import { telegrafEntities, toTelegraf } from './index';

/** `true` only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('toTelegraf()', () => {
  const message = fmt`Hello ${bold('world')}, see ${link('docs', 'https://example.com/docs')}`;

  it('gives the text and the entities, with extra merged in and no parse_mode', () => {
    const keyboard = { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] };
    const [text, extra] = toTelegraf(message, { reply_markup: keyboard, entities: [] as TelegrafEntity[] });
    expect(text).toBe('Hello world, see docs');
    expect(extra).toEqual({
      reply_markup: keyboard,
      entities: [
        { type: 'bold', offset: 6, length: 5 },
        { type: 'text_link', offset: 17, length: 4, url: 'https://example.com/docs' },
      ],
    });
    expect(extra).not.toHaveProperty('parse_mode');
  });

  it('copies the entities, leaving the message as it was', () => {
    const entities = telegrafEntities(message);
    entities[0]!.length = 99;
    expect(message.entities[0]).toEqual({ type: 'bold', offset: 6, length: 5 });
  });

  it('passes entities telegraf 4.16 has no type for', () => {
    expect(telegrafEntities(expandableBlockquote('long quote')).map((e) => e.type as string)).toEqual([
      'expandable_blockquote',
    ]);
  });

  it("is typed against telegraf's own reply arguments", () => {
    const reply = (ctx: Context) => ctx.reply(...toTelegraf(message, { link_preview_options: { is_disabled: true } }));
    const entities: Equal<ReturnType<typeof telegrafEntities>, TelegrafEntity[]> = true;
    expect(entities).toBe(true);
    expect(typeof reply).toBe('function');
  });
});
