// Publish-rehearsal type check: compiled by tsc --noEmit in a consumer project, under
// moduleResolution node16 and bundler. Never run.
import {
  bold,
  concat,
  fmt,
  join,
  link,
  pre,
  split,
  table,
  toHtml,
  CAPTION_LIMIT,
  type FormattedText,
  type MessageEntity,
} from '@org/bot-formatting';
import {
  renderHealthSummary,
  renderNoData,
  renderOnlineStats,
  renderWanReport,
  renderWifiNetworks,
} from '@org/bot-formatting/plume';
import { toTelegraf, type TelegrafMessage } from '@org/bot-formatting/telegraf';
import type { Context } from 'telegraf';

const message: FormattedText = fmt`Location ${bold('Home')}: ${link('open', 'https://example.com')}`;
const entities: MessageEntity[] = message.entities;
const parts: FormattedText[] = split(concat(message, '\n', pre('x', 'json')), { limit: CAPTION_LIMIT });
const html: string = toHtml(join(parts, '\n'));
const grid: FormattedText = table([['a', '1']], { header: ['Name', 'Count'], align: ['left', 'right'] });

type HealthReport = Parameters<typeof renderHealthSummary>[0];
declare const report: HealthReport;
const summary: FormattedText[] = renderHealthSummary(report, { timeZone: 'Europe/Berlin', limit: 4096 });
declare const wan: Parameters<typeof renderWanReport>[0];
const wanParts: FormattedText[] = renderWanReport(wan, { location: { id: 'x', name: 'Home' } });
declare const online: Parameters<typeof renderOnlineStats>[0];
const onlineParts: FormattedText[] = renderOnlineStats(online);
declare const networks: Parameters<typeof renderWifiNetworks>[0];
const wifiParts: FormattedText[] = renderWifiNetworks(networks);
const none: FormattedText[] = renderNoData('WAN consumption', { hint: 'Try later.' });

export async function greet(ctx: Context): Promise<number> {
  const args: TelegrafMessage<{ link_preview_options: { is_disabled: boolean } }> = toTelegraf(message, {
    link_preview_options: { is_disabled: true },
  });
  const sent = await ctx.reply(...args);
  return sent.message_id;
}

// @ts-expect-error bold() takes text, not an options object
bold({ text: 1 });

export { entities, grid, html, none, onlineParts, parts, summary, wanParts, wifiParts };
