import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, createConfig, defaultReplicaId, ENV_VARIABLES } from './config';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function problemsOf(env: Record<string, string>): string[] {
  try {
    createConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createConfig', () => {
  it('gives working defaults for an empty environment (the sandbox)', () => {
    const config = createConfig({});
    expect(config.telegramToken).toBeUndefined();
    expect(config.telegramApiRoot).toBe('https://api.telegram.org');
    expect(config.dataDir).toBe('./data');
    expect(config.logLevel).toBe('info');
    expect(config.allowedUsers).toBeUndefined();
    expect(config.port).toBeUndefined();
  });

  it('treats blank values as unset, as a copied .env.example leaves them', () => {
    expect(createConfig({ PORT: '', ALLOWED_USERS: ' ', LOG_LEVEL: '' }).port).toBeUndefined();
  });

  it('parses the allow-list, the port and a hex encryption key', () => {
    const config = createConfig({ ALLOWED_USERS: '12, 34,56', PORT: '8080', BOT_ENCRYPTION_KEY: 'ab'.repeat(32) });
    expect([...(config.allowedUsers ?? [])]).toEqual([12, 34, 56]);
    expect(config.port).toBe(8080);
    expect(config.encryptionKey?.length).toBe(32);
  });

  it('reads the longest wait in a credential’s queue in seconds, 30 by default', () => {
    expect(createConfig({}).plumeQueueMaxWaitMs).toBe(30_000);
    expect(createConfig({ PLUME_QUEUE_MAX_WAIT_SECONDS: '7.5' }).plumeQueueMaxWaitMs).toBe(7500);
    expect(problemsOf({ PLUME_QUEUE_MAX_WAIT_SECONDS: '0' })).toEqual([
      'PLUME_QUEUE_MAX_WAIT_SECONDS must be more than 0 seconds, e.g. 30',
    ]);
    expect(problemsOf({ PLUME_QUEUE_MAX_WAIT_SECONDS: 'soon' })).toEqual([
      'PLUME_QUEUE_MAX_WAIT_SECONDS must be a number of seconds, e.g. 30',
    ]);
  });

  it('names each bad variable and says what it must be', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      ALLOWED_USERS: 'alice',
      PLUME_API_BASE: 'ftp://x',
    });
    expect(problems.some((p) => p.startsWith('PORT '))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL must be one of'))).toBe(true);
    expect(problems.some((p) => p.startsWith('ALLOWED_USERS must be Telegram user ids'))).toBe(true);
    expect(problems.some((p) => p.startsWith('PLUME_API_BASE must be an http(s) URL'))).toBe(true);
  });

  it('never repeats a secret value in its message', () => {
    const badToken = 'not-a-token-but-secret-ish-value';
    const error = (() => {
      try {
        createConfig({ TELEGRAM_BOT_TOKEN: badToken, BOT_ENCRYPTION_KEY: 'short-secret' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected an error');
    })();
    expect(error.message).toContain('TELEGRAM_BOT_TOKEN');
    expect(error.message).toContain('BOT_ENCRYPTION_KEY');
    expect(error.message).not.toContain(badToken);
    expect(error.message).not.toContain('short-secret');
  });

  it('requires PORT and a token with WEBHOOK_URL', () => {
    expect(problemsOf({ WEBHOOK_URL: 'https://bot.example.com/hook' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT is required with WEBHOOK_URL/),
        expect.stringMatching(/^WEBHOOK_URL needs TELEGRAM_BOT_TOKEN/),
      ]),
    );
    expect(
      createConfig({ WEBHOOK_URL: 'https://bot.example.com/hook', PORT: '8443', TELEGRAM_BOT_TOKEN: TOKEN }).webhookUrl,
    ).toBe('https://bot.example.com/hook');
  });

  it('reads only variables that .env.example documents, and .env.example lists each of them', () => {
    const example = readFileSync(join(__dirname, '..', '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map(([, name = '']) => name);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
    expect(ENV_VARIABLES).toEqual(
      expect.arrayContaining([
        'TELEGRAM_BOT_TOKEN',
        'TELEGRAM_API_ROOT',
        'PLUME_SSO_URL',
        'PLUME_API_BASE',
        'PLUME_REPORTS_BASE',
        'DATA_DIR',
        'BOT_ENCRYPTION_KEY',
        'ALLOWED_USERS',
        'LOG_LEVEL',
        'WEBHOOK_URL',
        'PORT',
      ]),
    );
    expect(createConfig(Object.fromEntries(documented.map((name) => [name, ''] as const))).dataDir).toBe('./data');
  });
});

describe('REPLICA_ID and PLUME_EGRESS_ID', () => {
  it('name this process and its egress address, by default the host and pid, and one shared budget', () => {
    const defaults = createConfig({});
    expect(defaults.replicaId).toBe(defaultReplicaId());
    expect(defaults.replicaId).toMatch(new RegExp(`-${process.pid}$`));
    expect(defaults.plumeEgressId).toBe('default');
    const set = createConfig({ REPLICA_ID: ' bot-1 ', PLUME_EGRESS_ID: 'office-nat' });
    expect([set.replicaId, set.plumeEgressId]).toEqual(['bot-1', 'office-nat']);
  });

  it('keeps a default replica id a valid identifier, whatever the host is called', () => {
    expect(defaultReplicaId('bot-7f9c', 12)).toBe('bot-7f9c-12');
    expect(defaultReplicaId('_weird host!', 3)).toBe('h_weird-host--3');
    expect(defaultReplicaId('', 4)).toBe('host-4');
    expect(createConfig({ REPLICA_ID: defaultReplicaId('x'.repeat(80), 99_999) }).replicaId).toHaveLength(54);
  });

  it('refuses ids that a label or a row could not carry as they are', () => {
    expect(() => createConfig({ REPLICA_ID: 'bot 1' })).toThrow(/REPLICA_ID must be 1-63 letters/);
    expect(() => createConfig({ PLUME_EGRESS_ID: 'x'.repeat(64) })).toThrow(/PLUME_EGRESS_ID must be 1-63 letters/);
  });
});

describe('INBOX_LEASE_SECONDS, OUTBOX_LEASE_SECONDS and JOB_HEARTBEAT_SECONDS', () => {
  it('default to a 30 s inbox lease, a 60 s outbox lease and a 30 s job heartbeat', () => {
    const config = createConfig({});
    expect([config.inboxLeaseMs, config.outboxLeaseMs, config.jobHeartbeatSeconds]).toEqual([30_000, 60_000, 30]);
  });

  it('read each in seconds', () => {
    const config = createConfig({
      INBOX_LEASE_SECONDS: '4.5',
      OUTBOX_LEASE_SECONDS: '120',
      JOB_HEARTBEAT_SECONDS: '10',
    });
    expect([config.inboxLeaseMs, config.outboxLeaseMs, config.jobHeartbeatSeconds]).toEqual([4500, 120_000, 10]);
  });

  it('say what a bad value must be, and why', () => {
    expect(problemsOf({ JOB_HEARTBEAT_SECONDS: '5' })).toEqual([
      "JOB_HEARTBEAT_SECONDS must be at least 10 seconds (pg-boss's minimum)",
    ]);
    expect(problemsOf({ JOB_HEARTBEAT_SECONDS: '12.5' })).toEqual([
      'JOB_HEARTBEAT_SECONDS must be a whole number of seconds, e.g. 30',
    ]);
    expect(problemsOf({ INBOX_LEASE_SECONDS: '1' })).toEqual([
      'INBOX_LEASE_SECONDS must be at least 3 seconds (renewed every third of it, each renewal a database round trip)',
    ]);
    expect(problemsOf({ OUTBOX_LEASE_SECONDS: '5' })).toEqual([
      'OUTBOX_LEASE_SECONDS must be at least 10 seconds (a claim outlasts one paced call to Telegram)',
    ]);
    expect(problemsOf({ OUTBOX_LEASE_SECONDS: 'a minute' })).toEqual([
      'OUTBOX_LEASE_SECONDS must be a number of seconds, e.g. 60',
    ]);
    expect(problemsOf({ INBOX_LEASE_SECONDS: '7200' })).toEqual([
      "INBOX_LEASE_SECONDS must be at most 3600 seconds (a dead replica's updates wait that long)",
    ]);
  });
});
