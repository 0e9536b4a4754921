import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { chartViewData, type ChartView } from '../callback-data/actions';

const BUTTONS: ReadonlyArray<ReadonlyArray<[ChartView, string]>> = [
  [
    ['s3h', '⏱ 3 h'],
    ['s24h', '⏱ 24 h'],
    ['s7d', '⏱ 7 days'],
  ],
  [
    ['w3h', '📈 WAN 3 h'],
    ['wan', '📈 WAN 24 h'],
  ],
];

/**
 * The buttons under a chart: online time over 3 h, 24 h or 7 days, and WAN over 3 h or 24 h, the
 * shown one marked. Each replaces the picture in place. WAN has no 7 days: Plume's `wanStats`
 * reports one period, the last 24 hours, and the bot keeps no WAN history of its own.
 */
export function chartKeyboard(view: ChartView, ref: number): InlineKeyboardMarkup {
  return Markup.inlineKeyboard(
    BUTTONS.map((row) =>
      row.map(([target, label]) =>
        Markup.button.callback(target === view ? `• ${label} •` : label, chartViewData.pack({ view: target, ref })),
      ),
    ),
  ).reply_markup;
}
