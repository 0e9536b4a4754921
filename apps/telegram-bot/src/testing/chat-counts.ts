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

/** An alert or recovery that reached a chat more than once: `kind:place` (as the outbox names it) and how often. */
export interface RepeatedAlert {
  alert: string;
  times: number;
}

/**
 * The offline alerts and recoveries that reached `user`'s chat more than once, named
 * `firing:<place>` or `resolved:<place>` as the outbox's rows are: a test checks each against its
 * documented duplicate window.
 * @example for (const { alert, times } of repeatedOutageAlerts(dan)) expect(inWindow).toContain(alert);
 */
export function repeatedOutageAlerts(user: SandboxUser): RepeatedAlert[] {
  const repeated: RepeatedAlert[] = [];
  for (const [headline, kind] of [
    ['🔴 Offline', 'firing'],
    ['✅ Back online', 'resolved'],
  ] as const) {
    for (const [place, times] of countAlerts(user, headline))
      if (times > 1) repeated.push({ alert: `${kind}:${place}`, times });
  }
  return repeated;
}
