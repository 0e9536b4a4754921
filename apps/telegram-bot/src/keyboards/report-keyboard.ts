import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { changeLocationData, reportViewData, watchCustomerOfData, type ReportView } from '../callback-data/actions';

const STATS_RANGES: ReadonlyArray<[ReportView, string]> = [
  ['s3h', '3 h'],
  ['s24h', '24 h'],
  ['s7d', '7 days'],
];

/** The buttons under a report: they carry the location (`ref`) they were made for. */
export function reportKeyboard(view: ReportView, ref: number): InlineKeyboardMarkup {
  const button = (text: string, target: ReportView) =>
    Markup.button.callback(text, reportViewData.pack({ view: target, ref }));
  const rows = [
    [button('📈 WAN', 'wan'), button('⏱ Online time', 's7d')],
    [button('📡 Nodes', 'nodes'), button('📶 Wi-Fi', 'wifi')],
    [button('🔄 Refresh', view), ...(view === 'status' ? [] : [button('📊 Status', 'status')])],
    [Markup.button.callback('📍 Change location', changeLocationData.pack({}))],
  ];
  if (view === 'status')
    rows.push([Markup.button.callback('👁 Watch all locations', watchCustomerOfData.pack({ ref }))]);
  if (view === 's3h' || view === 's24h' || view === 's7d') {
    rows.unshift(STATS_RANGES.map(([target, label]) => button(target === view ? `• ${label} •` : label, target)));
  }
  return Markup.inlineKeyboard(rows).reply_markup;
}
