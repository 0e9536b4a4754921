import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { chartViewData, type ChartView } from '../callback-data/actions';

const BUTTONS: ReadonlyArray<ReadonlyArray<[ChartView, string]>> = [
  [
    ['s3h', '⏱ 3 h'],
    ['s24h', '⏱ 24 h'],
    ['s7d', '⏱ 7 days'],
  ],
  [['wan', '📈 WAN 24 h']],
];

/**
 * The buttons under a chart: online time over 3 h, 24 h or 7 days, and WAN over 24 hours (the only
 * period Plume reports WAN for), the shown one marked. Each replaces the picture in place.
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
