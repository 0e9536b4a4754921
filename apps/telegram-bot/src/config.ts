import { hostname } from 'node:os';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { parseDatabaseUrl, type DatabaseUrl } from './database-url';
import { encryptionKeySchema } from './encryption-key-setting';
import { DEFAULT_JOB_HEARTBEAT_SECONDS, MIN_JOB_HEARTBEAT_SECONDS } from './jobs/pg-boss-scheduler';
import { DEFAULT_OUTBOX_LEASE_MS } from './storage/outbox';
import { DEFAULT_UPDATE_LEASE_MS } from './storage/update-inbox';

// createConfig's error, importable beside it.
export { ConfigError } from './config-error';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An environment value, where the empty string (a blank line in `.env`) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const httpUrl = (what: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` });

/** An identifier that logs, metric labels and database rows carry as it is. */
const identifier = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, `must be 1-63 letters, digits, dots, dashes or underscores (${what})`);

/** A number of seconds; `example` shows a good value. */
const seconds = (example: string) => z.coerce.number({ error: `must be a number of seconds, ${example}` });

const envSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: optional(
      z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… (the token @BotFather gave you)'),
    ),
    TELEGRAM_API_ROOT: optional(httpUrl('a Bot API server, e.g. https://api.telegram.org')),
    PLUME_SSO_URL: optional(httpUrl('your Plume token URL, …/oauth2/<id>/v1/token')),
    PLUME_API_BASE: optional(httpUrl('e.g. https://piranha-gamma.prod.us-west-2.aws.plumenet.io/api/')),
    PLUME_REPORTS_BASE: optional(httpUrl('e.g. https://piranha-gamma.prod.us-west-2.aws.plumenet.io/reports/')),
    DATA_DIR: optional(z.string()),
    BOT_ENCRYPTION_KEY: optional(encryptionKeySchema),
    ALLOWED_USERS: optional(
      z
        .string()
        .regex(
          /^\s*\d{1,15}(\s*,\s*\d{1,15})*\s*,?\s*$/,
          'must be Telegram user ids separated by commas, e.g. 12345,67890',
        )
        .transform((value) =>
          value
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
            .map(Number),
        ),
    ),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
    WEBHOOK_URL: optional(
      z
        .url({ protocol: /^https?$/, error: 'must be the public https URL Telegram will post updates to' })
        .refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url), {
          message: 'must be https (http only for a local Bot API server on this machine)',
        }),
    ),
    PORT: optional(
      z.coerce
        .number({ error: 'must be a port number' })
        .int('must be a whole port number')
        .min(0, 'must be between 0 and 65535 (0 picks a free port)')
        .max(65535, 'must be between 0 and 65535 (0 picks a free port)'),
    ),
    HOST: optional(z.string()),
    RATE_LIMIT_PER_MINUTE: optional(
      z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
    ),
    PLUME_QUEUE_MAX_WAIT_SECONDS: optional(
      z.coerce
        .number({ error: 'must be a number of seconds, e.g. 30' })
        .positive('must be more than 0 seconds, e.g. 30')
        .max(600, 'must be at most 600 seconds (nobody waits longer for a chat answer)'),
    ),
    WATCH_INTERVAL_SECONDS: optional(
      z.coerce
        .number({ error: 'must be a number of seconds, e.g. 300' })
        .int('must be a whole number of seconds, e.g. 300')
        .min(10, 'must be at least 10 seconds (each check costs Plume calls)')
        .max(86_400, 'must be at most 86400 seconds (one day)'),
    ),
    MAX_WATCHES_PER_PERSON: optional(
      z.coerce
        .number({ error: 'must be a number, e.g. 200' })
        .int('must be a whole number, e.g. 200')
        .min(1, 'must be at least 1')
        .max(100_000, 'must be at most 100000'),
    ),
    AUDIT_RETENTION_DAYS: optional(
      z.coerce.number({ error: 'must be a number of days' }).int('must be a whole number').min(1, 'must be at least 1'),
    ),
    INVITE_EXPIRY_HOURS: optional(
      z.coerce
        .number({ error: 'must be a number of hours' })
        .positive('must be more than 0')
        .max(24 * 30, 'must be at most 720 (30 days)'),
    ),
    REPLICA_ID: optional(identifier('this process among the replicas, e.g. bot-1')),
    PLUME_EGRESS_ID: optional(identifier('the address replicas reach Plume from, e.g. office-nat')),
    DATABASE_URL: optional(z.string()),
    STOP_GRACE_SECONDS: optional(
      z.coerce
        .number({ error: 'must be a number of seconds' })
        .min(0, 'must be 0 or more seconds')
        .max(3600, 'must be at most 3600 seconds'),
    ),
    INBOX_LEASE_SECONDS: optional(
      seconds('e.g. 30')
        .min(3, 'must be at least 3 seconds (renewed every third of it, each renewal a database round trip)')
        .max(3600, "must be at most 3600 seconds (a dead replica's updates wait that long)"),
    ),
    OUTBOX_LEASE_SECONDS: optional(
      seconds('e.g. 60')
        .min(10, 'must be at least 10 seconds (a claim outlasts one paced call to Telegram)')
        .max(3600, "must be at most 3600 seconds (a dead replica's notifications wait that long)"),
    ),
    JOB_HEARTBEAT_SECONDS: optional(
      seconds('e.g. 30')
        .int('must be a whole number of seconds, e.g. 30')
        .min(MIN_JOB_HEARTBEAT_SECONDS, `must be at least ${MIN_JOB_HEARTBEAT_SECONDS} seconds (pg-boss's minimum)`)
        .max(3600, "must be at most 3600 seconds (a dead replica's jobs wait that long)"),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL !== undefined && env.PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PORT'], message: 'is required with WEBHOOK_URL (the port to listen on)' });
    }
    if (env.WEBHOOK_URL !== undefined && env.TELEGRAM_BOT_TOKEN === undefined) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: 'needs TELEGRAM_BOT_TOKEN (the sandbox polls)' });
    }
  });

