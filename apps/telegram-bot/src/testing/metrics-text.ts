/** A series as tests name it: its labels without the bot's `replica` label, which every series carries. */
const withoutReplica = (series: string) =>
  series
    .replace(/replica="(?:[^"\\]|\\.)*",?/, '')
    .replace(/,}$/, '}')
    .replace(/\{\}$/, '');

/**
 * The value of one series in Prometheus text, named as without the `replica` label, e.g.
 * `telegram_bot_alerts_sent_total{kind="firing"}` or `telegram_bot_stored_users`; undefined when absent.
 * @example seriesValue('hits_total{replica="a",kind="x"} 3\n', 'hits_total{kind="x"}') // 3
 */
export function seriesValue(text: string, series: string): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line === '') continue;
    const space = line.lastIndexOf(' ');
    if (withoutReplica(line.slice(0, space)) === series) return Number(line.slice(space + 1));
  }
  return undefined;
}
