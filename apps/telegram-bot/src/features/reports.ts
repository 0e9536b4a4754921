import { Composer } from 'telegraf';
import { reportViewData, type ReportView } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { reportKeyboard } from '../keyboards/report-keyboard';
import { takeTurn } from '../plume/take-turn';
import { answerPress, editRich, replyRich } from '../replies';
import { VIEWS } from '../reports/views';
import { recordAudit } from './audit-trail';
import { pressedLocation, requireCredentials, requireSelection } from './guards';
import { remember } from './remember';

/** The purpose the audit log records for each view: what of the customer's data was looked at. */
export const PURPOSE: Record<ReportView, string> = {
  status: 'health report',
  wan: 'WAN consumption',
  s3h: 'online time',
  s24h: 'online time',
  s7d: 'online time',
  nodes: 'pods',
  wifi: 'Wi-Fi networks',
};

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
      await recordAudit(ctx, ready.membership.workspaceId, 'report.viewed', {
        customerId: ready.location.customerId,
        locationId: ready.location.locationId,
        purpose: PURPOSE[view],
      });
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
    await recordAudit(ctx, ready.membership.workspaceId, 'report.viewed', {
      customerId: target.customerId,
      locationId: target.locationId,
      purpose: PURPOSE[data.view],
    });
    const outcome = await editRich(ctx, parts, reportKeyboard(data.view, data.ref));
    await answerPress(ctx, outcome === 'unchanged' ? 'Already up to date.' : undefined);
  });

  return feature;
}
