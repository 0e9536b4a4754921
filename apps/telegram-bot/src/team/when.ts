/**
 * A moment for people: `2026-12-07 09:10 UTC` (the bot has no time zone for a team).
 * @example utcMinute(Date.UTC(2026, 11, 7, 9, 10)) // '2026-12-07 09:10 UTC'
 */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * How long ago `then` was at `now`, roughly: `just now`, `5 min ago`, `3 h ago`, `2 days ago`.
 * @example ago(0, 3 * 3_600_000) // '3 h ago'
 */
export function ago(then: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
