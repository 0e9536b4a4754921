import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { changeLocationData, locationPageData, pickLocationData } from '../callback-data/actions';
import { callbackDataOf } from '../callback-data/read';
import type { BotContext } from '../context';
import { reasonOf } from '../input/setup-answers';
import { customerQuerySchema } from '../input/customer-query';
import {
  customerKeyboard,
  locationPageKeyboard,
  PAGE_SIZE,
  recentKeyboard,
  selectedKeyboard,
} from '../keyboards/location-keyboards';
import { findCustomers, type CustomerMatch } from '../plume/find-customers';
import { takeTurn } from '../plume/take-turn';
import { answerPress, editText } from '../replies';
import { recallRef, selectLocation } from '../storage/refs';
import type { Credentials } from '../storage/user-state';
import { recordAudit } from './audit-trail';
import { requireCredentials } from './guards';
import { remember } from './remember';
import { echo } from '../security/bidi';

const MAX_CUSTOMERS = 8;
const STALE = 'This list is out of date. Send /locations to search again.';
const ASK = 'Which customer? Send a customer id, an email, an account id, a name or a pod serial. /cancel to stop.';

const customerLabel = (c: CustomerMatch) => [c.name ?? c.id, c.email ?? c.accountId].filter(Boolean).join(' · ');

/** Asks for a customer, offering the recent locations as one-tap choices. */
async function askForCustomer(ctx: BotContext, chatId: number): Promise<void> {
  const ready = await requireCredentials(ctx);
  if (ready === undefined) return;
  await ctx.services.store.update(ctx.from?.id ?? 0, (s) => ({ ...s, dialog: { kind: 'locations', chatId } }));
  const recent = ready.state.recent;
  if (recent.length === 0) {
    await ctx.reply(ASK);
    return;
  }
  const keys = await remember(
    ctx,
    recent.map((r) => ({ kind: 'location', ...r })),
  );
  await ctx.reply(`${ASK}\n\nOr pick a recent location:`, {
    reply_markup: recentKeyboard(recent.map((r, i) => ({ name: r.name, key: keys[i] ?? 0 }))),
  });
}

/** The text and buttons of one page of a customer's locations. */
async function locationPage(
  ctx: BotContext,
  credentials: Credentials,
  customer: { customerId: string; name: string },
  customerRef: number,
  index: number,
) {
  const locations = await takeTurn(ctx, credentials, (client, signal) =>
    client.locations.list(customer.customerId, { signal }),
  );
  if (locations.length === 0)
    return { text: `${echo(customer.name)} has no locations. Send another customer, or /cancel.`, keyboard: undefined };
  const count = Math.ceil(locations.length / PAGE_SIZE);
  const page = Math.min(index, count - 1);
  const shown = locations
    .slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
    .map((l) => ({ name: l.name ?? '', locationId: l.id }));
  const keys = await remember(
    ctx,
    shown.map((l) => ({ kind: 'location', customerId: customer.customerId, locationId: l.locationId, name: l.name })),
  );
  const pages = count > 1 ? ` (page ${page + 1} of ${count})` : '';
  return {
    text: `${echo(customer.name)}: ${locations.length === 1 ? '1 location' : `${locations.length} locations`}${pages}. Pick one:`,
    keyboard: locationPageKeyboard(
      shown.map((l, i) => ({ name: l.name, key: keys[i] ?? 0 })),
      { index: page, count, customerRef },
    ),
  };
}

/** One customer: their locations at once; several: a button per customer (the first eight). */
async function replyWithMatches(
  ctx: BotContext,
  credentials: Credentials,
  customers: readonly CustomerMatch[],
): Promise<void> {
  const shown = customers.slice(0, MAX_CUSTOMERS);
  const keys = await remember(
    ctx,
    shown.map((c) => ({ kind: 'customer', customerId: c.id, name: c.name ?? c.id })),
  );
  const [only] = shown;
  if (shown.length === 1 && only !== undefined) {
    const page = await locationPage(
      ctx,
      credentials,
      { customerId: only.id, name: only.name ?? only.id },
      keys[0] ?? 0,
      0,
    );
    await ctx.reply(page.text, page.keyboard === undefined ? {} : { reply_markup: page.keyboard });
    return;
  }
  const more =
    customers.length > shown.length ? ` (showing ${shown.length}: send a more precise name to narrow it down)` : '';
  await ctx.reply(`${customers.length} customers match${more}. Pick one:`, {
    reply_markup: customerKeyboard(shown.map((c, i) => ({ label: customerLabel(c), key: keys[i] ?? 0 }))),
  });
}

/** /locations: find the customer, then pick one of their locations from buttons. */
export function locationsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('locations', (ctx) => askForCustomer(ctx, ctx.chat.id));
  feature.action(changeLocationData.filter(), async (ctx) => {
    await ctx.answerCbQuery();
    await askForCustomer(ctx, ctx.chat?.id ?? ctx.from.id);
  });

  feature.on(message('text'), async (ctx, next) => {
    const state = await ctx.services.store.get(ctx.from.id);
    if (state.dialog?.kind !== 'locations' || state.dialog.chatId !== ctx.chat.id || ctx.message.text.startsWith('/'))
      return next();
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const query = customerQuerySchema.safeParse(ctx.message.text);
    if (!query.success) return void (await ctx.reply(`${reasonOf(query.error)} Send it again, or /cancel.`));
    const customers = await takeTurn(ctx, ready.credentials, (client, signal) =>
      findCustomers(client, query.data, signal),
    );
    if (customers.length === 0) {
      await ctx.reply(
        `No customer matches “${echo(query.data.value)}”. Check the id, email, account id or name and send it again, or /cancel.`,
      );
      return;
    }
    for (const customer of customers.slice(0, MAX_CUSTOMERS))
      await recordAudit(ctx, ready.membership.workspaceId, 'customer.searched', {
        customerId: customer.id,
        purpose: 'customer search',
      });
    await replyWithMatches(ctx, ready.credentials, customers);
  });

  feature.action(locationPageData.filter(), async (ctx) => {
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const data = locationPageData.unpack(callbackDataOf(ctx));
    const customer = data === undefined ? undefined : recallRef(ready.state, data.ref);
    if (data === undefined || customer?.kind !== 'customer')
      return void (await ctx.answerCbQuery(STALE, { show_alert: true }));
    const page = await locationPage(ctx, ready.credentials, customer, data.ref, data.page);
    await recordAudit(ctx, ready.membership.workspaceId, 'customer.searched', {
      customerId: customer.customerId,
      purpose: 'location list',
    });
    await editText(ctx, page.text, page.keyboard === undefined ? {} : { reply_markup: page.keyboard });
    await answerPress(ctx);
  });

  feature.action(pickLocationData.filter(), async (ctx) => {
    const ready = await requireCredentials(ctx);
    if (ready === undefined) return;
    const data = pickLocationData.unpack(callbackDataOf(ctx));
    const target = data === undefined ? undefined : recallRef(ready.state, data.ref);
    if (data === undefined || target?.kind !== 'location')
      return void (await ctx.answerCbQuery(STALE, { show_alert: true }));
    const { kind: _kind, ...location } = target;
    await ctx.services.store.update(ctx.from.id, (s) => {
      const { dialog: _dialog, ...rest } = selectLocation(s, location);
      return rest;
    });
    await ctx.answerCbQuery(`Selected ${echo(location.name)}`);
    await editText(
      ctx,
      `📍 Selected: ${echo(location.name) || 'Unnamed location'}\n\nNext: /status for its health report, or press the button.`,
      {
        reply_markup: selectedKeyboard(data.ref),
      },
    );
  });

  return feature;
}
