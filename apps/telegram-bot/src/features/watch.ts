import { Composer } from 'telegraf';
import { watchAllData, watchCustomerOfData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { takeTurn } from '../plume/take-turn';
import { answerPress } from '../replies';
import { echo } from '../security/bidi';
import { recallRef } from '../storage/refs';
import type { Credentials } from '../storage/user-state';
import type { WatchOutcome, WatchTarget } from '../storage/watch-store';
import { recordAudit } from './audit-trail';
import { requireCredentials } from './guards';

const STALE = 'This button belongs to an old message I no longer remember. Send /locations to pick the customer again.';

/** What a watch request did, in one or two sentences. */
function outcomeText(outcome: WatchOutcome, what: string, cap: number): string {
  const parts: string[] = [];
  if (outcome.added > 0)
    parts.push(
      `👁 Now watching ${what}. I check ${outcome.added === 1 ? 'it' : 'them'} regularly and tell you here when something is wrong.`,
    );
  else if (outcome.already > 0 && outcome.refused === 0) parts.push(`You already watch ${what}.`);
  if (outcome.refused > 0)
    parts.push(
      `${outcome.refused === 1 ? 'One location was' : `${outcome.refused} locations were`} not added: you watch ${outcome.total}, the most one person may (${cap}). Unwatch some in /watches first.`,
    );
  parts.push('/watches lists what you watch, with buttons to mute or unwatch.');
  return parts.join('\n\n');
}

/** The customer's name, or its id when Plume gives none. */
async function customerName(ctx: BotContext, credentials: Credentials, customerId: string): Promise<string> {
  const customer = await takeTurn(ctx, credentials, (client, signal) => client.customers.get(customerId, { signal }));
  return customer.name ?? customer.id;
}

/** Watches every location of a customer: one Plume call for the list. */
async function watchCustomer(
  ctx: BotContext,
  credentials: Credentials,
  customer: { customerId: string; name: string },
): Promise<string> {
  const { monitoring, plume } = ctx.services;
  const locations = await takeTurn(ctx, credentials, (client, signal) =>
    client.locations.list(customer.customerId, { signal }),
  );
  if (locations.length === 0) return `${echo(customer.name)} has no locations to watch.`;
  const cloud = plume.cloudOf(credentials);
  const targets: WatchTarget[] = locations.map((l) => ({
    cloud,
    customerId: customer.customerId,
    customerName: customer.name,
    locationId: l.id,
    locationName: l.name ?? '',
  }));
  const outcome = await monitoring.watches.watch(ctx.from?.id ?? 0, targets, monitoring.maxWatchesPerPerson);
  if (outcome.added > 0) monitoring.wakeMonitor();
  const all = locations.length === 1 ? 'the location' : `all ${locations.length} locations`;
  const some = `${outcome.added} of the ${locations.length} locations`;
  const what = `${outcome.refused > 0 ? some : all} of ${echo(customer.name)}`;
  return outcomeText(outcome, what, monitoring.maxWatchesPerPerson);
}

/**
 * /watch (the selected location) and the "👁 Watch all locations" buttons (under a customer's
 * location list and under /status). Each person has their own watches; the poll of a location is shared.
 */
export function watchFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('watch', async (ctx) => {
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const location = ready.state.selection;
    if (location === undefined) {
      await ctx.reply('Which location? Select one with /locations first, then send /watch again.');
      return;
    }
    const { monitoring, plume } = ctx.services;
    const name = await customerName(ctx, ready.credentials, location.customerId);
    const outcome = await monitoring.watches.watch(
      ctx.from.id,
      [
        {
          cloud: plume.cloudOf(ready.credentials),
          customerId: location.customerId,
          customerName: name,
          locationId: location.locationId,
          locationName: location.name,
        },
      ],
      monitoring.maxWatchesPerPerson,
    );
    if (outcome.added > 0) {
      monitoring.wakeMonitor();
      await recordAudit(ctx, ready.membership.workspaceId, 'watch.added', {
        customerId: location.customerId,
        locationId: location.locationId,
      });
    }
    const what = `${echo(location.name) || 'this location'} (${echo(name)})`;
    await ctx.reply(outcomeText(outcome, what, monitoring.maxWatchesPerPerson));
  });

  feature.action(watchAllData.filter(), async (ctx) => {
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const data = watchAllData.unpack(callbackDataOf(ctx));
    const customer = data === undefined ? undefined : recallRef(ready.state, data.ref);
    if (customer?.kind !== 'customer') return void (await ctx.answerCbQuery(STALE, { show_alert: true }));
    const text = await watchCustomer(ctx, ready.credentials, customer);
    await recordAudit(ctx, ready.membership.workspaceId, 'watch.added', { customerId: customer.customerId });
    await answerPress(ctx);
    await ctx.reply(text);
  });

  feature.action(watchCustomerOfData.filter(), async (ctx) => {
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const data = watchCustomerOfData.unpack(callbackDataOf(ctx));
    const location = data === undefined ? undefined : recallRef(ready.state, data.ref);
    if (location?.kind !== 'location') return void (await ctx.answerCbQuery(STALE, { show_alert: true }));
    const name = await customerName(ctx, ready.credentials, location.customerId);
    const text = await watchCustomer(ctx, ready.credentials, { customerId: location.customerId, name });
    await recordAudit(ctx, ready.membership.workspaceId, 'watch.added', { customerId: location.customerId });
    await answerPress(ctx);
    await ctx.reply(text);
  });

  return feature;
}
