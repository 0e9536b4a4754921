import { conditionLabel } from '@org/bot-formatting/plume';
import { Markup } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import {
  acknowledgeData,
  alertStatusData,
  MUTE_HOURS,
  muteData,
  muteMenuData,
  unwatchData,
  watchConditionData,
  watchListData,
  watchPlanData,
  watchSettingsData,
} from '../callback-data/actions';
import { echo } from '../security/bidi';
import { WATCH_CONDITIONS, type Watch } from '../storage/watch-store';

/** Under an alert: the location's status, mute choices, and acknowledging the incident. */
export function alertKeyboard(monitoredId: number, incidentId: number | null): InlineKeyboardMarkup {
  const row: InlineKeyboardButton[] = [
    Markup.button.callback('📊 Status', alertStatusData.pack({ mid: monitoredId })),
    Markup.button.callback('🔕 Mute…', muteMenuData.pack({ mid: monitoredId })),
  ];
  if (incidentId !== null)
    row.push(Markup.button.callback('✅ Acknowledge', acknowledgeData.pack({ inc: incidentId })));
  return Markup.inlineKeyboard([row]).reply_markup;
}

/** The mute durations for one watch. */
export function muteKeyboard(monitoredId: number): InlineKeyboardButton[] {
  return MUTE_HOURS.map((hours) => Markup.button.callback(`🔕 ${hours} h`, muteData.pack({ mid: monitoredId, hours })));
}

/** Under /watches: one button per watch, numbered as the list is. */
export function watchListKeyboard(watches: readonly Watch[]): InlineKeyboardMarkup {
  return Markup.inlineKeyboard(
    watches
      .slice(0, 90)
      .map((w, i) => [
        Markup.button.callback(
          `⚙️ ${i + 1}. ${echo(w.locationName.trim().slice(0, 40)) || 'Unnamed location'}`,
          watchSettingsData.pack({ mid: w.monitoredId }),
        ),
      ]),
  ).reply_markup;
}

/** One watch's settings: each condition on or off, the plan speed, mute, unwatch, back to the list. */
export function watchSettingsKeyboard(watch: Watch): InlineKeyboardMarkup {
  const conditions = WATCH_CONDITIONS.map((cond) => {
    const off = watch.conditionsOff.includes(cond);
    return Markup.button.callback(
      `${off ? '⬜' : '✅'} ${conditionLabel(cond).short}`,
      watchConditionData.pack({ mid: watch.monitoredId, cond, on: off ? '1' : '0' }),
    );
  });
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < conditions.length; i += 2) rows.push(conditions.slice(i, i + 2));
  rows.push([Markup.button.callback('📶 Plan speed', watchPlanData.pack({ mid: watch.monitoredId }))]);
  rows.push(muteKeyboard(watch.monitoredId));
  rows.push([
    Markup.button.callback('🗑 Unwatch', unwatchData.pack({ mid: watch.monitoredId })),
    Markup.button.callback('‹ All watches', watchListData.pack({})),
  ]);
  return Markup.inlineKeyboard(rows).reply_markup;
}
