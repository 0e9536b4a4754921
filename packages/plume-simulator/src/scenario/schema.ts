import { z } from 'zod';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration: seconds as a number, or a string such as `90s`, `5m`, `1.5h`, `2d`, `250ms`. */
const duration = z
  .union(
    [
      z.number().nonnegative(),
      z.string().regex(/^\d+(\.\d+)?(ms|s|m|h|d)$/, { error: 'must look like 90s, 5m, 2h or 1d' }),
    ],
    {
      error: 'must be a duration: seconds as a number, or a string like "90s", "5m", "2h", "1d"',
    },
  )
  .transform((value) => {
    if (typeof value === 'number') return value * 1000;
    const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value) as RegExpExecArray;
    return Number(amount) * (UNITS[unit as string] as number);
  });

const positiveDuration = duration.refine((ms) => ms > 0, { error: 'must be longer than 0' });

/** When an event starts: a duration after the scenario's start, or an absolute ISO time. */
const at = z.union(
  [
    duration.transform((ms) => ({ offsetMs: ms })),
    z.iso.datetime({ offset: true }).transform((iso) => ({ time: Date.parse(iso) })),
  ],
  {
    error: 'must be a duration after the scenario start ("10m", 600) or an ISO time',
  },
);

/** A pod: its index in the location's node list (0 is the gateway) or its serial number. */
const pod = z.union([z.number().int().nonnegative(), z.string().min(1)], {
  error: 'must be the pod index (0 is the gateway) or its serial number',
});

const timing = {
  /** When it starts. */
  at,
  /** How long it lasts. @default for ever */
  for: positiveDuration.optional(),
  /** Repeat it every this long from `at` on (each time lasting `for`). */
  every: positiveDuration.optional(),
};

const eventSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('offline'), ...timing }),
    z.strictObject({ kind: z.literal('podDisconnected'), ...timing, pod }),
    z.strictObject({ kind: z.literal('podHealth'), ...timing, pod, health: z.enum(['fair', 'poor']) }),
    z.strictObject({ kind: z.literal('flapping'), at, for: positiveDuration.optional(), every: positiveDuration }),
    z.strictObject({ kind: z.literal('wanSaturation'), ...timing, mbps: z.number().positive().optional() }),
    z.strictObject({
      kind: z.literal('speedTestDrop'),
      ...timing,
      download: z.number().nonnegative(),
      upload: z.number().nonnegative().optional(),
    }),
    z.strictObject({
      kind: z.literal('plumeFailing'),
      ...timing,
      status: z.union([z.number().int().min(500).max(599), z.literal('timeout')]).optional(),
      holdMs: z.number().int().positive().optional(),
    }),
  ],
  {
    error:
      'kind must be one of offline, podDisconnected, podHealth, flapping, wanSaturation, speedTestDrop, plumeFailing',
  },
);

const scenarioSchema = z.strictObject({
  /** What `at` offsets count from. @default the clock's time when the scenario is loaded */
  start: z.union([z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso)), z.number().int()]).optional(),
  /** Timelines by location key (`adaHome`) or id. */
  locations: z.record(z.string(), z.array(eventSchema)).optional(),
  /** Plume failing for every location: `plumeFailing` events only. */
  plume: z
    .array(
      eventSchema.refine((event) => event.kind === 'plumeFailing', {
        error: 'only plumeFailing events apply to all of Plume',
      }),
    )
    .optional(),
});

/** A scenario as JSON: timelines per location, and Plume's own failures. See the README for every event. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** One parsed event (times in ms). */
export type ScenarioEvent = z.output<typeof eventSchema>;
/** A parsed scenario. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

/**
 * Parses a scenario (an object, or its JSON text).
 *
 * @throws TypeError listing each problem with its path, e.g. `locations.adaHome[0].for: must be longer than 0`.
 */
export function parseScenario(input: unknown): ParsedScenario {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new TypeError(`[plume-simulator] the scenario is not JSON: ${(error as Error).message}`);
    }
  }
  const parsed = scenarioSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text ? `${text}.` : ''}${String(key)}`),
      '',
    );
    return `  - ${path || '(scenario)'}: ${issue.message}`;
  });
  throw new TypeError(`[plume-simulator] invalid scenario:\n${lines.join('\n')}`);
}
