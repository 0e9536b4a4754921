import { PARTNER_ID } from './dataset/customers';
import { normalizeWaf } from './faults';
import type { SimulatorOptions, WafLimit } from './types';

/** The built-in OAuth client id (Okta-style). */
const DEFAULT_CLIENT_ID = '0oaSimulatorClient0001';
/** The built-in OAuth client secret. It is a test value, published on purpose. */
const DEFAULT_CLIENT_SECRET = 'simulator-secret-not-for-production';
/** The series' default end: a fixed instant, so that data is deterministic. */
const DEFAULT_REFERENCE_TIME = '2025-06-01T12:00:00.000Z';
/** The Okta authorization-server id in the simulated token URL. */
export const AUTH_SERVER_ID = 'ausSimulator00000000';

/** {@link SimulatorOptions} with every default filled in. */
export interface ResolvedSimulatorOptions {
  readonly port: number;
  readonly host: string;
  readonly latencyMs: number;
  readonly tokenLifetimeSeconds: number;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly partnerId: string;
  readonly wafLimit: Required<WafLimit> | false;
  readonly referenceTime: number;
  readonly now: () => number;
}

function fail(message: string): never {
  throw new TypeError(`[plume-simulator] ${message}`);
}

function integer(
  value: number | undefined,
  fallback: number,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < min || resolved > max) {
    fail(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return resolved;
}

function text(value: string | undefined, fallback: string, name: string): string {
  const resolved = value ?? fallback;
  if (typeof resolved !== 'string' || resolved === '' || /\s|:/.test(resolved)) {
    fail(`${name} must be a non-empty string without spaces or colons`);
  }
  return resolved;
}

/** Validates the options of `startSimulator` and fills in the defaults. */
export function resolveOptions(options: SimulatorOptions): ResolvedSimulatorOptions {
  if (options === null || typeof options !== 'object') fail('options must be an object');
  const referenceTime = new Date(options.referenceTime ?? DEFAULT_REFERENCE_TIME).getTime();
  if (Number.isNaN(referenceTime)) fail('referenceTime must be a Date, an ISO string or epoch milliseconds');
  if (options.now !== undefined && typeof options.now !== 'function')
    fail('now must be a function returning epoch milliseconds');
  const { clock } = options;
  if (clock !== undefined && (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function')) {
    fail(
      'clock must be an object with a now() method returning epoch milliseconds (see manualClock, acceleratedClock)',
    );
  }
  if (clock !== undefined && options.now !== undefined) fail('give either clock or now, not both');
  const credentials = options.credentials ?? {};
  return {
    port: integer(options.port, 0, 'port', 0, 65_535),
    host: options.host ?? '127.0.0.1',
    latencyMs: integer(options.latencyMs, 0, 'latencyMs', 0),
    tokenLifetimeSeconds: integer(options.tokenLifetimeSeconds, 3600, 'tokenLifetimeSeconds', 1),
    clientId: text(credentials.clientId, DEFAULT_CLIENT_ID, 'credentials.clientId'),
    clientSecret: text(credentials.clientSecret, DEFAULT_CLIENT_SECRET, 'credentials.clientSecret'),
    partnerId: text(credentials.partnerId, PARTNER_ID, 'credentials.partnerId'),
    wafLimit: options.wafLimit === false ? false : normalizeWaf(options.wafLimit ?? { max: 2000 }),
    referenceTime,
    now: clock ? () => clock.now() : (options.now ?? Date.now),
  };
}
