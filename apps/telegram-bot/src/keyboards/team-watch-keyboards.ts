import { conditionLabel } from '@org/bot-formatting/plume';
import { Markup } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { MUTE_HOURS } from '../callback-data/actions';
import {
  memberWatchesData,
  teamMuteData,
  teamUnwatchData,
  teamWatchConditionData,
  teamWatchesData,
  teamWatchSettingsData,
} from '../callback-data/team-watch-actions';
import { echo } from '../security/bidi';
import { WATCH_CONDITIONS, type Watch } from '../storage/watch-store';

/** Buttons a message may hold before Telegram refuses it: the lists stop there (the text still counts all). */
const MAX_BUTTONS = 90;
const short = (text: string) => [...text.trim()].slice(0, 40).join('');

/** Under the team's overview: one button per member, numbered as the overview is. */
export function teamWatchesKeyboard(members: ReadonlyArray<{ userId: number; name: string }>): InlineKeyboardMarkup {
  return Markup.inlineKeyboard(
    members
      .slice(0, MAX_BUTTONS)
      .map((m, i) => [
        Markup.button.callback(`👤 ${i + 1}. ${short(m.name)}`, memberWatchesData.pack({ u: m.userId })),
      ]),
  ).reply_markup;
}

/** Under a member's watches: one button per watch, numbered as the list is, and back to the team. */
export function memberWatchesKeyboard(userId: number, watches: readonly Watch[]): InlineKeyboardMarkup {
  const rows = watches
    .slice(0, MAX_BUTTONS)
    .map((w, i) => [
      Markup.button.callback(
        `⚙️ ${i + 1}. ${echo(short(w.locationName)) || 'Unnamed location'}`,
        teamWatchSettingsData.pack({ u: userId, mid: w.monitoredId }),
      ),
    ]);
  return Markup.inlineKeyboard([...rows, [Markup.button.callback('‹ Team', teamWatchesData.pack({}))]]).reply_markup;
}

/** A member's watch: each condition on or off, mute, unwatch, back to their watches. */
export function teamWatchSettingsKeyboard(userId: number, watch: Watch): InlineKeyboardMarkup {
  const mid = watch.monitoredId;
  const conditions = WATCH_CONDITIONS.map((cond) => {
    const off = watch.conditionsOff.includes(cond);
    return Markup.button.callback(
      `${off ? '⬜' : '✅'} ${conditionLabel(cond).short}`,
      teamWatchConditionData.pack({ u: userId, mid, cond, on: off ? '1' : '0' }),
    );
  });
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < conditions.length; i += 2) rows.push(conditions.slice(i, i + 2));
  rows.push(
    MUTE_HOURS.map((hours) => Markup.button.callback(`🔕 ${hours} h`, teamMuteData.pack({ u: userId, mid, hours }))),
  );
  rows.push([
    Markup.button.callback('🗑 Unwatch', teamUnwatchData.pack({ u: userId, mid })),
    Markup.button.callback('‹ Their watches', memberWatchesData.pack({ u: userId })),
  ]);
  return Markup.inlineKeyboard(rows).reply_markup;
}

/** After a member's watch was stopped: back to their watches, or to the team. */
export function backToMemberKeyboard(userId: number): InlineKeyboardMarkup {
  return Markup.inlineKeyboard([
    [
      Markup.button.callback('‹ Their watches', memberWatchesData.pack({ u: userId })),
      Markup.button.callback('‹ Team', teamWatchesData.pack({})),
    ],
  ]).reply_markup;
}
