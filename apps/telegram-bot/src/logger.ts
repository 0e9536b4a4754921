import pino, { type DestinationStream, type Logger } from 'pino';
import { build as prettyStream } from 'pino-pretty';

export type { Logger } from 'pino';

/** Keys whose values are secrets wherever they appear in a log object. */
const SECRET_KEYS = [
  'token',
  'botToken',
  'accessToken',
  'access_token',
  'authorization',
  'Authorization',
  'clientSecret',
  'client_secret',
  'password',
  'encryptionKey',
  'credentials',
  'secret_token',
];

const redactPaths = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'headers.authorization',
  '*.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/** Text that is a secret whatever key holds it: auth headers, bearer tokens, bot tokens in URLs. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/g,
  /\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g,
  /\bey[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g,
];

/** Replaces known secrets and secret-looking text in one string. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const pattern of SECRET_PATTERNS)
    out = out.replace(pattern, (match, scheme?: string) => (scheme ? `${scheme} [redacted]` : '[redacted]'));
  return out;
}

function scrubDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  // Errors are left to the `err` serializer, which keeps their message and stack and scrubs them.
  if (depth > 6 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubDeep(item, secrets, depth + 1);
  return out;
}

function serializeError(err: unknown, secrets: readonly string[]): unknown {
  if (!(err instanceof Error)) return scrubDeep(err, secrets);
  const base = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  // telegraf's errors carry the whole request (`on.payload`), which may hold user text: keep the method only.
  const on = (err as { on?: { method?: unknown } }).on;
  const safe: Record<string, unknown> = { type: base.type, message: base.message, stack: base.stack };
  for (const key of ['code', 'status', 'endpoint', 'name', 'errorId', 'retryAfter', 'description']) {
    if (key in base) safe[key] = base[key];
  }
  if (on?.method !== undefined) safe.method = on.method;
  return scrubDeep(safe, secrets);
}

/** JSON lines (for log collectors), or one readable, coloured line per entry (for a person at a terminal). */
export type LogFormat = 'json' | 'pretty';

/**
 * How the bot logs: readable lines only when it runs against the local sandbox and stdout is a
 * terminal (`npm start` without a token); JSON lines otherwise, as production and pipes expect.
 * @example chooseLogFormat({ sandbox: true, terminal: process.stdout.isTTY === true }) // 'pretty' in a terminal
 */
export function chooseLogFormat(where: { sandbox: boolean; terminal: boolean }): LogFormat {
  return where.sandbox && where.terminal ? 'pretty' : 'json';
}

export interface LoggerOptions {
  level: string;
  /** Exact strings never to print (the bot token, the encryption key …). */
  secrets?: readonly string[] | undefined;
  /** Where lines go; default stdout. Tests pass a stream to read them back. */
  destination?: DestinationStream;
  /** @default 'json' */
  format?: LogFormat;
}

/**
 * The readable format's stream. Entries reach it already redacted and scrubbed, as JSON, so what
 * it prints is no more than the JSON line would have held. Synchronous, so that the last entry
 * before an exit is on the terminal.
 */
function prettyDestination(destination: DestinationStream | undefined): DestinationStream {
  return prettyStream({
    destination: destination ?? 1,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,app',
    // Colours follow the terminal (and NO_COLOR); a stream given by a caller gets plain text.
    ...(destination === undefined ? {} : { colorize: false }),
  });
}

/**
 * A structured logger (pino) that never prints a secret: secret keys are censored by path,
 * secret-looking text and the given exact secrets are replaced in every string, errors included.
 * It writes JSON lines, or with `format: 'pretty'` readable lines, redacted the same way.
 * @example createLogger({ level: 'info', secrets: [config.telegramToken] }).info('started')
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length > 0);
  return pino(
    {
      level: options.level,
      base: { app: 'telegram-bot' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { err: (err: unknown) => serializeError(err, secrets) },
      formatters: { log: (object) => scrubDeep(object, secrets) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrub(arg, secrets) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.format === 'pretty'
      ? prettyDestination(options.destination)
      : (options.destination ?? pino.destination({ dest: 1, sync: false })),
  );
}
