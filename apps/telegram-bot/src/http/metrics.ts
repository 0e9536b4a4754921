/** A tiny Prometheus registry: counters, gauges read at scrape time, and histograms. */
/** A series' labels, name to value. */
export type Labels = Readonly<Record<string, string>>;

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}
export interface Histogram {
  observe(value: number, labels?: Labels): void;
}
export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  histogram(name: string, help: string, buckets: readonly number[]): Histogram;
  gauge(name: string, help: string, collect: () => number | Promise<number>): void;
  /** The Prometheus text exposition format (version 0.0.4). */
  render(): Promise<string>;
}

const labelText = (labels: Labels) => {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
};

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Creates an empty registry; one per bot instance, never module-global. `labels` go on every
 * series, e.g. `{ replica: 'bot-1' }`, so that the series of several replicas stay apart.
 * @example createMetricsRegistry({ labels: { replica: 'bot-1' } }).counter('hits_total', 'Hits.').inc()
 */
export function createMetricsRegistry(options: { labels?: Labels } = {}): MetricsRegistry {
  const constant = options.labels ?? {};
  const withConstant = (labels: Labels): Labels => ({ ...constant, ...labels });
  const sections: Array<() => string[] | Promise<string[]>> = [];

  return {
    counter(name, help) {
      const values = new Map<string, { labels: Labels; value: number }>();
      sections.push(() => [
        `# HELP ${name} ${help}`,
        `# TYPE ${name} counter`,
        ...(values.size === 0
          ? [`${name}${labelText(constant)} 0`]
          : [...values.values()].map(({ labels, value }) => `${name}${labelText(withConstant(labels))} ${value}`)),
      ]);
      return {
        inc(labels = {}, by = 1) {
          const key = keyOf(labels);
          const entry = values.get(key) ?? { labels, value: 0 };
          entry.value += by;
          values.set(key, entry);
        },
      };
    },
    histogram(name, help, buckets) {
      const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
      sections.push(() => {
        const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
        for (const { labels: own, counts, sum, count } of series.values()) {
          const labels = withConstant(own);
          buckets.forEach((le, i) =>
            lines.push(`${name}_bucket${labelText({ ...labels, le: String(le) })} ${counts[i]}`),
          );
          lines.push(`${name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`);
          lines.push(`${name}_sum${labelText(labels)} ${sum}`, `${name}_count${labelText(labels)} ${count}`);
        }
        return lines;
      });
      return {
        observe(value, labels = {}) {
          const key = keyOf(labels);
          const entry = series.get(key) ?? { labels, counts: buckets.map(() => 0), sum: 0, count: 0 };
          buckets.forEach((le, i) => {
            if (value <= le) entry.counts[i] = (entry.counts[i] ?? 0) + 1;
          });
          entry.sum += value;
          entry.count += 1;
          series.set(key, entry);
        },
      };
    },
    gauge(name, help, collect) {
      sections.push(async () => [
        `# HELP ${name} ${help}`,
        `# TYPE ${name} gauge`,
        `${name}${labelText(constant)} ${await collect()}`,
      ]);
    },
    async render() {
      const parts = await Promise.all(sections.map((section) => Promise.resolve(section())));
      return `${parts.flat().join('\n')}\n`;
    },
  };
}
