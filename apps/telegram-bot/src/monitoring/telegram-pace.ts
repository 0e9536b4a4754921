/** Telegram's limits on a bot's messages, as the relay keeps them. */
export interface PaceLimits {
  /** Least time between two messages to one private chat, ms. @default 1000 */
  perChatMs: number;
  /** Messages per second across all chats. @default 30 */
  perSecond: number;
  /** Messages per minute to one group. @default 20 */
  perGroupPerMinute: number;
}

export const DEFAULT_PACE: PaceLimits = { perChatMs: 1000, perSecond: 30, perGroupPerMinute: 20 };

/** Keeps the relay within Telegram's limits: per chat, per group, overall; and a chat's 429 `retry_after`. */
export interface TelegramPace {
  /** When a message to `chatId` may go (epoch ms): `now` or later. */
  readyAt(chatId: number, now: number): number;
  /** Counts a message sent to `chatId` at `now`. */
  sent(chatId: number, now: number): void;
  /** Holds every message to `chatId` until `until` (Telegram's `retry_after`). */
  holdChat(chatId: number, until: number): void;
}

/** The recent send times of one chat (groups keep a minute of them), and a hold. */
interface ChatPace {
  times: number[];
  holdUntil: number;
}

/**
 * The in-memory {@link TelegramPace}. Group chats (negative ids) get the per-minute limit on top of
 * the per-chat spacing. Memory is bounded: chats idle for a minute are forgotten.
 * @example const pace = createTelegramPace(); pace.readyAt(42, Date.now()) // now
 */
export function createTelegramPace(limits: PaceLimits = DEFAULT_PACE): TelegramPace {
  const chats = new Map<number, ChatPace>();
  const all: number[] = [];
  const prune = (times: number[], since: number) => {
    let n = 0;
    while (n < times.length && (times[n] as number) <= since) n++;
    if (n > 0) times.splice(0, n);
  };
  return {
    readyAt(chatId, now) {
      let at = now;
      prune(all, now - 1000);
      if (all.length >= limits.perSecond) at = Math.max(at, (all[all.length - limits.perSecond] as number) + 1000);
      const chat = chats.get(chatId);
      if (chat === undefined) return at;
      at = Math.max(at, chat.holdUntil);
      const last = chat.times[chat.times.length - 1];
      if (last !== undefined) at = Math.max(at, last + limits.perChatMs);
      if (chatId < 0) {
        prune(chat.times, now - 60_000);
        if (chat.times.length >= limits.perGroupPerMinute)
          at = Math.max(at, (chat.times[chat.times.length - limits.perGroupPerMinute] as number) + 60_000);
      }
      return at;
    },
    sent(chatId, now) {
      all.push(now);
      const chat = chats.get(chatId) ?? { times: [], holdUntil: 0 };
      chat.times.push(now);
      prune(chat.times, now - 60_000);
      chats.set(chatId, chat);
      if (chats.size > 10_000) {
        for (const [id, entry] of chats) {
          const last = entry.times[entry.times.length - 1] ?? 0;
          if (last < now - 60_000 && entry.holdUntil < now) chats.delete(id);
        }
      }
    },
    holdChat(chatId, until) {
      const chat = chats.get(chatId) ?? { times: [], holdUntil: 0 };
      chat.holdUntil = Math.max(chat.holdUntil, until);
      chats.set(chatId, chat);
    },
  };
}
