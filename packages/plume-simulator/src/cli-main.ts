import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { acceleratedClock } from './clock';
import { startSimulator } from './server';
import type { Simulator, SimulatorOptions } from './types';

/** Where the command line writes, and whether it stops on SIGINT/SIGTERM. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly handleSignals: boolean;
}

export const USAGE = `Usage: plume-simulator [options]

A local Plume Cloud (SSO token endpoint, API, Reports) with the built-in data set.

Options:
  --port N              port to listen on (default 0: a free port)
  --host HOST           interface to bind (default 127.0.0.1)
  --latency MS          latency added to every response (default 0)
  --token-lifetime S    expires_in of issued tokens, in seconds (default 3600)
  --reference-time T    ISO time the series end at, or "now" (default 2025-06-01T12:00:00.000Z)
  --no-waf              disable the WAF limit (2,000 calls per 5 minutes)
  --scenario FILE       load a scenario (JSON: timelines per location); PUT another to
                        /_simulator/scenario while running, DELETE it to clear
  --speed N             run the clock N times faster than real time (scenarios play faster)
  --json                print one JSON line (url, ssoUrl, apiBase, reportsBase, credentials)
  -h, --help            show this help`;

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new TypeError(`--${name} must be an integer, got "${value}"`);
  return parsed;
}

/** Parses the command line into simulator options; `undefined` when help was asked for. */
export function parseCli(argv: readonly string[]): { options: SimulatorOptions; json: boolean } | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      latency: { type: 'string' },
      'token-lifetime': { type: 'string' },
      'reference-time': { type: 'string' },
      'no-waf': { type: 'boolean' },
      scenario: { type: 'string' },
      speed: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return undefined;
  const referenceTime = values['reference-time'];
  const speed = values.speed === undefined ? undefined : Number(values.speed);
  if (speed !== undefined && !(speed > 0 && Number.isFinite(speed)))
    throw new TypeError(`--speed must be a positive number, got "${values.speed}"`);
  return {
    json: values.json === true,
    options: {
      port: number(values.port, 'port'),
      host: values.host,
      latencyMs: number(values.latency, 'latency'),
      tokenLifetimeSeconds: number(values['token-lifetime'], 'token-lifetime'),
      referenceTime: referenceTime === 'now' ? Date.now() : referenceTime,
      wafLimit: values['no-waf'] ? false : undefined,
      ...(values.scenario !== undefined && { scenario: readScenario(values.scenario) }),
      ...(speed !== undefined && { clock: acceleratedClock(speed) }),
    },
  };
}

function readScenario(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new TypeError(
      `--scenario: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

function describe(sim: Simulator): string[] {
  return [
    `Plume simulator listening on ${sim.url}`,
    `  ssoUrl         ${sim.ssoUrl}`,
    `  apiBase        ${sim.apiBase}`,
    `  reportsBase    ${sim.reportsBase}`,
    `  authorization  ${sim.credentials.authorization}`,
    `  partnerId      ${sim.credentials.partnerId}`,
    `  clientId       ${sim.credentials.clientId}`,
    `  clientSecret   ${sim.credentials.clientSecret}`,
    'Test credentials only. Press Ctrl+C to stop.',
  ];
}

/**
 * Runs `plume-simulator`: starts the simulator, prints its URLs and test credentials, and (when
 * `handleSignals`) closes it on SIGINT or SIGTERM.
 *
 * @returns The running simulator, or `undefined` after `--help`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<Simulator | undefined> {
  const parsed = parseCli(argv);
  if (!parsed) {
    io.out(USAGE);
    return undefined;
  }
  const sim = await startSimulator(parsed.options);
  if (parsed.json) {
    const { url, ssoUrl, apiBase, reportsBase, credentials } = sim;
    io.out(JSON.stringify({ url, ssoUrl, apiBase, reportsBase, credentials }));
  } else {
    for (const line of describe(sim)) io.out(line);
  }
  if (io.handleSignals) {
    const stop = (): void => void sim.close();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return sim;
}
