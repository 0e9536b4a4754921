import type { SandboxUser } from '@org/telegram-sandbox';

/**
 * How many times each location's alert (or recovery) starting with `headline` reached `user`'s
 * chat, by the location line `🏠 name` of the message: to tell an alert delivered once from one
 * lost or repeated.
 * @example countAlerts(dan, '🔴 Offline').get('Store 01') // 1
 */
export function countAlerts(user: SandboxUser, headline: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of user.messages()) {
    const text = message.text ?? '';
    const place = /🏠 (.+)/.exec(text)?.[1];
    if (message.from?.is_bot && text.startsWith(headline) && place !== undefined)
      counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return counts;
}

/**
 * The texts of the bot's messages in `user`'s chat that contain `fragment`: one per answer, so
 * that a test can tell an update answered once from one lost or answered twice.
 * @example expect(botAnswers(kay, 'pods connected')).toHaveLength(1)
 */
export function botAnswers(user: SandboxUser, fragment: string): string[] {
  return user
    .messages()
    .filter((m) => m.from?.is_bot === true && (m.text ?? '').includes(fragment))
    .map((m) => m.text ?? '');
}
