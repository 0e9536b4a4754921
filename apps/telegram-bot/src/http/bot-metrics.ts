import type { Counter, Histogram, MetricsRegistry } from './metrics';

/** The bot's own metrics, registered once per bot instance. */
export interface BotMetrics {
  registry: MetricsRegistry;
  updates: Counter;
  errors: Counter;
  refused: Counter;
  rateLimited: Counter;
  plumeCalls: Counter;
  updateSeconds: Histogram;
  /** Charts asked for, by where they came from: `cached`, `shared` (a load under way), `loaded`. */
  charts: Counter;
  /** Charts drawn (a load whose data moved on since the cached picture). */
  chartRenders: Counter;
}

const SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createBotMetrics(registry: MetricsRegistry): BotMetrics {
  registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage().rss);
  return {
    registry,
    updates: registry.counter('telegram_bot_updates_total', 'Updates handled, by kind (message, callback_query, …).'),
    errors: registry.counter(
      'telegram_bot_errors_total',
      'Updates that ended in an error, by cause (plume, unexpected).',
    ),
    refused: registry.counter('telegram_bot_refused_total', 'Updates from users outside ALLOWED_USERS.'),
    rateLimited: registry.counter('telegram_bot_rate_limited_total', 'Updates dropped by the per-user rate limit.'),
    plumeCalls: registry.counter(
      'telegram_bot_plume_requests_total',
      'Plume API calls, by outcome (ok, or the error code).',
    ),
    charts: registry.counter(
      'telegram_bot_charts_total',
      'Charts asked for, by source (cached, shared with a load under way, loaded).',
    ),
    chartRenders: registry.counter('telegram_bot_chart_renders_total', 'Charts drawn, by view.'),
    updateSeconds: registry.histogram(
      'telegram_bot_update_duration_seconds',
      'Time to handle one update.',
      SECONDS_BUCKETS,
    ),
  };
}