/** Every environment variable the bot reads (each is documented in `.env.example`). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Where the Plume cloud is, when a user's own credentials don't say otherwise. */
export interface PlumeEndpoints {
  ssoUrl?: string | undefined;
  apiBase?: string | undefined;
  reportsBase?: string | undefined;
}

/** The bot's validated configuration; see `.env.example` for what each value means. */
export interface Config {
  /** Unset: run against the local sandbox and simulator instead of Telegram. */
  telegramToken?: string | undefined;
  telegramApiRoot: string;
  plume: PlumeEndpoints;
  dataDir: string;
  encryptionKey?: Buffer | undefined;
  /** Unset: everyone may use the bot. */
  allowedUsers?: ReadonlySet<number> | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  webhookUrl?: string | undefined;
  /** Port of the HTTP server (`/healthz`, `/metrics`, webhook); unset: no server. */
  port?: number | undefined;
  host: string;
  rateLimitPerMinute: number;
  /**
   * The longest a request may wait its turn among the requests of people sharing one Plume
   * credential; a request that would wait longer is answered at once that the account is busy.
   */
  plumeQueueMaxWaitMs: number;
  /** How long a stop waits for the updates in flight before leaving them in the inbox for the next start. */
  stopGraceMs: number;
  /** How often each watched location is checked, seconds; unset: the environment's default (300, the sandbox's shorter). */
  watchIntervalSeconds?: number | undefined;
  /** How many locations one person may watch. */
  maxWatchesPerPerson: number;
  /** How long audit entries are kept (`AUDIT_RETENTION_DAYS`, default 90). */
  auditRetentionDays: number;
  /** How long an invite link stays valid (`INVITE_EXPIRY_HOURS`, default 72). */
  inviteExpiryHours: number;
  /** This process among the replicas (`REPLICA_ID`): the `/metrics` label, and the owner of its claims. */
  replicaId: string;
  /**
   * The source address this process reaches Plume from (`PLUME_EGRESS_ID`, default `default`):
   * replicas with the same one share each cloud's Plume budget.
   */
  plumeEgressId: string;
  /** The PostgreSQL database of every replica's state (`DATABASE_URL`); unset: one SQLite file in `dataDir`. */
  database?: DatabaseUrl | undefined;
  /**
   * How long an update a replica took stays its own without being renewed (`INBOX_LEASE_SECONDS`,
   * default 30): after that (the replica died) another replica takes it over. Renewed every third of it.
   */
  inboxLeaseMs: number;
  /**
   * How long a relay's claim on a notification holds (`OUTBOX_LEASE_SECONDS`, default 60), renewed
   * just before each is sent: after that (the replica died) another relay sends it.
   */
  outboxLeaseMs: number;
  /**
   * How often a replica running a background job tells pg-boss it is alive (`JOB_HEARTBEAT_SECONDS`,
   * default 30, at least 10): a killed replica's jobs go to another once it lapses.
   */
  jobHeartbeatSeconds: number;
}

