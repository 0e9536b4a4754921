import { Markup } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { locationPageData, pickLocationData, reportViewData, watchAllData } from '../callback-data/actions';
import { echo } from '../security/bidi';

/** Locations per page of the picker. */
export const PAGE_SIZE = 8;

const label = (name: string, fallback: string) => {
  const shown = echo(name.trim().slice(0, 60));
  return shown === '' ? fallback : shown;
};

/**
 * One button per location (`keys` are their refs), with ‹ › between pages of the customer
 * `customerRef`, and a last one that watches every location of that customer.
 */
export function locationPageKeyboard(
  locations: ReadonlyArray<{ name: string; key: number }>,
  page: { index: number; count: number; customerRef: number },
): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = locations.map(({ name, key }) => [
    Markup.button.callback(label(name, 'Unnamed location'), pickLocationData.pack({ ref: key })),
  ]);
  const nav: InlineKeyboardButton[] = [];
  if (page.index > 0)
    nav.push(
      Markup.button.callback('‹ Previous', locationPageData.pack({ ref: page.customerRef, page: page.index - 1 })),
    );
  if (page.index < page.count - 1)
    nav.push(Markup.button.callback('Next ›', locationPageData.pack({ ref: page.customerRef, page: page.index + 1 })));
  if (nav.length > 0) rows.push(nav);
  rows.push([Markup.button.callback('👁 Watch all locations', watchAllData.pack({ ref: page.customerRef }))]);
  return Markup.inlineKeyboard(rows).reply_markup;
}

/** One button per customer that matched a search; each opens that customer's locations. */
export function customerKeyboard(customers: ReadonlyArray<{ label: string; key: number }>): InlineKeyboardMarkup {
  return Markup.inlineKeyboard(
    customers.map(({ label: text, key }) => [
      Markup.button.callback(label(text, 'Unnamed customer'), locationPageData.pack({ ref: key, page: 0 })),
    ]),
  ).reply_markup;
}

/** The recently used locations, as one-tap choices. */
export function recentKeyboard(recent: ReadonlyArray<{ name: string; key: number }>): InlineKeyboardMarkup {
  return Markup.inlineKeyboard(
    recent.map(({ name, key }) => [
      Markup.button.callback(`🕘 ${label(name, 'Unnamed location')}`, pickLocationData.pack({ ref: key })),
    ]),
  ).reply_markup;
}

/** Under "location selected": open its health report in place. */
export function selectedKeyboard(key: number): InlineKeyboardMarkup {
  return Markup.inlineKeyboard([
    [Markup.button.callback('📊 Status', reportViewData.pack({ view: 'status', ref: key }))],
  ]).reply_markup;
}
