import type { Context } from 'telegraf';

/** The pressed button's callback data ('' for game buttons or other updates). */
export function callbackDataOf(ctx: Context): string {
  const query = ctx.callbackQuery;
  return query !== undefined && 'data' in query ? query.data : '';
}