/** Default of `WATCH_INTERVAL_SECONDS`: each watched location is checked every 5 minutes. */
export const DEFAULT_WATCH_INTERVAL_SECONDS = 300;

/** Default of {@link Config.maxWatchesPerPerson}. */
export const DEFAULT_MAX_WATCHES_PER_PERSON = 200;

/** Default of {@link Config.rateLimitPerMinute}: a burst of this many Plume-backed actions per minute. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30;

/** Default of {@link Config.plumeQueueMaxWaitMs}: 30 s. */
export const DEFAULT_PLUME_QUEUE_MAX_WAIT_MS = 30_000;

/** Default of `AUDIT_RETENTION_DAYS`: how long the audit log keeps an entry. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 90;

/** Default of `INVITE_EXPIRY_HOURS`: how long an invite link stays valid. */
export const DEFAULT_INVITE_EXPIRY_HOURS = 72;

/** Default of `STOP_GRACE_SECONDS`: how long a stop waits for the updates in flight. */
export const DEFAULT_STOP_GRACE_SECONDS = 10;

/** Default of `PLUME_EGRESS_ID`: every replica is behind one address, so all share one budget per cloud. */
export const DEFAULT_PLUME_EGRESS_ID = 'default';

/**
 * Default of `REPLICA_ID`: the host name and process id, unique among processes running at the same
 * time (a container's host name is its id). The one place a replica's identity is made.
 * @example defaultReplicaId('bot-7f9c', 1) // 'bot-7f9c-1'
 */
export function defaultReplicaId(host: string = hostname(), pid: number = process.pid): string {
  const name = host.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 48) || 'host';
  return `${/^[A-Za-z0-9]/.test(name) ? name : `h${name}`}-${pid}`;
}

/**
 * Validates the environment once, at start.
 * @throws {ConfigError} naming every bad variable; values are never echoed (some are secrets).
 * @example createConfig(process.env).dataDir // './data'
 */
export function createConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    telegramToken: e.TELEGRAM_BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT ?? 'https://api.telegram.org',
    plume: { ssoUrl: e.PLUME_SSO_URL, apiBase: e.PLUME_API_BASE, reportsBase: e.PLUME_REPORTS_BASE },
    dataDir: e.DATA_DIR ?? './data',
    encryptionKey: e.BOT_ENCRYPTION_KEY,
    allowedUsers: e.ALLOWED_USERS === undefined ? undefined : new Set(e.ALLOWED_USERS),
    logLevel: e.LOG_LEVEL ?? 'info',
    webhookUrl: e.WEBHOOK_URL,
    port: e.PORT,
    host: e.HOST ?? '0.0.0.0',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    plumeQueueMaxWaitMs:
      e.PLUME_QUEUE_MAX_WAIT_SECONDS === undefined
        ? DEFAULT_PLUME_QUEUE_MAX_WAIT_MS
        : e.PLUME_QUEUE_MAX_WAIT_SECONDS * 1000,
    stopGraceMs: (e.STOP_GRACE_SECONDS ?? DEFAULT_STOP_GRACE_SECONDS) * 1000,
    watchIntervalSeconds: e.WATCH_INTERVAL_SECONDS,
    maxWatchesPerPerson: e.MAX_WATCHES_PER_PERSON ?? DEFAULT_MAX_WATCHES_PER_PERSON,
    inviteExpiryHours: e.INVITE_EXPIRY_HOURS ?? DEFAULT_INVITE_EXPIRY_HOURS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS ?? DEFAULT_AUDIT_RETENTION_DAYS,
    replicaId: e.REPLICA_ID ?? defaultReplicaId(),
    plumeEgressId: e.PLUME_EGRESS_ID ?? DEFAULT_PLUME_EGRESS_ID,
    database:
      e.DATABASE_URL === undefined || e.DATABASE_URL.trim() === '' ? undefined : parseDatabaseUrl(e.DATABASE_URL),
    inboxLeaseMs: e.INBOX_LEASE_SECONDS === undefined ? DEFAULT_UPDATE_LEASE_MS : e.INBOX_LEASE_SECONDS * 1000,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS === undefined ? DEFAULT_OUTBOX_LEASE_MS : e.OUTBOX_LEASE_SECONDS * 1000,
    jobHeartbeatSeconds: e.JOB_HEARTBEAT_SECONDS ?? DEFAULT_JOB_HEARTBEAT_SECONDS,
  };
}
