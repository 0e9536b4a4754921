import { Composer } from 'telegraf';
import { chartViewData, sendChartData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import { editChart, sendChart } from '../charts/chart-replies';
import { loadChart } from '../charts/load-chart';
import type { BotContext } from '../context';
import { chartKeyboard } from '../keyboards/chart-keyboard';
import { answerPress } from '../replies';
import { recordAudit } from './audit-trail';
import { pressedLocation, requireCredentials } from './guards';

/** Telegram shows at most 200 characters of a press's answer. */
const answerText = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** The press of a chart button: who, which location, which view, and the presser's time zone. */
async function chartPress(ctx: BotContext, codec: typeof sendChartData | typeof chartViewData) {
  const ready = await requireCredentials(ctx);
  if (ready === undefined) return undefined;
  const data = codec.unpack(callbackDataOf(ctx));
  const target = await pressedLocation(ctx, ready.state, data?.ref);
  if (data === undefined || target === undefined) return undefined;
  await recordAudit(ctx, ready.membership.workspaceId, 'report.viewed', {
    customerId: target.customerId,
    locationId: target.locationId,
    purpose: `${data.view} chart`,
  });
  const { timeZone } = await ctx.services.settings.get(ctx.from?.id ?? 0);
  return { ...data, target, timeZone, ...ready };
}

/**
 * "🖼 Chart" under a WAN or online-time report sends that view as a photo replying to the report;
 * the range buttons under a chart replace its picture in place. Each: fetch → analyse → render
 * (cached for a few minutes) → send, with times in the presser's time zone (/settings).
 */
export function chartsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.action(sendChartData.filter(), async (ctx) => {
    const press = await chartPress(ctx, sendChartData);
    if (press === undefined) return;
    const chart = await loadChart(ctx, press.credentials, press.target, press.view, press.timeZone);
    if (chart.outcome.kind === 'no-data') return answerPress(ctx, answerText(chart.outcome.reason));
    await sendChart(ctx, { ...chart, image: chart.outcome }, chartKeyboard(press.view, press.ref));
    await answerPress(ctx);
  });

  feature.action(chartViewData.filter(), async (ctx) => {
    const press = await chartPress(ctx, chartViewData);
    if (press === undefined) return;
    const chart = await loadChart(ctx, press.credentials, press.target, press.view, press.timeZone);
    if (chart.outcome.kind === 'no-data') return answerPress(ctx, answerText(chart.outcome.reason));
    const outcome = await editChart(ctx, { ...chart, image: chart.outcome }, chartKeyboard(press.view, press.ref));
    await answerPress(ctx, outcome === 'unchanged' ? 'Already up to date.' : undefined);
  });

  return feature;
}
