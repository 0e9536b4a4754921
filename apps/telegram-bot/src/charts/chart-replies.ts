import { telegrafEntities } from '@org/bot-formatting/telegraf';
import { Input } from 'telegraf';
import type { InlineKeyboardMarkup, Message, ReplyParameters } from 'telegraf/types';
import type { BotContext } from '../context';
import { isNotModified } from '../errors/telegram-errors';
import type { CachedChart, ChartImage } from './chart-cache';

/** A chart the cache gave: the picture, its cached file_id if Telegram has it, and its cache key. */
type Loaded = Pick<CachedChart, 'fileId'> & { key: string; image: ChartImage };

/** The picture as Telegram knows it (file_id: no upload) or as a PNG upload. */
const media = ({ fileId, image }: Loaded) =>
  fileId ?? Input.fromBuffer(Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength), 'chart.png');

const largest = (message: Message | true | undefined): string | undefined =>
  typeof message === 'object' && 'photo' in message ? message.photo.at(-1)?.file_id : undefined;

function remember(ctx: BotContext, chart: Loaded, sent: Message | true): void {
  const fileId = largest(sent);
  if (fileId !== undefined) ctx.services.charts.cache.rememberFileId(chart.key, chart.image, fileId);
}

/**
 * Sends a chart as a photo replying to the pressed message, with its caption and keyboard, and
 * notes the file_id Telegram gives it, so the next send or edit of the same picture uploads nothing.
 */
export async function sendChart(ctx: BotContext, chart: Loaded, keyboard: InlineKeyboardMarkup): Promise<void> {
  const replyTo = ctx.callbackQuery?.message?.message_id;
  // telegraf 4.16 leaves an object-valued reply_parameters out of a multipart upload: JSON text then.
  const reply = (messageId: number): ReplyParameters =>
    chart.fileId === undefined
      ? (JSON.stringify({ message_id: messageId, allow_sending_without_reply: true }) as unknown as ReplyParameters)
      : { message_id: messageId, allow_sending_without_reply: true };
  const sent = await ctx.replyWithPhoto(media(chart), {
    caption: chart.image.caption.text,
    caption_entities: telegrafEntities(chart.image.caption),
    reply_markup: keyboard,
    ...(replyTo === undefined ? {} : { reply_parameters: reply(replyTo) }),
  });
  remember(ctx, chart, sent);
}

/**
 * Replaces the pressed chart's picture, caption and keyboard (editMessageMedia). Returns
 * `unchanged` when it already shows this picture and caption, without asking Telegram again.
 */
export async function editChart(
  ctx: BotContext,
  chart: Loaded,
  keyboard: InlineKeyboardMarkup,
): Promise<'edited' | 'unchanged'> {
  const current = ctx.callbackQuery?.message;
  if (
    current !== undefined &&
    chart.fileId !== undefined &&
    largest(current as Message) === chart.fileId &&
    'caption' in current &&
    current.caption === chart.image.caption.text &&
    JSON.stringify(current.reply_markup ?? null) === JSON.stringify(keyboard)
  ) {
    return 'unchanged';
  }
  try {
    const edited = await ctx.editMessageMedia(
      {
        type: 'photo',
        media: media(chart),
        caption: chart.image.caption.text,
        caption_entities: telegrafEntities(chart.image.caption),
      },
      { reply_markup: keyboard },
    );
    remember(ctx, chart, edited);
    return 'edited';
  } catch (error) {
    if (isNotModified(error)) return 'unchanged';
    throw error;
  }
}
