import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import {
  CHART_VIEWS,
  changeLocationData,
  reportViewData,
  sendChartData,
  watchCustomerOfData,
  type ChartView,
  type ReportView,
} from '../callback-data/actions';

const STATS_RANGES: ReadonlyArray<[ReportView, string]> = [
  ['s3h', '3 h'],
  ['s24h', '24 h'],
  ['s7d', '7 days'],
];

const isChartView = (view: ReportView): view is ReportView & ChartView =>
  (CHART_VIEWS as readonly string[]).includes(view);

/**
 * The buttons under a report: they carry the location (`ref`) they were made for. WAN and online-time
 * reports also get "🖼 Chart", which sends the same view as a picture.
 */
export function reportKeyboard(view: ReportView, ref: number): InlineKeyboardMarkup {
  const button = (text: string, target: ReportView) =>
    Markup.button.callback(text, reportViewData.pack({ view: target, ref }));
  const rows = [
    [button('📈 WAN', 'wan'), button('⏱ Online time', 's7d')],
    [button('📡 Nodes', 'nodes'), button('📶 Wi-Fi', 'wifi')],
    [
      button('🔄 Refresh', view),
      ...(isChartView(view) ? [Markup.button.callback('🖼 Chart', sendChartData.pack({ view, ref }))] : []),
      ...(view === 'status' ? [] : [button('📊 Status', 'status')]),
    ],
    [Markup.button.callback('📍 Change location', changeLocationData.pack({}))],
  ];
  if (view === 'status')
    rows.push([Markup.button.callback('👁 Watch all locations', watchCustomerOfData.pack({ ref }))]);
  if (view === 's3h' || view === 's24h' || view === 's7d') {
    rows.unshift(STATS_RANGES.map(([target, label]) => button(target === view ? `• ${label} •` : label, target)));
  }
  return Markup.inlineKeyboard(rows).reply_markup;
}
