import { Composer } from 'telegraf';
import { reportViewData, type ReportView } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { reportKeyboard } from '../keyboards/report-keyboard';
import { takeTurn } from '../plume/take-turn';
import { answerPress, editRich, replyRich } from '../replies';
import { VIEWS } from '../reports/views';
import { pressedLocation, requireCredentials, requireSelection } from './guards';
import { remember } from './remember';

const COMMAND_VIEWS: ReadonlyArray<[string, ReportView]> = [
  ['status', 'status'],
  ['wan', 'wan'],
  ['stats', 's7d'],
  ['nodes', 'nodes'],
  ['wifi', 'wifi'],
];

/**
 * /status, /wan, /stats, /nodes, /wifi on the selected location, and the buttons under each report,
 * which edit that report in place for the location they were made for.
 */
export function reportsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  for (const [command, view] of COMMAND_VIEWS) {
    feature.command(command, async (ctx) => {
      const ready = await requireSelection(ctx);
      if (ready === undefined) return;
      const parts = await takeTurn(ctx, ready.credentials, (client, signal) =>
        VIEWS[view](client, ready.location, signal),
      );
      const [ref = 0] = await remember(ctx, [{ kind: 'location', ...ready.location }], ready.state);
      await replyRich(ctx, parts, reportKeyboard(view, ref));
    });
  }

  feature.action(reportViewData.filter(), async (ctx) => {
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const data = reportViewData.unpack(callbackDataOf(ctx));
    const target = await pressedLocation(ctx, ready.state, data?.ref);
    if (data === undefined || target === undefined) return;
    const parts = await takeTurn(ctx, ready.credentials, (client, signal) => VIEWS[data.view](client, target, signal));
    const outcome = await editRich(ctx, parts, reportKeyboard(data.view, data.ref));
    await answerPress(ctx, outcome === 'unchanged' ? 'Already up to date.' : undefined);
  });

  return feature;
}
